package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/validation.md and {@link FindingCode} agree: every declared code has a row, in its group's
 * section, with its default severity first; no row names an undeclared code; and every declared
 * code is reported by some rule.
 */
class FindingCode_docs_Test {
  private static final Pattern HEADING = Pattern.compile("^## (.+)$");
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([A-Z]+)");
  private static final Pattern USED = Pattern.compile("FindingCode\\.([A-Z_]+)");

  /** code -> "section|severity" as the page says it. */
  private static Map<String, String> documented() throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    String section = "";
    for (String line : Files.readAllLines(Path.of("..", FindingCode.DOCS))) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        section = heading.group(1);
      }
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        rows.put(row.group(1), section + "|" + row.group(2));
      }
    }
    return rows;
  }

  @Test
  void should_document_each_code_in_its_section_with_its_default_severity() throws IOException {
    // GIVEN
    Map<String, String> declared = new LinkedHashMap<>();
    for (FindingCode code : FindingCode.values()) {
      declared.put(code.name(), code.group().title() + "|" + code.severity());
    }
    // WHEN
    Map<String, String> documented = documented();
    // THEN
    assertThat(documented).isEqualTo(declared);
  }

  @Test
  void should_report_every_declared_code_from_some_rule() throws IOException {
    // GIVEN
    Set<String> used = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/gpushare/core"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher matcher = USED.matcher(Files.readString(source));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }
    // WHEN
    Set<String> declared = Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    // THEN
    assertThat(used).containsAll(declared);
  }

  @Test
  void should_link_each_code_to_an_existing_heading() throws IOException {
    // GIVEN
    String page = Files.readString(Path.of("..", FindingCode.DOCS));
    // WHEN / THEN
    for (FindingCode.Group group : FindingCode.Group.values()) {
      assertThat(page).contains("\n## " + group.title() + "\n");
    }
    assertThat(FindingCode.SECRET_LITERAL.documentation()).isEqualTo("docs/validation.md#security");
    assertThat(FindingCode.INVALID_NAME.documentation()).isEqualTo("docs/validation.md#kubernetes-api-server");
  }
}
