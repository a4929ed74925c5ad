package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 10: whatever the bytes, a file ends as objects or as one unreadable report with its line. */
class ManifestReader_adversarial_Test {
  private final ManifestReader reader = ManifestReader.standard();

  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
      + "  - name: c\n    image: i\n";

  @Test
  void should_read_a_memory_limit_of_16GB_and_locate_its_findings_when_fabric8_cannot_parse_the_quantity() {
    // GIVEN: 16GB is no quantity; fabric8's Quantity.equals/hashCode would throw on it
    String yaml = POD + "    resources: {limits: {memory: 16GB}}\n";
    // WHEN
    ReadManifests read = reader.read(yaml, "p.yaml");
    // THEN
    assertThat(read.set().manifests()).hasSize(1);
    assertThat(read.location("Pod[p].spec.containers[0].resources")).isEqualTo("p.yaml:9");
  }

  @Test
  void should_refuse_an_empty_list_entry_with_its_line_when_a_dash_has_nothing_after_it() {
    // GIVEN: ports: then -, which fabric8 reads as a null element
    String yaml = POD + "    ports:\n    -\n";
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml, "p.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("p.yaml:10: an empty list entry ('-' with nothing after it, or null): remove it, or write the entry");
  }

  @Test
  void should_refuse_a_standard_tag_on_a_value_it_does_not_fit_when_apiVersion_is_tagged_int() {
    // GIVEN
    String yaml = "apiVersion: !!int v1\nkind: Pod\nmetadata:\n  name: p\n";
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml, "p.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("p.yaml:1: 'v1' does not fit its tag !!int: drop the tag or fix the value");
  }

  @Test
  void should_refuse_a_list_at_the_node_budget_while_parsing_when_it_has_a_million_items() {
    // GIVEN: 4 MB of "- 1"
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nitems:\n" + "- 1\n".repeat(1_000_000);
    // WHEN / THEN: refused at the first node over the budget: 4 nodes before the list, the list, then items
    assertThatThrownBy(() -> reader.read(yaml, "big.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("big.yaml:" + (ReadBounds.MAX_NODES - 5) + ": more than " + ReadBounds.MAX_NODES
            + " nodes (values, lists and mappings): refusing to read it (gpushare reads files of ordinary size only)");
  }

  @Test
  void should_refuse_a_line_of_4_MiB_before_parsing_when_one_scalar_fills_the_file() {
    // GIVEN: SnakeYAML's reader is quadratic in the length of one line
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "
        + "a".repeat(ManifestReader.MAX_BYTES - 100) + "\n";
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml, "big.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("big.yaml:6: a line of " + (ManifestReader.MAX_BYTES - 100 + 5) + " characters; at most 1048576"
            + " are read: refusing to read it (gpushare reads files of ordinary size only)");
  }

  @Test
  void should_refuse_a_number_of_a_thousand_digits_in_an_integer_field_without_constructing_it() {
    // GIVEN: go-yaml v2, as Kubernetes reads YAML, takes a plain scalar that fits no int64 or float64 as a
    // string (resolve.go), so it is never constructed as a number; the integer field then refuses the string
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  generation: " + "9".repeat(1000) + "\n";
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml, "p.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("p.yaml:1: cannot read it as Pod: Cannot deserialize value of type `java.lang.Long`"
            + " from String \"9999");
  }
}
