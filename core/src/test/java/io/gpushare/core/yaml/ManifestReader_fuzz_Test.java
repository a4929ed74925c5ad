package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes, formatted as {@code gpushare fmt} does and read as a manifest file, end as canonical text
 * and objects that are judged and rendered, or as a {@link ManifestParseException}; any other exception
 * is a defect.
 *
 * <p>In {@code mvn verify} this runs every input of {@code ManifestReader_fuzz_TestInputs/} (the
 * seeds and one reproducer per crash found so far) once: a regression test that takes seconds.
 * With {@code JAZZER_FUZZ=1} Jazzer mutates them, guided by coverage, and adds each new crash to
 * that directory; docs/fuzzing.md gives the commands and the figures of the last long run.
 */
class ManifestReader_fuzz_Test {
  private static final ManifestReader READER = ManifestReader.standard();
  private static final Validator VALIDATOR = Validator.standard();
  private static final YamlRenderer RENDERER = YamlRenderer.canonical();
  private static final ManifestFormatter FORMATTER = ManifestFormatter.standard();

  @FuzzTest(maxDuration = "5m")
  void should_judge_and_render_or_refuse_when_any_bytes_are_read(byte[] input) {
    // GIVEN any bytes, decoded leniently so that every input reaches the YAML reader
    String text = new String(input, StandardCharsets.UTF_8);

    // WHEN they are formatted as `gpushare fmt` does, THEN the text is canonical or refused with a message
    try {
      assertThat(FORMATTER.format(text, "fuzz.yaml")).isNotNull();
    } catch (ManifestParseException refused) {
      assertThat(refused.getMessage()).startsWith("fuzz.yaml");
    }

    // WHEN they are read
    ReadManifests read;
    try {
      read = READER.read(text, "fuzz.yaml");
    } catch (ManifestParseException unreadable) {
      // THEN either they are refused with a message
      assertThat(unreadable.getMessage()).startsWith("fuzz.yaml");
      return;
    }

    // THEN or what was read is judged, each finding has a place in the file, and every file
    // renders the way fmt writes it
    ValidationReport report = VALIDATOR.validate(read.set());
    for (Finding finding : report.findings()) {
      assertThat(read.location(finding.path())).isNotNull();
    }
    assertThat(report.toText()).isNotNull();
    assertThat(report.toJson()).isNotNull();
    for (String file : read.set().files()) {
      assertThat(RENDERER.render(read.asWritten(file))).isNotNull();
    }
  }
}
