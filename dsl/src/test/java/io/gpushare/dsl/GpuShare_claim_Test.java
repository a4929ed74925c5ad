package io.gpushare.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSelectorSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.ManifestDocument;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.TcpProbe;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpuShare_claim_Test {

  private static ManifestBundle tutorial() {
    return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").replicas(2)
            .gpuMemoryUtilization(0.42).huggingFaceToken("hf-secret", "hf_api_token"))
        .loadBalancer("vllm-service", 8000)
        .build();
  }

  @Test
  void should_put_the_claim_in_claim_yaml_then_deployment_and_service_in_vllm_yaml() {
    // WHEN
    ManifestBundle bundle = tutorial();
    // THEN
    assertThat(bundle.documents())
        .extracting(ManifestDocument::file, d -> d.spec().kind(), d -> d.spec().name())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("claim.yaml", "ResourceClaim", "gpu-claim"),
            org.assertj.core.groups.Tuple.tuple("vllm.yaml", "Deployment", "vllm-gpu"),
            org.assertj.core.groups.Tuple.tuple("vllm.yaml", "Service", "vllm-service"));
  }

  @Test
  void should_share_one_whole_gpu_with_time_slicing() {
    // WHEN
    DeviceClaimSpec claim = (DeviceClaimSpec) tutorial().specs().get(0);
    // THEN
    assertThat(claim.requests()).containsExactly(DeviceRequestSpec.of("gpu", "gpu.nvidia.com"));
    assertThat(claim.config()).singleElement().satisfies(config -> {
      assertThat(config.requests()).containsExactly("gpu");
      assertThat(config.driver()).isEqualTo("gpu.nvidia.com");
      assertThat(config.parameters()).isEqualTo(GpuConfig.timeSlicing(TimeSliceInterval.LONG));
    });
  }

  @Test
  void should_apply_the_tutorials_defaults_to_the_vllm_deployment() {
    // WHEN
    VllmWorkloadSpec vllm = (VllmWorkloadSpec) tutorial().specs().get(1);
    // THEN
    assertThat(vllm.image()).isEqualTo("vllm/vllm-openai:v0.7.2");
    assertThat(vllm.command()).containsExactly("python3", "-m", "vllm.entrypoints.openai.api_server");
    assertThat(vllm.host()).contains("0.0.0.0");
    assertThat(vllm.port()).isEqualTo(8000);
    assertThat(vllm.replicas()).isEqualTo(2);
    assertThat(vllm.gpuMemoryUtilization()).contains(new BigDecimal("0.42"));
    assertThat(vllm.huggingFaceToken()).contains(SecretKeyRef.of("hf-secret", "hf_api_token"));
    assertThat(vllm.claim()).isEqualTo(ClaimReference.of("gpu", "gpu-claim"));
    assertThat(vllm.tolerations()).containsExactly(TolerationSpec.gpuNoSchedule());
    assertThat(vllm.readinessProbe()).contains(TcpProbe.of(15, 10));
    assertThat(vllm.sharedMemoryVolume()).isTrue();
    assertThat(vllm.labels()).isEqualTo(Map.of("app", "vllm-gpu"));
    assertThat(vllm.containerName()).isEqualTo("vllm-gpu");
  }

  @Test
  void should_point_the_load_balancer_at_the_last_deployments_labels_and_port() {
    // WHEN
    VllmServiceSpec service = (VllmServiceSpec) GpuShare.claim("c").timeSlicing(TimeSliceInterval.SHORT)
        .vllm("a", v -> v.model("m").port(9000).label("tier", "chat"))
        .loadBalancer("front", 80)
        .build().specs().get(2);
    // THEN
    assertThat(service.type()).isEqualTo("LoadBalancer");
    assertThat(service.selector()).isEqualTo(Map.of("tier", "chat"));
    assertThat(service.ports()).containsExactly(
        PortSpec.builder().name("http").port(80).targetPort(9000).build());
  }

  @Test
  void should_keep_the_decimal_the_user_wrote_for_the_utilization() {
    VllmWorkloadSpec vllm = (VllmWorkloadSpec) GpuShare.claim("c").timeSlicing(TimeSliceInterval.LONG)
        .vllm("a", v -> v.model("m").gpuMemoryUtilization(0.1))
        .build().specs().get(1);
    assertThat(vllm.gpuMemoryUtilization()).map(BigDecimal::toPlainString).isEqualTo(Optional.of("0.1"));
  }

  @Test
  void should_refuse_a_load_balancer_before_any_deployment() {
    assertThatThrownBy(() -> GpuShare.claim("c").timeSlicing(TimeSliceInterval.LONG).loadBalancer("lb", 80))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("loadBalancer(\"lb\", 80) needs a vllm(...) Deployment before it to select");
  }

  @Test
  void should_name_the_deployment_that_lacks_a_model() {
    assertThatThrownBy(() -> GpuShare.claim("c").timeSlicing(TimeSliceInterval.LONG).vllm("a", v -> v.replicas(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Deployment[a] needs a model: add .model(\"google/gemma-3-1b-it\") or another Hugging Face id");
  }

  @Test
  void should_reject_a_utilization_that_is_not_a_number() {
    assertThatThrownBy(() -> GpuShare.claim("c").timeSlicing(TimeSliceInterval.LONG)
            .vllm("a", v -> v.model("m").gpuMemoryUtilization(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gpuMemoryUtilization of Deployment[a] must be a fraction in (0, 1], found NaN");
  }

  @Test
  void should_report_the_value_types_own_checks() {
    assertThatThrownBy(() -> GpuShare.claim("c").timeSlicing(TimeSliceInterval.LONG)
            .vllm("a", v -> v.model("m").replicas(0).gpuMemoryUtilization(1.2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC Deployment[a]: 2 problem(s):
              - replicas must be >= 1, found 0
              - gpuMemoryUtilization must be in (0, 1], found 1.2""");
  }

  @Test
  void should_append_extra_args_after_the_ones_gpushare_writes() {
    VllmWorkloadSpec vllm = (VllmWorkloadSpec) GpuShare.claim("c").timeSlicing(TimeSliceInterval.LONG)
        .vllm("a", v -> v.model("m").extraArgs("--max-model-len=2048"))
        .build().specs().get(1);
    assertThat(vllm.extraArgs()).isEqualTo(List.of("--max-model-len=2048"));
  }

  @Test
  void should_select_the_gpu_product_with_a_cel_selector_the_validator_understands() {
    // GIVEN
    ManifestBundle bundle = GpuShare.claim("c").onGpu("NVIDIA A100-SXM4-40GB").timeSlicing(TimeSliceInterval.LONG)
        .vllm("big", v -> v.model("google/gemma-3-27b-it").image("vllm/vllm-openai:v0.8.5").gpuMemoryUtilization(0.42))
        .build();
    // WHEN
    DeviceClaimSpec claim = (DeviceClaimSpec) bundle.specs().get(0);
    var report = io.gpushare.core.validate.Validator.standard().validate(io.gpushare.core.kube.ManifestSet.of(bundle));
    // THEN
    assertThat(claim.requests().get(0).selectors())
        .containsExactly(DeviceSelectorSpec.productName("NVIDIA A100-SXM4-40GB"));
    assertThat(report.findings()).extracting(io.gpushare.core.validate.Finding::code).contains("MODEL_DOES_NOT_FIT");
  }

  @Test
  void should_refuse_a_product_name_that_would_break_the_expression() {
    assertThatThrownBy(() -> GpuShare.claim("c").onGpu("NVIDIA \"A100\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("onGpu needs a product name such as \"NVIDIA A100-SXM4-40GB\", found NVIDIA \"A100\"");
  }
}
