package io.gpushare.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import org.junit.jupiter.api.Test;

/**
 * Static MIG (slices created ahead of time, {@code migSlice}, the default) needs no driver feature gate;
 * dynamic MIG ({@code dynamicMigSlice}) is the only way to the {@code DynamicMIG} gate, which makes the
 * driver destroy the MIG devices it did not create (shared/reference/vllm-memory.md section 8; driver
 * v0.4.0 {@code cmd/gpu-kubelet-plugin/driver.go}, {@code DestroyUnknownMIGDevices}).
 */
class GpuShare_dynamicMig_Test {

  private static ManifestBundle perPodSlice(boolean dynamic) {
    DevicesStep devices = GpuShare.perPod("slice-template");
    WorkloadStep workload = dynamic ? devices.dynamicMigSlice("3g.40gb") : devices.migSlice("3g.40gb");
    return workload.vllm("vllm-slice", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0")
        .huggingFaceToken("hf-secret", "hf_api_token"))
        .build();
  }

  @Test
  void should_write_no_gate_when_the_slices_are_created_ahead_of_time() {
    // GIVEN
    ManifestBundle bundle = perPodSlice(false);
    // WHEN
    RenderedManifests rendered = ManifestRenderer.standard().render(bundle);
    // THEN
    assertThat(((DeviceClaimSpec) bundle.specs().get(0)).requests()).extracting(DeviceRequestSpec::dynamicMig)
        .containsExactly(false);
    assertThat(rendered.report().featureGates()).isEmpty();
    assertThat(rendered.driverValues()).contains("# Feature gates: none.\n").doesNotContain("DynamicMIG");
  }

  @Test
  void should_write_the_dynamic_mig_gate_when_the_driver_creates_the_slices() {
    // WHEN
    RenderedManifests rendered = ManifestRenderer.standard().render(perPodSlice(true));
    // THEN the same template, and the gate in the driver values
    assertThat(rendered.text("claim-templates.yaml"))
        .isEqualTo(ManifestRenderer.standard().render(perPodSlice(false)).text("claim-templates.yaml"));
    assertThat(rendered.report().featureGates()).containsExactly("DynamicMIG");
    assertThat(rendered.driverValues()).contains("featureGates:\n  DynamicMIG: true\n");
  }

  @Test
  void should_refuse_mps_on_a_dynamic_slice() {
    // GIVEN a shared dynamic slice WHEN shared with MPS THEN the driver's gates cannot be combined
    SharingStep slice = GpuShare.claim("gpu-claim").dynamicMigSlice("3g.40gb");
    assertThatThrownBy(() -> slice.mps(50, "15Gi"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("MPS works only on MIG slices created ahead of time; use migSlice(...), not"
            + " dynamicMigSlice(...): the driver cannot combine its MPSSupport and DynamicMIG feature gates");
  }

  @Test
  void should_refuse_a_dynamic_request_of_whole_gpus() {
    // WHEN / THEN
    assertThatThrownBy(() -> DeviceRequestSpec.builder().name("gpu").deviceClassName("gpu.nvidia.com")
        .dynamicMig(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dynamicMig needs deviceClassName mig.nvidia.com, found gpu.nvidia.com");
  }
}
