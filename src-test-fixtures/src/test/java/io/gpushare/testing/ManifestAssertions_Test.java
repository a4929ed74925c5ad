package io.gpushare.testing;

import static io.gpushare.testing.ManifestAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.Acknowledgement;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.validate.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every assertion with a passing and a failing case, checking the failure message. */
class ManifestAssertions_Test {

  @Test
  void should_pass_navigation_and_domain_checks_on_the_tutorial_shape() {
    assertThat(TutorialBundle.of(2)).isValid().hasFinding("ROLLOUT_SURGE_OVERCOMMIT");
    assertThat(TutorialBundle.of(2)).resourceClaim("gpu-claim").usesTimeSlicing(TimeSliceInterval.LONG);
    assertThat(TutorialBundle.of(2)).deployment("vllm-gpu").hasReplicas(2).hasGpuMemoryUtilization(0.42).referencesClaim("gpu-claim");
  }

  @Test
  void should_fail_when_the_named_claim_is_missing() {
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(2)).resourceClaim("other"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting the manifests to contain a ResourceClaim named:%n  \"other\"%n"
            + "but the ResourceClaim objects were:%n  [\"gpu-claim\"]").formatted());
  }

  @Test
  void should_fail_when_the_interval_differs() {
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(2)).resourceClaim("gpu-claim").usesTimeSlicing(TimeSliceInterval.SHORT))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting the sharing strategy and interval at:%n"
            + "  \"ResourceClaim[gpu-claim].spec.devices.config[].opaque.parameters.sharing\"%n"
            + "to be:%n  \"TimeSlicing Short\"%nbut was:%n  \"TimeSlicing Long\"").formatted());
  }

  @Test
  void should_fail_when_the_claim_is_not_shared_with_mps() {
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(2)).resourceClaim("gpu-claim").usesMps())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the sharing strategy at:")
        .hasMessageContaining("to be:%n  \"MPS\"%nbut was:%n  \"TimeSlicing\"".formatted());
  }

  @Test
  void should_fail_with_the_path_when_replicas_utilization_or_claim_differ() {
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(2)).deployment("vllm-gpu").hasReplicas(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage("%nExpecting replicas at:%n  \"Deployment[vllm-gpu].spec.replicas\"%nto be:%n  3%nbut was:%n  2".formatted());
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(2)).deployment("vllm-gpu").hasGpuMemoryUtilization(0.5))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting --gpu-memory-utilization at:%n"
            + "  \"Deployment[vllm-gpu].spec.template.spec.containers[0]\"%nto be:%n  \"0.5\"%nbut was:%n  \"0.42\"").formatted());
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(2)).deployment("vllm-gpu").referencesClaim("other-claim"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting a claim reference at:%n  \"Deployment[vllm-gpu].spec.template.spec.resourceClaims\"%n"
            + "to be:%n  \"other-claim\"%nbut was:%n  [\"gpu-claim\"]").formatted());
  }

  @Test
  void should_read_the_utilization_of_a_hand_written_deployment_when_a_script_starts_vllm() {
    // GIVEN the docs' k8s.md shape: sh -c "vllm serve ...", the fraction from the container's env
    String yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm-gpu
        spec:
          template:
            spec:
              containers:
              - name: vllm
                image: vllm/vllm-openai:v0.10.0
                command: ["/bin/sh", "-c"]
                args: ["exec vllm serve google/gemma-3-1b-it --gpu_memory_utilization $UTIL"]
                env:
                - name: UTIL
                  value: "0.420"
        """;
    // WHEN / THEN
    assertThat(yaml).deployment("vllm-gpu").hasGpuMemoryUtilization(0.42);
    assertThatThrownBy(() -> assertThat(yaml).deployment("vllm-gpu").hasGpuMemoryUtilization(0.5))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting --gpu-memory-utilization at:%n"
            + "  \"Deployment[vllm-gpu].spec.template.spec.containers[0]\"%nto be:%n  \"0.5\"%nbut was:%n  \"0.420\"")
            .formatted());
  }

  @Test
  void should_fail_is_valid_listing_every_finding() {
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(3)).isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting the manifests to have no error, but the validator found:%n"
            + "  ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00):"
            + " Deployment[vllm-gpu] 3 x 0.42").formatted());
  }

  @Test
  void should_pass_is_valid_and_has_acknowledged_finding_when_the_error_is_acknowledged() {
    // GIVEN the tutorial's image, which cannot load Gemma 3, kept on purpose
    ManifestBundle bundle = TutorialBundle.of(2, "vllm/vllm-openai:v0.7.2",
        Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, "reproduces the GKE tutorial as published"));
    // WHEN / THEN
    assertThat(bundle).isValid()
        .hasFinding("VLLM_IMAGE_TOO_OLD")
        .hasAcknowledgedFinding("VLLM_IMAGE_TOO_OLD", "reproduces the GKE tutorial as published");
  }

  @Test
  void should_fail_has_acknowledged_finding_listing_the_findings_of_the_code_when_none_is_acknowledged() {
    // GIVEN the tutorial's image, not acknowledged
    ManifestBundle bundle = TutorialBundle.of(2, "vllm/vllm-openai:v0.7.2");
    // WHEN / THEN
    assertThatThrownBy(() -> assertThat(bundle).hasAcknowledgedFinding("VLLM_IMAGE_TOO_OLD", "as published"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting a finding with code:%n  VLLM_IMAGE_TOO_OLD%nacknowledged for:%n  as published%n"
            + "but the findings with that code were:%n"
            + "  ERROR VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: expected vLLM"
            + " 0.8.2 or newer for google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2").formatted());
  }

  @Test
  void should_fail_has_finding_listing_the_findings_there_are() {
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(1)).hasFinding("GPU_MEMORY_OVERCOMMIT"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("%nExpecting a finding with code:%n  \"GPU_MEMORY_OVERCOMMIT\"%nbut the findings were:%n  []".formatted());
  }

  @Test
  void should_compare_with_expected_yaml_and_report_differing_paths(@TempDir Path dir) throws IOException {
    // GIVEN: the claim written to a file, then the same claim with another interval
    Path claim = Files.writeString(dir.resolve("claim.yaml"), ReferenceDocuments.timeSlicingClaim());
    // WHEN / THEN
    assertThat(claim).isEquivalentTo(ReferenceDocuments.timeSlicingClaim());
    assertThat(ReferenceDocuments.timeSlicingClaim()).isEquivalentTo(ReferenceDocuments.timeSlicingClaim());
    assertThatThrownBy(() -> assertThat(claim)
            .isEquivalentTo(ReferenceDocuments.timeSlicingClaim().replace("interval: Long", "interval: Short")))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting the manifests to be equivalent to the expected YAML, but:%n"
            + "  [0].spec.devices.config[0].opaque.parameters.sharing.timeSlicingConfig.interval: expected \"Short\""
            + " (String) but was \"Long\" (String)").formatted());
  }

  @Test
  void should_pass_uses_mps_on_a_claim_shared_with_mps() {
    ManifestBundle mps = ManifestBundle.builder()
        .add("claim.yaml", DeviceClaimSpec.shared("gpu-claim")
            .addRequests(DeviceRequestSpec.of("gpu", "gpu.nvidia.com"))
            .addConfig(DeviceConfig.of(List.of("gpu"), GpuConfig.mps(
                io.gpushare.core.model.MpsConfig.builder().defaultActiveThreadPercentage(50).build())))
            .build())
        .build();
    assertThat(mps).resourceClaim("gpu-claim").usesMps();
  }
}
