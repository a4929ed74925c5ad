package io.gpushare.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSelectorSpec;
import io.gpushare.core.model.DeviceSubRequestSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuShare_modes_Test {

  @Test
  void should_configure_mps_on_a_whole_gpu() {
    // WHEN
    DeviceClaimSpec claim = (DeviceClaimSpec) GpuShare.claim("c").mps(50, "15Gi")
        .vllm("a", v -> v.model("m")).build().specs().get(0);
    // THEN
    assertThat(claim.config()).containsExactly(DeviceConfig.of(List.of("gpu"), GpuConfig.mps(
        MpsConfig.builder().defaultActiveThreadPercentage(50).defaultPinnedDeviceMemoryLimit("15Gi").build())));
  }

  @Test
  void should_share_a_mig_slice_with_mps_through_a_mig_device_config() {
    // WHEN
    DeviceClaimSpec claim = (DeviceClaimSpec) GpuShare.claim("c").migSlice("3g.40gb").mps(50, "10Gi")
        .vllm("a", v -> v.model("m")).build().specs().get(0);
    // THEN
    assertThat(claim.requests()).containsExactly(DeviceRequestSpec.builder().name("gpu").deviceClassName("mig.nvidia.com")
        .addSelectors(DeviceSelectorSpec.migProfile("3g.40gb")).build());
    assertThat(claim.config().get(0).parameters()).isEqualTo(MigDeviceConfig.mps(
        MpsConfig.builder().defaultActiveThreadPercentage(50).defaultPinnedDeviceMemoryLimit("10Gi").build()));
  }

  @Test
  void should_refuse_time_slicing_on_a_mig_slice() {
    assertThatThrownBy(() -> GpuShare.claim("c").migSlice("3g.40gb").timeSlicing(TimeSliceInterval.LONG))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("time slicing has no effect on a MIG slice; share it with mps(...) instead");
  }

  @Test
  void should_name_each_first_available_alternative_in_the_sharing_config() {
    // WHEN
    DeviceClaimSpec claim = (DeviceClaimSpec) GpuShare.claim("c")
        .firstAvailable("NVIDIA H100 80GB HBM3", "NVIDIA A100-SXM4-80GB").timeSlicing(TimeSliceInterval.LONG)
        .vllm("a", v -> v.model("m")).build().specs().get(0);
    // THEN
    DeviceRequestSpec request = claim.requests().get(0);
    assertThat(request.deviceClassName()).isEmpty();
    assertThat(request.firstAvailable()).extracting(DeviceSubRequestSpec::name).containsExactly("h100-80gb", "a100-80gb");
    assertThat(request.firstAvailable().get(0).selectors())
        .containsExactly(DeviceSelectorSpec.productName("NVIDIA H100 80GB HBM3"));
    assertThat(claim.config().get(0).requests()).containsExactly("gpu/h100-80gb", "gpu/a100-80gb");
  }

  @Test
  void should_select_by_minimum_memory() {
    DeviceClaimSpec claim = (DeviceClaimSpec) GpuShare.claim("c").withMemoryAtLeast("40Gi")
        .timeSlicing(TimeSliceInterval.LONG).vllm("a", v -> v.model("m")).build().specs().get(0);
    assertThat(claim.requests().get(0).selectors()).containsExactly(DeviceSelectorSpec.memoryAtLeast("40Gi"));
  }

  @Test
  void should_give_each_pod_its_own_gpus_and_set_tensor_parallelism() {
    // WHEN
    ManifestBundle bundle = GpuShare.perPod("t").gpus(4).vllm("big", v -> v.model("m")).build();
    // THEN
    DeviceClaimSpec template = (DeviceClaimSpec) bundle.specs().get(0);
    VllmWorkloadSpec vllm = (VllmWorkloadSpec) bundle.specs().get(1);
    assertThat(bundle.documents().get(0).file()).isEqualTo("claim-templates.yaml");
    assertThat(template.scope()).isEqualTo(ClaimScope.PER_POD);
    assertThat(template.requests().get(0).count()).hasValue(4);
    assertThat(template.config()).isEmpty();
    assertThat(vllm.claim()).isEqualTo(ClaimReference.perPod("gpu", "t"));
    assertThat(vllm.extraArgs()).containsExactly("--tensor-parallel-size=4");
  }

  @Test
  void should_combine_bundles_keeping_each_files_documents_in_order() {
    // WHEN
    ManifestBundle combined = GpuShare.combine(
        GpuShare.perPod("a").wholeGpu().vllm("x", v -> v.model("m")).loadBalancer("x-lb", 80).build(),
        GpuShare.perPod("b").migSlice("1g.10gb").vllm("y", v -> v.model("m")).build());
    // THEN
    assertThat(combined.documents()).extracting(d -> d.file() + " " + d.spec().kind() + "/" + d.spec().name())
        .containsExactly("claim-templates.yaml ResourceClaimTemplate/a", "vllm.yaml Deployment/x",
            "vllm.yaml Service/x-lb", "claim-templates.yaml ResourceClaimTemplate/b", "vllm.yaml Deployment/y");
  }

  @Test
  void should_refuse_fewer_than_one_gpu_and_a_malformed_memory_quantity() {
    assertThatThrownBy(() -> GpuShare.perPod("t").gpus(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a pod needs at least one GPU, found 0");
    assertThatThrownBy(() -> GpuShare.claim("c").withMemoryAtLeast("40 GB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("withMemoryAtLeast needs a quantity such as 40Gi, found 40 GB");
  }

  @Test
  void should_keep_several_slices_on_one_gpu_and_give_each_server_its_own() {
    // GIVEN
    ManifestBundle bundle = GpuShare.claim("one-h100").migSlices("3g.40gb", "3g.40gb").withoutSharing()
        .vllm("prod", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0")
            .gpuMemoryUtilization(0.9).request("gpu-0").huggingFaceToken("hf-secret", "hf_api_token"))
        .vllm("dev", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0")
            .gpuMemoryUtilization(0.9).request("gpu-1").huggingFaceToken("hf-secret", "hf_api_token"))
        .build();
    // WHEN
    DeviceClaimSpec claim = (DeviceClaimSpec) bundle.specs().get(0);
    var rendered = io.gpushare.core.render.ManifestRenderer.standard().render(bundle);
    // THEN
    assertThat(claim.requests()).extracting(DeviceRequestSpec::name).containsExactly("gpu-0", "gpu-1");
    assertThat(claim.constraints()).containsExactly(
        io.gpushare.core.model.DeviceConstraintSpec.sameParentGpu(List.of("gpu-0", "gpu-1")));
    assertThat(claim.config()).isEmpty();
    assertThat(((VllmWorkloadSpec) bundle.specs().get(1)).claim().request()).contains("gpu-0");
    // each slice is its own device: 0.9 + 0.9 on two slices is no overcommit, nor is one slice per server parallel
    assertThat(rendered.report().hasErrors()).isFalse();
    // migSlices asks for slices created ahead of time: static MIG needs no driver feature gate
    assertThat(rendered.report().featureGates()).isEmpty();
    assertThat(rendered.text("claim.yaml")).contains("""
            constraints:
            - requests: ["gpu-0", "gpu-1"]
              matchAttribute: gpu.nvidia.com/parentUUID
        """);
    assertThat(rendered.text("vllm.yaml")).contains("""
                  claims:
                  - name: gpu
                    request: gpu-1
        """);
  }

  @Test
  void should_sum_the_servers_that_share_one_slice() {
    // GIVEN: two servers on the same slice of a two-slice claim
    ManifestBundle bundle = GpuShare.claim("one-h100").migSlices("3g.40gb", "3g.40gb").withoutSharing()
        .vllm("a", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0")
            .gpuMemoryUtilization(0.6).request("gpu-0"))
        .vllm("b", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0")
            .gpuMemoryUtilization(0.6).request("gpu-0"))
        .build();
    // WHEN / THEN
    assertThatThrownBy(() -> io.gpushare.core.render.ManifestRenderer.standard().render(bundle))
        .hasMessageContaining("ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[one-h100] request gpu-0: 1.20 of the GPU's"
            + " memory requested (limit 1.00): Deployment[a] 1 x 0.6, Deployment[b] 1 x 0.6");
  }

  @Test
  void should_refuse_device_choices_it_could_not_write() {
    assertThatThrownBy(() -> GpuShare.claim("c").firstAvailable("NVIDIA H100 80GB HBM3", "NVIDIA L4")
            .onGpu("NVIDIA L4").timeSlicing(TimeSliceInterval.LONG).vllm("a", v -> v.model("m")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("firstAvailable(...) names the products itself; it cannot be combined with onGpu,"
            + " withMemoryAtLeast or a MIG slice");
    assertThatThrownBy(() -> GpuShare.perPod("t").withMemoryAtLeast("40Gi").migSlice("3g.40gb")
            .vllm("a", v -> v.model("m")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a MIG slice's memory is its profile's; withMemoryAtLeast does not apply to it");
  }
}
