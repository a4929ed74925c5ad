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
        .containsExactly("WARNING CLAIM_NAMESPACE_MISMATCH Deployment[vllm-gpu].spec.template.spec.resourceClaims[0]"
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
}
