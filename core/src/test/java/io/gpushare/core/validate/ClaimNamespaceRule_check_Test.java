package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.ManifestSpec;
import org.junit.jupiter.api.Test;

/**
 * A ResourceClaim is namespaced and a pod can only use a claim of its own namespace (Kubernetes
 * {@code pkg/apis/core/types.go}, {@code PodResourceClaim.ResourceClaimName}: "the name of a
 * ResourceClaim object in the same namespace as this pod").
 */
class ClaimNamespaceRule_check_Test {

  private static ManifestSet set(String claimNamespace, String workloadNamespace) {
    ManifestSpec claim = TutorialSpecs.claim("gpu-claim");
    ManifestSpec vllm = TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42");
    return ManifestSet.of(ManifestBundle.builder()
        .add("claim.yaml", claimNamespace == null ? claim : claim.withNamespace(claimNamespace))
        .add("vllm.yaml", workloadNamespace == null ? vllm : vllm.withNamespace(workloadNamespace))
        .build());
  }

  @Test
  void should_report_the_pod_claim_when_the_claim_is_only_in_another_namespace() {
    // WHEN
    ValidationReport report = Validator.standard().validate(set("default", "ml"));
    // THEN
    assertThat(report.findings()).filteredOn(f -> f.code().equals(FindingCode.CLAIM_NAMESPACE_MISMATCH.name()))
        .extracting(Finding::headline)
        .containsExactly("ERROR CLAIM_NAMESPACE_MISMATCH Deployment[vllm-gpu].spec.template.spec.resourceClaims[0]"
            + ".resourceClaimName: expected ResourceClaim 'gpu-claim' in namespace 'ml', the pod's, found it only in"
            + " namespace 'default'");
  }

  @Test
  void should_accept_the_claim_when_both_are_in_one_namespace_or_one_leaves_it_to_kubectl() {
    assertThat(Validator.standard().validate(set("ml", "ml")).findings())
        .noneMatch(f -> f.code().equals(FindingCode.CLAIM_NAMESPACE_MISMATCH.name()));
    assertThat(Validator.standard().validate(set(null, "ml")).findings())
        .noneMatch(f -> f.code().equals(FindingCode.CLAIM_NAMESPACE_MISMATCH.name()));
  }

  @Test
  void should_judge_the_budget_against_the_claim_of_the_pods_namespace_when_another_namespace_has_one_too() {
    // GIVEN gpu-claim in namespace default and in ml (the second used to replace the first), pods in ml
    Fixture fixture = new Fixture();
    fixture.claim.getMetadata().setNamespace("default");
    fixture.deployment.getMetadata().setNamespace("ml");
    fixture.service.getMetadata().setNamespace("ml");
    var own = new Fixture().claim;
    own.getMetadata().setNamespace("ml");
    fixture.extra.add(own);
    // WHEN
    ValidationReport report = Validator.standard().validate(fixture.set());
    // THEN the pods find their own claim: no mismatch
    assertThat(report.findings()).extracting(Finding::headline).isEmpty();
  }

  @Test
  void should_report_an_error_and_not_judge_the_budget_when_the_claim_is_only_in_another_namespace() {
    // GIVEN a claim in default that selects an L4 (where 2 x 0.49 plus CUDA contexts would not fit), pods in ml
    Fixture fixture = new Fixture();
    fixture.claim.getMetadata().setNamespace("default");
    fixture.deployment.getMetadata().setNamespace("ml");
    fixture.service.getMetadata().setNamespace("ml");
    fixture.devices().getRequests().get(0).getExactly().setSelectors(new java.util.ArrayList<>(java.util.List.of(
        new io.fabric8.kubernetes.api.model.resource.v1.DeviceSelectorBuilder().withNewCel().withExpression(
            "device.attributes[\"gpu.nvidia.com\"].productName == \"NVIDIA L4\"").endCel().build())));
    fixture.container().getArgs().replaceAll(a -> a.startsWith("--gpu-memory-utilization") ? "--gpu-memory-utilization=0.49" : a);
    // WHEN
    ValidationReport report = Validator.standard().validate(fixture.set());
    // THEN only the namespace error: the L4 of namespace default is not the pods' device
    assertThat(report.findings()).extracting(f -> f.headline() + " | " + f.hint()).containsExactly(
        "ERROR CLAIM_NAMESPACE_MISMATCH Deployment[vllm-gpu].spec.template.spec.resourceClaims[0].resourceClaimName:"
            + " expected ResourceClaim 'gpu-claim' in namespace 'ml', the pod's, found it only in namespace 'default'"
            + " | a pod can only use a ResourceClaim of its own namespace, so the pod stays Pending (the scheduler"
            + " finds no 'gpu-claim' in 'ml'): put Deployment[vllm-gpu] and the ResourceClaim in one namespace");
  }
}
