package io.gpushare.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlTrees_differences_Test {

  @Test
  void should_find_no_difference_when_only_indentation_quoting_and_blank_lines_differ() {
    // GIVEN
    String expected = "a:\n  - name: x\n    port: 8000\n\n---\n\nb: 'y'\n";
    String actual = "a:\n- name: \"x\"\n  port: 8000\n---\nb: y\n";
    // WHEN / THEN
    assertThat(YamlTrees.differences(expected, actual)).isEmpty();
  }

  @Test
  void should_report_key_order_value_and_type_differences_with_their_paths() {
    // GIVEN
    String expected = "spec:\n  type: LoadBalancer\n  ports:\n  - port: 8000\n    name: http\n";
    String actual = "spec:\n  type: ClusterIP\n  ports:\n  - port: \"8000\"\n    name: http\n    extra: 1\n";
    // WHEN / THEN
    assertThat(YamlTrees.differences(expected, actual)).containsExactly(
        "[0].spec.type: expected \"LoadBalancer\" (String) but was \"ClusterIP\" (String)",
        "[0].spec.ports[0]: expected keys [port, name] but were [port, name, extra]",
        "[0].spec.ports[0].port: expected 8000 (Integer) but was \"8000\" (String)");
  }

  @Test
  void should_report_a_different_number_of_documents() {
    assertThat(YamlTrees.differences("a: 1\n---\nb: 2\n", "a: 1\n"))
        .containsExactly("documents: expected 2 but was 1");
  }

  @Test
  void should_report_keys_in_another_order() {
    assertThat(YamlTrees.differences("a: 1\nb: 2\n", "b: 2\na: 1\n"))
        .containsExactly("[0]: expected keys [a, b] but were [b, a]");
  }

  @Test
  void should_read_the_published_guides_as_their_own_equivalents() {
    assertThat(YamlTrees.differences(ReferenceDocuments.read("mig/vllm.yaml"), ReferenceDocuments.read("mig/vllm.yaml")))
        .isEmpty();
  }

  @Test
  void should_ignore_key_order_only_when_asked() {
    assertThat(YamlTrees.differencesIgnoringKeyOrder("a: 1\nb: 2\n", "b: 2\na: 1\n")).isEmpty();
    assertThat(YamlTrees.differencesIgnoringKeyOrder("a: 1\nb: 2\n", "b: 2\na: 3\n"))
        .containsExactly("[0].a: expected 1 (Integer) but was 3 (Integer)");
  }
}
