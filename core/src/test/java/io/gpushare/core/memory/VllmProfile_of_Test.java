package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per row of shared/reference/vllm-memory.md section 1, at the boundaries: PR #2863, PR #9352
 * with issues #10451 and #10643 (0.6.4), PR #10511, issue #17979 (0.8.5.post1), PR #18974, PR #38284.
 */
class VllmProfile_of_Test {

  @ParameterizedTest
  @CsvSource({
      "0.2.7, true", "0.3.0, false", "0.6.3, false", "0.6.4, true", "0.6.4.post1, true", "0.6.5, false",
      "0.7.3, false", "0.8.0, true", "0.8.5.post1, true", "0.9.0, true", "0.9.0.1, true", "0.9.1, false",
      "0.19.0, false"})
  void should_count_other_processes_when_the_release_accounts_for_the_whole_gpu(String version, boolean whole) {
    // GIVEN a release WHEN asked how it accounts THEN whole-GPU releases say so
    assertThat(VllmProfile.of(VllmVersion.parse(version).orElseThrow()).countsOtherProcesses()).isEqualTo(whole);
  }

  @ParameterizedTest
  @CsvSource({"0.9.0, false, 0.90, false", "0.9.1, true, 0.90, false", "0.20.2, true, 0.90, false",
      "0.21.0, true, 0.92, true"})
  void should_follow_the_release_when_asked_for_checks_defaults_and_graphs(String version, boolean check,
      BigDecimal utilization, boolean graphsInside) {
    // GIVEN a release WHEN its profile is read THEN start-up check, default fraction and graphs follow it
    VllmProfile profile = VllmProfile.of(VllmVersion.parse(version).orElseThrow());
    assertThat(profile.checksFreeMemoryAtStartup()).isEqualTo(check);
    assertThat(profile.defaultUtilization()).isEqualTo(utilization);
    assertThat(profile.cudaGraphsInsideBudget()).isEqualTo(graphsInside);
  }

  @Test
  void should_assume_the_newest_release_when_the_image_names_no_version() {
    // GIVEN vllm/vllm-openai:latest WHEN profiled THEN unknown, newest behaviour
    VllmProfile profile = VllmProfile.ofImage("vllm/vllm-openai:latest");
    assertThat(profile.known()).isFalse();
    assertThat(profile.countsOtherProcesses()).isFalse();
    assertThat(profile.defaultUtilization()).isEqualTo(new BigDecimal("0.92"));
    assertThat(profile).hasToString("vLLM (version unknown)");
    assertThat(VllmProfile.ofImage("vllm/vllm-openai:v0.7.2")).hasToString("vLLM 0.7.2");
  }
}
