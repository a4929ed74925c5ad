package io.gpushare.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.KubeObjects;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceConstraintSpec;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSelectorSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.validate.ValidationException;
import io.gpushare.core.yaml.YamlRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestRenderer_modes_Test {

  /** A template of one MIG slice, created on demand by the driver ({@code dynamic}) or ahead of time. */
  private static DeviceClaimSpec migTemplate(String name, String profile, boolean dynamic) {
    return DeviceClaimSpec.perPod(name)
        .addRequests(DeviceRequestSpec.builder().name("gpu").deviceClassName(MigDeviceConfig.DEVICE_CLASS)
            .dynamicMig(dynamic).addSelectors(DeviceSelectorSpec.migProfile(profile)).build())
        .build();
  }

  @Test
  void should_write_a_template_with_slices_kept_on_one_gpu() {
    // GIVEN
    DeviceClaimSpec template = DeviceClaimSpec.perPod("two-slices")
        .addRequests(DeviceRequestSpec.builder().name("a").deviceClassName("mig.nvidia.com").build())
        .addRequests(DeviceRequestSpec.builder().name("b").deviceClassName("mig.nvidia.com").build())
        .addConstraints(DeviceConstraintSpec.sameParentGpu(List.of("a", "b")))
        .build();
    // WHEN
    String yaml = YamlRenderer.canonical().render(KubeObjects.toResourceClaimTemplate(template));
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaimTemplate
        metadata:
          name: two-slices
        spec:
          spec:
            devices:
              requests:
              - name: a
                exactly:
                  deviceClassName: mig.nvidia.com
              - name: b
                exactly:
                  deviceClassName: mig.nvidia.com
              constraints:
              - requests: ["a", "b"]
                matchAttribute: gpu.nvidia.com/parentUUID
        """);
  }

  @Test
  void should_refuse_mps_next_to_dynamic_mig_since_the_driver_cannot_combine_their_gates() {
    // GIVEN
    DeviceClaimSpec mpsClaim = DeviceClaimSpec.shared("gpu-claim")
        .addRequests(DeviceRequestSpec.of("gpu", "gpu.nvidia.com"))
        .addConfig(DeviceConfig.of(List.of("gpu"), GpuConfig.mps(MpsConfig.builder().build())))
        .build();
    ManifestBundle bundle = ManifestBundle.builder()
        .add("claim.yaml", mpsClaim)
        .add("claim-templates.yaml", migTemplate("slice", "1g.10gb", true))
        .build();
    // WHEN / THEN
    assertThatThrownBy(() -> ManifestRenderer.standard().render(bundle))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ERROR FEATURE_GATES_INCOMPATIBLE ResourceClaim[gpu-claim]: expected driver feature"
            + " gates that can be combined, found MPSSupport (for ResourceClaim[gpu-claim]) with DynamicMIG (for"
            + " ResourceClaimTemplate[slice])");
  }

  @Test
  void should_render_mps_next_to_static_mig_without_the_dynamic_mig_gate() {
    // GIVEN slices created ahead of time (the default): shared/reference/vllm-memory.md section 8, static MIG
    // needs no gate, and DynamicMIG would destroy the slices the driver does not know
    DeviceClaimSpec mpsClaim = DeviceClaimSpec.shared("gpu-claim")
        .addRequests(DeviceRequestSpec.of("gpu", "gpu.nvidia.com"))
        .addConfig(DeviceConfig.of(List.of("gpu"), GpuConfig.mps(MpsConfig.builder().build())))
        .build();
    ManifestBundle bundle = ManifestBundle.builder()
        .add("claim.yaml", mpsClaim)
        .add("claim-templates.yaml", migTemplate("slice", "1g.10gb", false))
        .build();
    // WHEN
    RenderedManifests out = ManifestRenderer.standard().render(bundle);
    // THEN
    assertThat(out.report().featureGates()).containsExactly("MPSSupport");
    assertThat(out.driverValues()).contains("# Feature gates: MPSSupport.\n").doesNotContain("DynamicMIG");
  }

  @Test
  void should_write_driver_values_with_exactly_the_gates_the_set_needs() {
    // GIVEN
    ManifestBundle bundle = ManifestBundle.builder()
        .add("claim-templates.yaml", migTemplate("slice", "1g.10gb", true))
        .add("claim.yaml", TutorialSpecs.claim("gpu-claim"))
        .add("vllm.yaml", TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 1, "0.42").toBuilder()
            .image("vllm/vllm-openai:v0.21.0").build())  // an image that loads Gemma 3
        .add("vllm.yaml", TutorialSpecs.vllm("vllm-slice", "unused", 1, "0.5").toBuilder()
            .image("vllm/vllm-openai:v0.21.0").build())
        .build();
    // WHEN
    RenderedManifests out = ManifestRenderer.standard().render(bundle);
    // THEN
    assertThat(out.fileNames()).containsExactly("claim-templates.yaml", "claim.yaml", "vllm.yaml");
    assertThat(out.driverValues()).isEqualTo("""
        # Helm values for the NVIDIA DRA driver, chart 0.4.0, as these manifests need it.
        # Feature gates: DynamicMIG, TimeSlicingSettings.
        # nvidiaDriverRoot is GKE's (COS); with the GPU Operator use /run/nvidia/driver, on a host install /.
        # Install:
        #   helm install dra-driver-nvidia-gpu oci://registry.k8s.io/dra-driver-nvidia/charts/dra-driver-nvidia-gpu \\
        #     --version=0.4.0 --create-namespace --namespace=dra-driver-nvidia-gpu -f dra-driver-values.yaml
        nvidiaDriverRoot: /home/kubernetes/bin/nvidia/
        gpuResourcesEnabledOverride: true
        resources:
          computeDomains:
            enabled: false
        featureGates:
          DynamicMIG: true
          TimeSlicingSettings: true
        kubeletPlugin:
          priorityClassName: ""
          tolerations:
          - operator: Exists
        """);
  }

  @Test
  void should_reference_a_template_from_the_pod() {
    var deployment = KubeObjects.toDeployment(io.gpushare.core.model.VllmWorkloadSpec.builder()
        .name("per-pod").replicas(1).port(8000).image("vllm/vllm-openai:v0.21.0").model("m")
        .claim(ClaimReference.perPod("gpu", "gpu-template")).sharedMemoryVolume(false).build());
    var podClaim = deployment.getSpec().getTemplate().getSpec().getResourceClaims().get(0);
    assertThat(podClaim.getResourceClaimTemplateName()).isEqualTo("gpu-template");
    assertThat(podClaim.getResourceClaimName()).isNull();
  }
}
