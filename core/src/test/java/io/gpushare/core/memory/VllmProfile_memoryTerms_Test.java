package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The memory terms {@link VllmProfile} gives by release, from calibration.tsv (the Qwen3-14B sweep over
 * 0.15 to 0.18 and the v0.19.0 rows) and shared/reference/vllm-memory.md section 2.
 */
class VllmProfile_memoryTerms_Test {

  private static final double GIB = 1L << 30;

  @ParameterizedTest
  @CsvSource({"0.7.3, -1", "0.8.0, 2.4", "0.16.0, 2.4", "0.17.0, 1.0", "0.19.0, 1.0"})
  void should_scale_the_logits_peak_by_release_when_asked_for_the_activation(String version, double factor) {
    // GIVEN a release WHEN asked for a dense model's activation with vocab 128256
    VllmProfile profile = VllmProfile.of(VllmVersion.parse(version).orElseThrow());
    // THEN V0 is not modelled; 0.8 to 0.16 take 2.4 x the 0.17+ logits peak
    if (factor < 0) {
      assertThat(profile.activationBytes(128256, false, 8192)).isEmpty();
      assertThat(profile.activationModelled()).isFalse();
    } else {
      assertThat(profile.activationBytes(128256, false, 8192)).hasValue(Math.round(8192.0 * 128256 * 2 * factor));
    }
  }

  @Test
  void should_add_15_percent_when_the_model_is_a_mixture_of_experts() {
    // GIVEN v0.19.0 WHEN asked for an MoE model's activation THEN 1.15 x the logits peak
    assertThat(VllmProfile.of(VllmVersion.of(0, 19, 0)).activationBytes(151936, true, 8192))
        .hasValue(Math.round(8192.0 * 151936 * 2 * 1.15));
  }

  @ParameterizedTest
  @CsvSource({"0.17.0, 1, 0.13", "0.17.0, 2, 0.55", "0.18.0, 1, 0.25", "0.19.0, 4, 2.1"})
  void should_follow_release_and_tensor_parallelism_when_asked_for_non_torch_memory(String version, int tp,
      double gib) {
    // GIVEN a release WHEN asked for non-torch memory THEN the logged figure
    assertThat(VllmProfile.of(VllmVersion.parse(version).orElseThrow()).nonTorchBytes(tp))
        .isEqualTo(Math.round(gib * GIB));
  }

  @Test
  void should_assume_the_newest_terms_when_the_release_is_unknown() {
    // GIVEN vllm/vllm-openai:latest WHEN asked THEN the 0.18+ non-torch figure and the 0.17+ activation
    VllmProfile profile = VllmProfile.ofImage("vllm/vllm-openai:latest");
    assertThat(profile.nonTorchBytes(1)).isEqualTo(Math.round(0.25 * GIB));
    assertThat(profile.activationBytes(1000, false, 8192)).hasValue(8192L * 1000 * 2);
    assertThat(profile.cudaGraphBytes(32, false)).isEqualTo(960L << 20);
  }
}
