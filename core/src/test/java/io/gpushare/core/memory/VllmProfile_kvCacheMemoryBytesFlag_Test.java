package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --kv-cache-memory-bytes} came with vLLM PR #21489 ("Allow users to specify kv cache memory
 * size", in review on 2025-07-24, after v0.10.0); the first release is taken as 0.11.0, the latest
 * candidate, because the stored sources do not show whether 0.10.1 or 0.10.2 shipped it.
 */
class VllmProfile_kvCacheMemoryBytesFlag_Test {

  @ParameterizedTest
  @CsvSource({"vllm/vllm-openai:v0.7.2, false", "vllm/vllm-openai:v0.10.0, false", "vllm/vllm-openai:v0.10.2, false",
      "vllm/vllm-openai:v0.11.0, true", "vllm/vllm-openai:v0.19.0, true", "vllm/vllm-openai:latest, true"})
  void should_have_the_flag_from_0_11_0_when_asked_by_image(String image, boolean flag) {
    // GIVEN an image WHEN its profile is asked for the flag THEN releases before 0.11.0 lack it
    assertThat(VllmProfile.ofImage(image).kvCacheMemoryBytesFlag()).isEqualTo(flag);
    assertThat(VllmProfile.kvCacheMemoryBytesRelease()).hasToString("0.11.0");
  }
}
