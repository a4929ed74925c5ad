package io.gpushare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.testing.GoldenFile;
import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The first contract: the tutorial renders as the reference documents, byte for byte. */
class TimeSlicingTutorial_Test {
  private final RenderedManifests rendered = ManifestRenderer.standard().render(TimeSlicingTutorial.bundle());

  @Test
  void should_render_claim_yaml_byte_for_byte() {
    GoldenFile.assertMatches(rendered.text("claim.yaml"), ReferenceDocuments.timeSlicingClaim(), "claim.yaml");
  }

  @Test
  void should_render_vllm_yaml_byte_for_byte() {
    GoldenFile.assertMatches(rendered.text("vllm.yaml"), ReferenceDocuments.timeSlicingVllm(), "vllm.yaml");
  }

  @Test
  void should_write_the_tutorials_two_files_and_the_driver_values() {
    assertThat(rendered.fileNames()).containsExactly("claim.yaml", "vllm.yaml");
  }

  @Test
  void should_equal_the_seed_text_line_for_line_once_indentation_and_blank_lines_are_dropped() {
    assertThat(stripped(rendered.text("claim.yaml"))).isEqualTo(seed("claim.txt"));
    assertThat(stripped(rendered.text("vllm.yaml"))).isEqualTo(seed("vllm.txt"));
  }

  @Test
  void should_validate_with_only_its_acknowledged_image_error_and_exactly_the_documented_warnings() {
    ValidationReport report = rendered.report();
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.findings()).extracting(Finding::code, Finding::severity, Finding::acknowledged).containsExactly(
        org.assertj.core.groups.Tuple.tuple("VLLM_IMAGE_TOO_OLD", io.gpushare.core.validate.Severity.ERROR,
            java.util.Optional.of(TimeSlicingTutorial.AS_PUBLISHED)),
        org.assertj.core.groups.Tuple.tuple("ROLLOUT_SURGE_OVERCOMMIT", io.gpushare.core.validate.Severity.WARNING,
            java.util.Optional.empty()),
        // its two replicas start together (vLLM issues #9198, #45534, #56830): VLLM_STARTUP_RACE
        org.assertj.core.groups.Tuple.tuple("VLLM_STARTUP_RACE", io.gpushare.core.validate.Severity.WARNING,
            java.util.Optional.empty()),
        org.assertj.core.groups.Tuple.tuple("API_KEY_MISSING", io.gpushare.core.validate.Severity.WARNING,
            java.util.Optional.empty()));
    assertThat(report.featureGates()).containsExactly("TimeSlicingSettings");
  }

  private static List<String> stripped(String text) {
    return text.lines().map(String::stripLeading).filter(line -> !line.isEmpty()).toList();
  }

  private static List<String> seed(String name) {
    try (InputStream in = Objects.requireNonNull(
        TimeSlicingTutorial_Test.class.getResourceAsStream("seed/" + name), "seed/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
