package io.gpushare.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.ResourceApiVersion;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.validate.ValidationException;
import org.junit.jupiter.api.Test;

/** Rendering for clusters older than Kubernetes 1.34: the DRA objects in v1beta2 or v1beta1, validated as v1. */
class ManifestRenderer_targeting_Test {
  private final RenderedManifests v1 = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));

  @Test
  void should_write_the_tutorial_in_v1beta2_differing_only_in_the_claims_api_version() {
    // WHEN
    RenderedManifests v1beta2 =
        ManifestRenderer.standard().targeting(ResourceApiVersion.V1BETA2).render(TutorialSpecs.bundle(2, "0.42"));
    // THEN
    assertThat(v1beta2.fileNames()).containsExactlyElementsOf(v1.fileNames());
    assertThat(v1beta2.text("claim.yaml")).startsWith("apiVersion: resource.k8s.io/v1beta2\nkind: ResourceClaim\n")
        .isEqualTo(v1.text("claim.yaml").replace("apiVersion: resource.k8s.io/v1\n", "apiVersion: resource.k8s.io/v1beta2\n"));
    assertThat(v1beta2.text("vllm.yaml")).isEqualTo(v1.text("vllm.yaml"));
    assertThat(v1beta2.driverValues()).isEqualTo(v1.driverValues());
    assertThat(v1beta2.report().findings()).isEqualTo(v1.report().findings());
  }

  @Test
  void should_write_a_v1beta1_request_with_its_fields_on_the_request() {
    // GIVEN: a template asking for two GPUs
    ManifestBundle bundle = ManifestBundle.builder().addDocuments(io.gpushare.core.model.ManifestDocument.of(
        "claim-templates.yaml", DeviceClaimSpec.perPod("two-gpus")
            .addRequests(DeviceRequestSpec.builder().name("gpu").deviceClassName("gpu.nvidia.com").count(2).build())
            .build())).build();
    // WHEN
    String yaml = ManifestRenderer.standard().targeting(ResourceApiVersion.V1BETA1).render(bundle)
        .text("claim-templates.yaml");
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: resource.k8s.io/v1beta1
        kind: ResourceClaimTemplate
        metadata:
          name: two-gpus
        spec:
          spec:
            devices:
              requests:
              - name: gpu
                deviceClassName: gpu.nvidia.com
                allocationMode: ExactCount
                count: 2
        """);
  }

  @Test
  void should_keep_the_default_and_validate_before_converting() {
    assertThat(ManifestRenderer.standard().targeting(ResourceApiVersion.V1)).isSameAs(ManifestRenderer.standard());
    assertThatThrownBy(() -> ManifestRenderer.standard().targeting(ResourceApiVersion.V1BETA2)
        .render(TutorialSpecs.bundle(3, "0.42")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]");
    assertThatThrownBy(() -> ManifestRenderer.strict().targeting(ResourceApiVersion.V1BETA2)
        .render(TutorialSpecs.bundle(2, "0.42")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("WARNING ROLLOUT_SURGE_OVERCOMMIT");
  }
}
