package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/validation.md lists every code the validator's source can report, and no code it cannot. */
class ValidationCatalog_Test {
  private static final Pattern EMITTED = Pattern.compile("findings\\.(?:error|warning|info)\\(\\s*\"([A-Z_]+)\"");
  private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE);

  @Test
  void should_document_exactly_the_codes_the_rules_emit() throws IOException {
    // GIVEN
    Set<String> emitted = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/gpushare/core/validate"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher matcher = EMITTED.matcher(Files.readString(source));
        while (matcher.find()) {
          emitted.add(matcher.group(1));
        }
      }
    }
    // WHEN
    Set<String> documented = new TreeSet<>();
    Matcher matcher = DOCUMENTED.matcher(Files.readString(Path.of("../docs/validation.md")));
    while (matcher.find()) {
      documented.add(matcher.group(1));
    }
    // THEN
    assertThat(emitted).hasSizeGreaterThan(40);
    assertThat(documented).isEqualTo(emitted);
  }
}
