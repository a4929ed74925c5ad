package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.gpushare.core.kube.KubeJson;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.yaml.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The credential scan's generator hands over the same strings at the same paths as a walk of the
 * JSON tree Jackson builds of the object (what the scan walked before, kept here as the oracle),
 * in the same order, for objects read from real manifests and for hand-made ones with lists of
 * mixed values, keys that are not plain words and fields the model does not know.
 */
class JsonStrings_visit_Test {

  static Stream<String> manifests() {
    return Stream.of("yaml/realworld/kubernetes-sigs__lws__docs__examples__vllm__GPU__lws.yaml",
        "yaml/realworld/NVIDIA__k8s-dra-driver-gpu__tests__bats__specs__gpu-job-rct.yaml",
        "yaml/workloads/statefulset.yaml", "yaml/workloads/leaderworkerset.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void should_visit_what_a_walk_of_the_json_tree_visits_when_objects_come_from_real_manifests(String resource) {
    // GIVEN
    List<Manifest> objects = read(resource);
    // WHEN / THEN
    assertThat(objects).isNotEmpty();
    for (Manifest manifest : objects) {
      assertThat(visited(manifest.resource())).isNotEmpty().isEqualTo(walked(manifest.resource()));
    }
  }

  @Test
  void should_index_list_entries_and_quote_keys_when_values_are_mixed_and_keys_are_not_plain_words() {
    // GIVEN
    GenericKubernetesResource custom = new GenericKubernetesResource();
    custom.setApiVersion("example.com/v1");
    custom.setKind("Thing");
    custom.setAdditionalProperty("spec", Map.of("items", List.of(1, "a", true, List.of("b", 2.5), Map.of("k.x", "c"))));
    HasMetadata deployment = new DeploymentBuilder().withNewMetadata().withName("d")
        .addToAnnotations("example.com/token", "v").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("c").withArgs("--a", "b")
        .addNewEnv().withName("E").withValue("x").endEnv().endContainer().endSpec().endTemplate().endSpec().build();
    HasMetadata configMap = new ConfigMapBuilder().withNewMetadata().withName("m").endMetadata()
        .addToData("config.json", "{}").build();
    // WHEN
    List<String> strings = visited(custom);
    // THEN
    assertThat(strings).containsExactly("Thing.apiVersion=example.com/v1", "Thing.kind=Thing",
        "Thing.spec.items[1]=a", "Thing.spec.items[3][0]=b", "Thing.spec.items[4][\"k.x\"]=c");
    assertThat(strings).isEqualTo(walked(custom));
    assertThat(visited(deployment)).contains("Thing.metadata.annotations[\"example.com/token\"]=v",
        "Thing.spec.template.spec.containers[0].args[1]=b", "Thing.spec.template.spec.containers[0].env[0].value=x")
        .isEqualTo(walked(deployment));
    assertThat(visited(configMap)).contains("Thing.data[\"config.json\"]={}").isEqualTo(walked(configMap));
  }

  private static List<String> visited(HasMetadata object) {
    List<String> strings = new ArrayList<>();
    try {
      KubeJson.writeTo(new JsonStrings(new StringBuilder("Thing"), (path, value) -> strings.add(path + "=" + value)),
          object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return strings;
  }

  private static List<String> walked(HasMetadata object) {
    List<String> strings = new ArrayList<>();
    // the JSON tree Jackson builds of the object: fabric8's own annotations decide what is written
    walk(new ObjectMapper().valueToTree(object), "Thing", strings);
    return strings;
  }

  private static void walk(JsonNode node, String path, List<String> strings) {
    if (node.isTextual()) {
      strings.add(path + "=" + node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", strings);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        walk(field.getValue(), path + TokenScan.key(field.getKey()), strings);
      }
    }
  }

  private static List<Manifest> read(String resource) {
    try (InputStream in = JsonStrings_visit_Test.class.getResourceAsStream("/io/gpushare/core/" + resource)) {
      return ManifestReader.standard().read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource)
          .set().manifests();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
