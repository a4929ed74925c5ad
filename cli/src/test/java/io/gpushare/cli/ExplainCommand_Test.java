package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.validate.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gpushare explain CODE} prints what docs/validation.md says of the code, for every code. */
class ExplainCommand_Test extends CliTest {
  private static final Path DOCS = Path.of("..", "docs", "validation.md");

  /** The page's rows, read here apart from {@link CodeDocs}: code -> [section, severity, example, fix]. */
  private static Map<String, List<String>> rows() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    String section = "";
    for (String line : Files.readAllLines(DOCS)) {
      if (line.startsWith("## ")) {
        section = line.substring(3);
      } else if (line.matches("^\\| `[A-Z_]+` \\| .* \\|$")) {
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
        rows.put(cells[0].replace("`", ""), List.of(section, cells[1], cells[2], cells[3]));
      }
    }
    return rows;
  }

  @Test
  void should_print_the_row_of_docs_validation_md_for_every_code() throws IOException {
    // GIVEN
    Map<String, List<String>> rows = rows();
    for (FindingCode code : FindingCode.values()) {
      List<String> row = rows.get(code.name());
      assertThat(row).as("the row of %s in docs/validation.md", code).isNotNull();
      out.getBuffer().setLength(0);
      // WHEN: in lower case, as a user may type it
      int exit = run("explain", code.name().toLowerCase(Locale.ROOT));
      // THEN
      assertThat(exit).as(code.name()).isZero();
      assertThat(out.toString()).isEqualTo(code.name() + ": " + code.summary() + "\n"
          + "  severity: " + row.get(1) + "\n"
          + "  group: " + row.get(0) + "\n"
          + "  failing example: " + row.get(2) + "\n"
          + "  fix: " + row.get(3) + "\n"
          + "  see: https://github.com/gpushare/gpushare/blob/main/docs/validation.md#" + code.group().anchor() + "\n");
    }
  }

  @Test
  void should_package_the_page_as_it_is_in_docs() throws IOException {
    // GIVEN
    String page = Files.readString(DOCS);
    // WHEN
    String packaged;
    try (InputStream in = CodeDocs.class.getResourceAsStream(CodeDocs.RESOURCE)) {
      packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // THEN
    assertThat(packaged).isEqualTo(page);
  }

  @Test
  void should_print_the_entry_of_the_tutorials_api_key_warning() {
    // WHEN
    int exit = run("explain", "Api_Key_Missing");
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo("""
        API_KEY_MISSING: vLLM behind a LoadBalancer without an API key
          severity: WARNING
          group: Security
          failing example: the tutorial: a `LoadBalancer` Service in front of vLLM without `--api-key` or \
        `VLLM_API_KEY` from a Secret
          fix: `VLLM_API_KEY` from a Secret, or `type: ClusterIP` behind an authenticating gateway
          see: https://github.com/gpushare/gpushare/blob/main/docs/validation.md#security
        """);
  }

  @Test
  void should_exit_2_naming_the_closest_code_when_one_letter_is_missing() {
    // WHEN
    int exit = run("explain", "API_KEY_MISING");
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("gpushare: expected a finding code such as VLLM_STARTUP_RACE, found"
        + " 'API_KEY_MISING' (did you mean API_KEY_MISSING?); every code: " + CodeDocs.PAGE + "\n");
  }

  @Test
  void should_exit_2_naming_the_codes_that_contain_a_part_of_one() {
    // WHEN
    int exit = run("explain", "cel");
    // THEN: the first three codes of the page that contain it
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: expected a finding code such as VLLM_STARTUP_RACE, found"
        + " 'cel' (did you mean CEL_MISSING, CEL_TOO_LONG, CEL_INVALID?); every code: " + CodeDocs.PAGE + "\n");
  }

  @Test
  void should_exit_2_without_a_guess_when_nothing_is_close() {
    // WHEN
    int exit = run("explain", "banana");
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: expected a finding code such as VLLM_STARTUP_RACE, found"
        + " 'banana'; every code: " + CodeDocs.PAGE + "\n");
  }
}
