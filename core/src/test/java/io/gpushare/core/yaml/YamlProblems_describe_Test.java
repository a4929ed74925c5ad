package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A manifest SnakeYAML refuses is reported with SnakeYAML's problem, its line and column, what it was
 * reading from which line, and plain words for the cryptic ones; never the quoted text of the file,
 * which may hold a credential.
 */
class YamlProblems_describe_Test {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a key indented one space less | apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\n data:\\n  a: b\\n | 5 | \
      expected <block end>, but found '<block mapping start>' at column 2 (while parsing a block mapping from line 1): \
      a key is indented differently from the keys before it
      a value with ': ' in it       | apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: a: b\\n | 4 | \
      mapping values are not allowed here at column 10: a ': ' where a plain value goes; quote the value, or indent the \
      key under its parent
      a tab for indentation         | apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n\\tname: x\\n | 4 | \
      found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) at column 1
      an unclosed flow mapping      | apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: x\\ndata: 1\\n | 4 | \
      expected ',' or '}', but got : at column 5 (while parsing a flow mapping from line 3)
      """)
  void should_give_the_problem_its_column_and_context_when_snakeyaml_refuses_a_manifest(String name, String text,
      int line, String message) {
    // GIVEN
    String yaml = text.replace("\\n", "\n").replace("\\t", "\t");
    // WHEN
    ManifestParseException e = catchThrowableOfType(ManifestParseException.class,
        () -> ManifestReader.standard().read(yaml, "bad.yaml"));
    // THEN
    assertThat(e.problem()).isEqualTo(message);
    assertThat(e.line()).isEqualTo(line);
  }

  @org.junit.jupiter.api.Test
  void should_count_the_lines_from_the_file_when_the_text_is_an_inline_patch() {
    // GIVEN a patch written inline in a kustomization, from the file's line 11 on, with a key indented one space less
    String patch = "metadata:\n  name: x\n spec: {}\n";
    // WHEN
    ManifestParseException e = catchThrowableOfType(ManifestParseException.class,
        () -> SourceNodes.compose(patch, "kustomization.yaml", 10));
    // THEN the file's lines: the problem on line 13, the mapping from line 11
    assertThat(e.line()).isEqualTo(13);
    assertThat(e.problem()).isEqualTo("expected <block end>, but found '<block mapping start>' at column 2 (while"
        + " parsing a block mapping from line 11): a key is indented differently from the keys before it");
  }

  @org.junit.jupiter.api.Test
  void should_count_the_lines_from_the_file_when_an_inline_patch_repeats_a_key() {
    // GIVEN an inline patch from the file's line 11 on, naming metadata.name twice (lines 12 and 13)
    String patch = "metadata:\n  name: x\n  name: y\n";
    // WHEN
    ManifestParseException e = catchThrowableOfType(ManifestParseException.class,
        () -> SourceNodes.compose(patch, "kustomization.yaml", 10));
    // THEN the second key's line in the file
    assertThat(e.line()).isEqualTo(13);
    assertThat(e.problem()).startsWith("duplicate key name");
  }
}
