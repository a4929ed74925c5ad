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
    assertThat(claims.find(ClaimScope.PER_POD, "gpu-template")).map(DeviceClaims.DeviceClaimView::resource)
        .containsSame(template);
    assertThat(claims.find(ClaimScope.SHARED, "gpu-template")).isEmpty();
    assertThat(claims.devicesReferencedBy("gpu-claim", null).deviceCount()).isEqualTo(OptionalLong.of(1));
    assertThat(claims.devicesReferencedBy(null, "missing")).isSameAs(ClaimDevices.UNKNOWN);
  }
}
