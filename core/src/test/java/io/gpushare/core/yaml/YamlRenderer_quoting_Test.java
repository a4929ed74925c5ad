package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Strings a YAML 1.1 reader (kubectl's go-yaml, SnakeYAML) would take for something else must come
 * out quoted and read back as the same string; ordinary strings stay plain. The list is the table of
 * ../shared/reference/kubernetes-fabric8-yaml.md section 2.7.
 */
class YamlRenderer_quoting_Test {

  private static String renderValue(String value) {
    ConfigMap map = new ConfigMapBuilder()
        .withApiVersion("v1").withKind("ConfigMap")
        .withNewMetadata().withName("m").endMetadata()
        .withData(Map.of("v", value))
        .build();
    String yaml = YamlRenderer.canonical().render(map);
    String line = yaml.lines().filter(l -> l.startsWith("  v:")).findFirst().orElseThrow();
    return line.substring("  v: ".length());
  }

  @SuppressWarnings("unchecked")
  private static Object readBack(String value) {
    ConfigMap map = new ConfigMapBuilder()
        .withApiVersion("v1").withKind("ConfigMap")
        .withNewMetadata().withName("m").endMetadata()
        .withData(Map.of("v", value))
        .build();
    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(YamlRenderer.canonical().render(map));
    return ((Map<String, Object>) doc.get("data")).get("v");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0000", "8000", "0.42", "1.0", "1e3", "0x1F", "0o17", "012", "1_000", "12:30", ".5", "-1",
      "+1", ".inf", "NaN", ".nan", "true", "True", "TRUE", "false", "yes", "Yes", "no", "NO", "on",
      "off", "y", "n", "Y", "N", "null", "Null", "~", "", "2024-01-01", "2001-12-14t21:59:43.10-05:00",
      "a: b", "a #b", "#x", "*x", "&x", "!x", "- x", "-", "[x]", "{x}", "%x", "@x", "`x", "'x'",
      "\"x\"", "?x", "x:", "0000:00:04.0", "=", "<<", "---", "...", " lead", "trail ", "tab\tin",
      "line\u2028sep", "\u00e9t\u00e9\u0007"})
  void should_double_quote_when_a_reader_would_not_read_a_plain_scalar_back_as_the_same_string(String value) {
    // WHEN
    String written = renderValue(value);
    // THEN
    assertThat(written).startsWith("\"").endsWith("\"");
    assertThat(readBack(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Long", "gpu", "nvidia.com/gpu", "vllm/vllm-openai:v0.7.2", "--port=8000", "--host=0.0.0.0",
      "-x", "x,y", "gpu-claim", "/dev/shm", "15Gi", "resource.nvidia.com/v1beta1", "a:b", "a#b",
      "Gr\u00fc\u00dfe", "google/gemma-3-1b-it"})
  void should_write_plain_when_the_plain_scalar_reads_back_as_the_same_string(String value) {
    // WHEN
    String written = renderValue(value);
    // THEN
    assertThat(written).isEqualTo(value);
    assertThat(readBack(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"say \"hi\"\n", "back\\slash", "nul\0byte", "bell\u0007", "cr\rlf"})
  void should_escape_so_that_the_string_reads_back_unchanged_when_it_has_special_characters(String value) {
    assertThat(readBack(value)).isEqualTo(value);
  }
}
