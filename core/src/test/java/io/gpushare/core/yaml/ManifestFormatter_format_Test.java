package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestFormatter_format_Test {

  private static final String HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n";

  // Real commented files from /work/shared/corpus/realworld, their sources in
  // src/test/resources/io/gpushare/core/yaml/commented/SOURCES.tsv.
  @ParameterizedTest
  @ValueSource(strings = {
    "NVIDIA__k8s-dra-driver-gpu__demo__specs__quickstart__v1__gpu-test6.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__autoscaling__custom-compute-classes__dra__deployment.yaml",
    "GoogleCloudPlatform__kubernetes-engine-samples__ai-ml__llm-serving-gemma__vllm__vllm-7b-kvcache__patch.yaml"
  })
  void should_keep_every_comment_line_when_formatting_a_real_commented_file(String name) throws IOException {
    // GIVEN a published manifest with comments
    String text = resource("commented/" + name);
    // WHEN it is formatted
    String formatted = ManifestFormatter.standard().format(text, name);
    // THEN every comment line is there, and formatting again changes nothing
    assertThat(comments(formatted)).containsExactlyInAnyOrderElementsOf(comments(text)).isNotEmpty();
    assertThat(ManifestFormatter.standard().format(formatted, name)).isEqualTo(formatted);
  }

  @Test
  void should_keep_comments_beside_their_entries_when_keys_are_reordered() {
    // GIVEN comments before, on and after entries in a non-canonical order
    String text = "# head\nkind: ConfigMap # the kind\napiVersion: v1\nmetadata:\n  name: x\n# tail\n";
    // WHEN it is formatted
    String formatted = ManifestFormatter.standard().format(text, "c.yaml");
    // THEN the comments move with their entries
    assertThat(formatted).isEqualTo("apiVersion: v1\n# head\nkind: ConfigMap # the kind\nmetadata:\n  name: x\n# tail\n");
  }

  @Test
  void should_keep_strings_and_numbers_as_kubernetes_reads_them_when_given_yaml_1_1_lookalikes() {
    // GIVEN sexagesimal, octal and 0o-prefixed scalars, and a YAML 1.1 boolean
    String text = HEAD + "  t: 12:30:00\n  x: 012\n  o: 0o12\n  b: yes\n";
    // WHEN it is formatted
    String formatted = ManifestFormatter.standard().format(text, "c.yaml");
    // THEN the string stays a string, the numbers keep their text, the boolean is written true (and
    // the keys of data, a free-form map, come sorted)
    assertThat(formatted).isEqualTo(HEAD + "  b: true\n  o: 0o12\n  t: \"12:30:00\"\n  x: 012\n");
  }

  @Test
  void should_double_quote_a_key_when_it_contains_a_newline() {
    // GIVEN a key with a line break in it
    String text = HEAD + "  \"a\\nb\": c\n";
    // WHEN it is formatted
    String formatted = ManifestFormatter.standard().format(text, "c.yaml");
    // THEN the key is one double-quoted line that reads back as the same key
    assertThat(formatted).isEqualTo(HEAD + "  \"a\\nb\": c\n");
  }

  @Test
  void should_refuse_a_complex_key() {
    // GIVEN a key that is a sequence
    String text = HEAD + "  ? [a, b]\n  : c\n";
    // WHEN it is formatted THEN it is refused with the line of the key
    assertThatThrownBy(() -> ManifestFormatter.standard().format(text, "c.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("c.yaml:6: a key is a sequence, not a string; fmt writes only string keys, as Kubernetes"
            + " objects have");
  }

  @Test
  void should_refuse_a_lone_surrogate() {
    // GIVEN a value with an escaped lone surrogate
    String text = HEAD + "  s: \"\\ud800\"\n";
    // WHEN it is formatted THEN it is refused
    assertThatThrownBy(() -> ManifestFormatter.standard().format(text, "c.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("c.yaml:6: the text has a lone UTF-16 surrogate \\ud800, which no UTF-8 file can hold; write"
            + " the character it was meant to be");
  }

  private static List<String> comments(String text) {
    return text.lines().filter(l -> l.contains("#")).map(l -> l.substring(l.indexOf('#')).trim()).toList();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ManifestFormatter_format_Test.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
