package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.model.ClaimScope;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Claims and templates as one list of device claims, with a scope, ids and paths for findings. */
class DeviceClaims_of_Test {

  @Test
  void should_list_claims_then_templates_with_their_paths_when_given_both() {
    // GIVEN
    var template = Validator_rules_Test.gpuTemplate("gpu-template");
    var claim = new Fixture().claim;
    // WHEN
    DeviceClaims claims = DeviceClaims.of(List.of(claim), List.of(template), Catalog.standard());
    // THEN
    assertThat(claims.all()).extracting(c -> c.scope() + " " + c.id() + " " + c.devicesPath()).containsExactly(
        "SHARED ResourceClaim[gpu-claim] ResourceClaim[gpu-claim].spec.devices",
        "PER_POD ResourceClaimTemplate[gpu-template] ResourceClaimTemplate[gpu-template].spec.spec.devices");
    assertThat(claims.find(ClaimScope.PER_POD, null, "gpu-template")).map(DeviceClaims.DeviceClaimView::resource)
        .containsSame(template);
    assertThat(claims.find(ClaimScope.SHARED, null, "gpu-template")).isEmpty();
    assertThat(claims.devicesReferencedBy(null, "gpu-claim", null).deviceCount()).isEqualTo(OptionalLong.of(1));
    assertThat(claims.devicesReferencedBy(null, null, "missing")).isSameAs(ClaimDevices.UNKNOWN);
  }

  @Test
  void should_find_the_claim_of_the_pods_namespace_only_when_claims_of_one_name_are_in_several() {
    // GIVEN gpu-claim in namespace a (one device) and in namespace b (two devices)
    var inA = new Fixture().claim;
    inA.getMetadata().setNamespace("a");
    var inB = new Fixture().claim;
    inB.getMetadata().setNamespace("b");
    inB.getSpec().getDevices().getRequests().get(0).getExactly().setCount(2L);
    // WHEN
    DeviceClaims claims = DeviceClaims.of(List.of(inA, inB), List.of(), Catalog.standard());
    // THEN a pod of b gets b's claim, a pod of c none, a pod without a namespace the first that may be its own
    assertThat(claims.find(ClaimScope.SHARED, "b", "gpu-claim")).map(DeviceClaims.DeviceClaimView::resource)
        .containsSame(inB);
    assertThat(claims.devicesReferencedBy("b", "gpu-claim", null).deviceCount()).isEqualTo(OptionalLong.of(2));
    assertThat(claims.find(ClaimScope.SHARED, "c", "gpu-claim")).isEmpty();
    assertThat(claims.find(ClaimScope.SHARED, null, "gpu-claim")).map(DeviceClaims.DeviceClaimView::resource)
        .containsSame(inA);
    assertThat(claims.named(ClaimScope.SHARED, "gpu-claim")).extracting(DeviceClaims.DeviceClaimView::namespace)
        .containsExactly("a", "b");
  }

  @Test
  void should_prefer_a_claim_of_the_same_namespace_over_one_left_to_kubectl_when_both_are_there() {
    // GIVEN gpu-claim without a namespace first, then one in namespace ml
    var anywhere = new Fixture().claim;
    var inMl = new Fixture().claim;
    inMl.getMetadata().setNamespace("ml");
    // WHEN
    DeviceClaims claims = DeviceClaims.of(List.of(anywhere, inMl), List.of(), Catalog.standard());
    // THEN
    assertThat(claims.find(ClaimScope.SHARED, "ml", "gpu-claim")).map(DeviceClaims.DeviceClaimView::resource)
        .containsSame(inMl);
    assertThat(claims.find(ClaimScope.SHARED, "other", "gpu-claim")).map(DeviceClaims.DeviceClaimView::resource)
        .containsSame(anywhere);
  }
}
