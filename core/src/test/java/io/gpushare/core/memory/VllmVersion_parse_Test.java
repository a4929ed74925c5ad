package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tags as vllm-project/vllm publishes them (v0.5.3.post1, v0.8.5.post1, v0.10.1.1, v0.9.0rc1). */
class VllmVersion_parse_Test {

  @ParameterizedTest
  @CsvSource({
      "v0.5.3.post1, 0.5.3.post1",
      "0.19.0, 0.19.0",
      "v0.10.1.1, 0.10.1.1",
      "v0.6.3-cu121, 0.6.3",
      "v0.9.0rc1, 0.9.0rc"})
  void should_read_the_release_when_a_tag_names_one(String tag, String expected) {
    // GIVEN a tag WHEN parsed THEN the version prints as vLLM names it
    assertThat(VllmVersion.parse(tag)).hasValueSatisfying(v -> assertThat(v).hasToString(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "nightly", "", "v", "0", "sha256-abc", "1.2.3.4.5.6"})
  void should_give_no_version_when_the_tag_names_none(String tag) {
    // GIVEN a tag without a release WHEN parsed THEN there is no version
    assertThat(VllmVersion.parse(tag)).isEmpty();
  }

  @Test
  void should_order_pre_final_post_and_patch_releases_like_pep_440() {
    // GIVEN the releases around 0.9.0 WHEN compared THEN rc < final < post < patch < next
    VllmVersion rc = VllmVersion.parse("0.9.0rc1").orElseThrow();
    VllmVersion fin = VllmVersion.of(0, 9, 0);
    VllmVersion post = fin.post(1);
    VllmVersion patch = VllmVersion.of(0, 9, 0, 1);
    VllmVersion next = VllmVersion.of(0, 9, 1);
    assertThat(rc).isLessThan(fin);
    assertThat(fin).isLessThan(post);
    assertThat(post).isLessThan(patch);
    assertThat(patch).isLessThan(next);
    assertThat(VllmVersion.parse("v0.5.3").orElseThrow().isBefore(VllmVersion.of(0, 5, 3).post(1))).isTrue();
    assertThat(VllmVersion.of(0, 10, 0).isAtLeast(VllmVersion.of(0, 9, 1))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "vllm/vllm-openai:v0.7.2, 0.7.2",
      "registry.local:5000/vllm/vllm-openai:v0.8.5.post1, 0.8.5.post1"})
  void should_read_the_tag_when_an_image_has_one(String image, String expected) {
    // GIVEN an image WHEN its version is read THEN it is the tag's
    assertThat(VllmVersion.ofImage(image)).hasValueSatisfying(v -> assertThat(v).hasToString(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vllm/vllm-openai", "vllm/vllm-openai:latest", "registry.local:5000/vllm/vllm-openai",
      "vllm/vllm-openai:v0.7.2@sha256:0123"})
  void should_give_no_version_when_an_image_has_no_tag_or_a_digest(String image) {
    // GIVEN an image without a usable tag WHEN read THEN no version
    assertThat(VllmVersion.ofImage(image)).isEmpty();
  }
}
