package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.ManifestBundle;
import org.junit.jupiter.api.Test;

/**
 * A ResourceClaim is namespaced: {@code gpu-claim} in {@code team-a} and {@code gpu-claim} in
 * {@code team-b} are two claims, two devices, two memory budgets.
 */
class SharingBudgetRule_namespaces_Test {

  private static ManifestBundle twoTeams(String namespaceA, String namespaceB) {
    return ManifestBundle.builder()
        .add("a.yaml", TutorialSpecs.claim("gpu-claim").withNamespace(namespaceA))
        .add("a.yaml", TutorialSpecs.vllm("vllm-a", "gpu-claim", 2, "0.42").withNamespace(namespaceA))
        .add("b.yaml", TutorialSpecs.claim("gpu-claim").withNamespace(namespaceB))
        .add("b.yaml", TutorialSpecs.vllm("vllm-b", "gpu-claim", 2, "0.42").withNamespace(namespaceB))
        .build();
  }

  @Test
  void should_sum_each_namespace_apart_when_two_claims_share_a_name() {
    // WHEN: 2 x 0.42 in each namespace
    ValidationReport report = Validator.standard().validate(ManifestSet.of(twoTeams("team-a", "team-b")));
    // THEN
    assertThat(report.findings()).extracting(Finding::code).doesNotContain("GPU_MEMORY_OVERCOMMIT");
  }

  @Test
  void should_sum_the_pods_together_when_they_are_in_one_namespace() {
    // GIVEN: the same two Deployments on one claim of one namespace (the claim written once)
    ManifestBundle oneTeam = ManifestBundle.builder()
        .add("a.yaml", TutorialSpecs.claim("gpu-claim").withNamespace("team-a"))
        .add("a.yaml", TutorialSpecs.vllm("vllm-a", "gpu-claim", 2, "0.42").withNamespace("team-a"))
        .add("b.yaml", TutorialSpecs.vllm("vllm-b", "gpu-claim", 2, "0.42").withNamespace("team-a"))
        .build();
    // WHEN
    ValidationReport report = Validator.standard().validate(ManifestSet.of(oneTeam));
    // THEN
    assertThat(report.findings()).filteredOn(f -> f.code().equals("GPU_MEMORY_OVERCOMMIT"))
        .extracting(Finding::message)
        .containsExactly("1.68 of the GPU's memory requested (limit 1.00): Deployment[vllm-a] 2 x 0.42,"
            + " Deployment[vllm-b] 2 x 0.42");
  }
}
