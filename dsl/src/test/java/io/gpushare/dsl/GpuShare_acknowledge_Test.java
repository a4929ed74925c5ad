package io.gpushare.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.Acknowledgement;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.validate.FindingCode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GpuShare_acknowledge_Test {

  private static ManifestBundle tutorial(Consumer<VllmOptions> more) {
    return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> more.accept(v.model("google/gemma-3-1b-it").replicas(2).gpuMemoryUtilization(0.42)
            .huggingFaceToken("hf-secret", "hf_api_token")))
        .loadBalancer("vllm-service", 8000)
        .build();
  }

  @Test
  void should_render_and_write_nothing_of_it_when_a_workload_acknowledges_its_error() {
    // GIVEN the tutorial's image, which cannot load Gemma 3, acknowledged
    ManifestBundle bundle = tutorial(v -> v.acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "as published"));
    // WHEN
    RenderedManifests out = ManifestRenderer.standard().render(bundle);
    // THEN: rendered, the error reported with its reason; the YAML is that of a newer image but for its tag
    assertThat(out.report().acknowledged()).extracting(f -> f.code() + ": " + f.acknowledged().orElseThrow())
        .containsExactly("VLLM_IMAGE_TOO_OLD: as published");
    String newer = ManifestRenderer.standard().render(tutorial(v -> v.image("vllm/vllm-openai:v0.9.2")))
        .text("vllm.yaml");
    assertThat(out.text("vllm.yaml").replace("vllm/vllm-openai:v0.7.2", "vllm/vllm-openai:v0.9.2")).isEqualTo(newer);
  }

  @Test
  void should_keep_the_last_reason_when_a_code_is_acknowledged_twice() {
    // WHEN
    ManifestBundle bundle = tutorial(v -> v.acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "first")
        .acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "second"));
    // THEN
    VllmWorkloadSpec spec = (VllmWorkloadSpec) bundle.specs().get(1);
    assertThat(spec.acknowledgements()).containsExactly(Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, "second"));
  }

  @Test
  void should_fail_at_the_call_when_the_reason_is_blank() {
    assertThatThrownBy(() -> tutorial(v -> v.acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC acknowledgement of VLLM_IMAGE_TOO_OLD: a reason is required, found none");
  }
}
