package io.gpushare.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenFile_assertMatches_Test {

  @TempDir
  Path dir;

  private static final String RERUN =
      "; rerun with -Dgpushare.golden.update=true to accept the actual text.";

  private Path golden(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, UTF_8);
    return file;
  }

  private static AssertionFailedError failure(Runnable assertion) {
    return catchThrowableOfType(AssertionFailedError.class, assertion::run);
  }

  @Test
  void should_pass_when_golden_file_equals_actual_text() throws IOException {
    // GIVEN
    Path file = golden("same.txt", "a\nb\n");
    // WHEN / THEN
    assertThatCode(() -> new GoldenFile(file, false).assertMatches("a\nb\n")).doesNotThrowAnyException();
  }

  @Test
  void should_fail_with_unified_diff_when_a_line_differs() throws IOException {
    // GIVEN
    Path file = golden("sample.txt", "a\nb\nc\nd\ne\nf\ng\nh\n");
    // WHEN
    AssertionFailedError error = failure(() -> new GoldenFile(file, false).assertMatches("a\nb\nc\nd\nX\nf\ng\nh\n"));
    // THEN
    assertThat(error).hasMessage(String.join("\n",
        "Golden file " + file + " differs from the actual text (1 line(s) differ)" + RERUN,
        "--- golden/sample.txt",
        "+++ actual/sample.txt",
        "@@ -2,7 +2,7 @@",
        " b",
        " c",
        " d",
        "-e",
        "+X",
        " f",
        " g",
        " h"));
  }

  @Test
  void should_carry_expected_and_actual_text_when_a_line_differs() throws IOException {
    // GIVEN
    Path file = golden("sample.txt", "a\nb\n");
    // WHEN
    AssertionFailedError error = failure(() -> new GoldenFile(file, false).assertMatches("a\nc\n"));
    // THEN
    assertThat(error.getExpected().getValue()).isEqualTo("a\nb\n");
    assertThat(error.getActual().getValue()).isEqualTo("a\nc\n");
  }

  @Test
  void should_explain_line_endings_when_texts_differ_only_in_crlf_vs_lf() throws IOException {
    // GIVEN
    Path file = golden("crlf.txt", "a\r\nb\r\n");
    // WHEN
    AssertionFailedError error = failure(() -> new GoldenFile(file, false).assertMatches("a\nb\n"));
    // THEN
    assertThat(error).hasMessage(String.join("\n",
        "Golden file " + file + " differs from the actual text (2 line(s) differ)" + RERUN,
        "note: the texts differ only in line endings (golden file: CRLF, actual text: LF; first at line 1)"));
  }

  @Test
  void should_explain_line_endings_too_when_a_line_differs_and_line_endings_differ() throws IOException {
    // GIVEN
    Path file = golden("both.txt", "a\r\nb\r\n");
    // WHEN
    AssertionFailedError error = failure(() -> new GoldenFile(file, false).assertMatches("a\nc\n"));
    // THEN
    assertThat(error.getMessage()).contains(
        "\nnote: the line endings also differ (golden file: CRLF, actual text: LF)\n--- golden/both.txt\n");
  }

  @Test
  void should_explain_trailing_newline_when_golden_file_ends_with_newline_and_actual_text_does_not()
      throws IOException {
    // GIVEN
    Path file = golden("trailing.txt", "a\nb\n");
    // WHEN
    AssertionFailedError error = failure(() -> new GoldenFile(file, false).assertMatches("a\nb"));
    // THEN
    assertThat(error).hasMessage(String.join("\n",
        "Golden file " + file + " differs from the actual text (1 line(s) differ)" + RERUN,
        "note: the golden file ends with a newline, the actual text does not"));
  }

  @Test
  void should_explain_trailing_newline_when_actual_text_ends_with_newline_and_golden_file_does_not()
      throws IOException {
    // GIVEN
    Path file = golden("trailing.txt", "a\nb");
    // WHEN
    AssertionFailedError error = failure(() -> new GoldenFile(file, false).assertMatches("a\nb\n"));
    // THEN
    assertThat(error).hasMessage(String.join("\n",
        "Golden file " + file + " differs from the actual text (1 line(s) differ)" + RERUN,
        "note: the actual text ends with a newline, the golden file does not"));
  }

  @Test
  void should_fail_with_update_hint_when_golden_file_is_missing() {
    // GIVEN
    Path file = dir.resolve("missing.txt");
    // WHEN
    AssertionFailedError error = failure(() -> new GoldenFile(file, false).assertMatches("a\n"));
    // THEN
    assertThat(error).hasMessage("Golden file " + file
        + " does not exist; rerun with -Dgpushare.golden.update=true to create it from the actual text.");
    assertThat(file).doesNotExist();
  }

  @Test
  void should_write_golden_file_and_then_pass_when_update_mode_is_on_and_file_is_missing() {
    // GIVEN
    Path file = dir.resolve("nested/deeper/new.yaml");
    // WHEN
    new GoldenFile(file, true).assertMatches("kind: ResourceClaim\n");
    // THEN
    assertThat(file).hasBinaryContent("kind: ResourceClaim\n".getBytes(UTF_8));
    assertThatCode(() -> new GoldenFile(file, false).assertMatches("kind: ResourceClaim\n"))
        .doesNotThrowAnyException();
  }

  @Test
  void should_replace_golden_file_without_leftovers_when_update_mode_is_on_and_text_differs() throws IOException {
    // GIVEN
    Path file = golden("old.txt", "old\r\n");
    // WHEN
    new GoldenFile(file, true).assertMatches("new\n");
    // THEN
    assertThat(file).hasBinaryContent("new\n".getBytes(UTF_8));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void should_leave_modification_time_untouched_when_update_mode_is_on_and_file_is_identical()
      throws IOException {
    // GIVEN
    Path file = golden("same.txt", "a\n");
    FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(file, past);
    // WHEN
    new GoldenFile(file, true).assertMatches("a\n");
    // THEN
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(past);
    assertThat(file).hasContent("a\n");
  }

  @Test
  void should_read_update_mode_from_system_property_when_created_with_at() {
    // GIVEN
    Path file = dir.resolve("from-property.txt");
    String previous = System.getProperty(GoldenFile.UPDATE_PROPERTY);
    System.setProperty(GoldenFile.UPDATE_PROPERTY, "true");
    try {
      // WHEN
      GoldenFile.at(file).assertMatches("x\n");
    } finally {
      if (previous == null) {
        System.clearProperty(GoldenFile.UPDATE_PROPERTY);
      } else {
        System.setProperty(GoldenFile.UPDATE_PROPERTY, previous);
      }
    }
    // THEN
    assertThat(GoldenFile.UPDATE_PROPERTY).isEqualTo("gpushare.golden.update");
    assertThat(file).hasContent("x\n");
  }

  @Test
  void should_fail_without_update_hint_when_in_memory_expected_text_differs() {
    // GIVEN
    String expected = "a\nb\n";
    // WHEN
    AssertionFailedError error = failure(() -> GoldenFile.assertMatches("a\nc\n", expected, "doc.yaml"));
    // THEN
    assertThat(error).hasMessage(String.join("\n",
        "Expected text doc.yaml differs from the actual text (1 line(s) differ).",
        "--- golden/doc.yaml",
        "+++ actual/doc.yaml",
        "@@ -1,2 +1,2 @@",
        " a",
        "-b",
        "+c"));
    assertThat(error.getExpected().getValue()).isEqualTo(expected);
  }

  @Test
  void should_explain_trailing_newline_when_in_memory_expected_text_ends_with_newline_and_actual_does_not() {
    // GIVEN
    String claim = ReferenceDocuments.timeSlicingClaim();
    String actual = claim.substring(0, claim.length() - 1);
    // WHEN
    AssertionFailedError error = failure(() -> GoldenFile.assertMatches(actual, claim, "claim.yaml"));
    // THEN
    assertThat(error).hasMessage(String.join("\n",
        "Expected text claim.yaml differs from the actual text (1 line(s) differ).",
        "note: the expected text ends with a newline, the actual text does not"));
  }

  @Test
  void should_pass_when_in_memory_expected_text_equals_actual_text() {
    // GIVEN
    String claim = ReferenceDocuments.timeSlicingClaim();
    // WHEN / THEN
    assertThatCode(() -> GoldenFile.assertMatches(new String(claim), claim, "claim.yaml"))
        .doesNotThrowAnyException();
  }
}
