package io.gpushare.core.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.yaml.SourceNodes;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Cases of kubernetes/apimachinery pkg/util/strategicpatch/patch_test.go (at
 * 930e0be7e50b533cbe3a76f80b0ac2cbca628099; "current" is the object, the patch is the two-way
 * patch, "result" the expected object; the test's {@code mergingList}, merged by {@code name}, is
 * written as {@code env}, which Kubernetes merges by {@code name} too) and of kubernetes-sigs/kustomize
 * api/krusty (patchdelete_test.go, mergekeys_test.go: items only the patch has come first in
 * {@code kustomize build} output).
 */
class StrategicMerge_apply_Test {

  static java.util.stream.Stream<Arguments> upstream() {
    return java.util.stream.Stream.of(
        Arguments.of("apimachinery: delete field from nested map",
            "simpleMap: {key1: 1, key2: 1, other: a}", "simpleMap: {key2: null}", "simpleMap: {key1: 1, other: a}"),
        Arguments.of("apimachinery: add field and delete field from map",
            "{name: 1, other: a}", "{name: null, value: 1}", "{value: 1, other: a}"),
        Arguments.of("apimachinery: delete all fields from map",
            "{name: 1, value: 1, other: a}", "{name: null, value: null}", "{other: a}"),
        Arguments.of("apimachinery: replace list of scalars",
            "nonMergingIntList: [1, 2]", "nonMergingIntList: [2, 3]", "nonMergingIntList: [2, 3]"),
        Arguments.of("apimachinery: delete all maps from merging list",
            "env: [{name: 1}, {name: 2}]", "env: [{name: 1, $patch: delete}, {name: 2, $patch: delete}]", "env: []"),
        Arguments.of("apimachinery: delete all maps from empty merging list",
            "env: []", "env: [{name: 1, $patch: delete}, {name: 2, $patch: delete}]", "env: []"),
        Arguments.of("apimachinery: add field to map in merging list",
            "env: [{name: 1, other: a}, {name: 2, value: 2, other: b}]", "env: [{name: 1, value: 1}]",
            "env: [{name: 1, value: 1, other: a}, {name: 2, value: 2, other: b}]"),
        Arguments.of("apimachinery: defined null values should propagate removing original fields",
            "{name: original-name, value: original-value, other: current-other}",
            "{name: modified-name, value: null}", "{name: modified-name, other: current-other}"),
        Arguments.of("kustomize mergekeys_test.go TestMergeKeys: the patch's new item first",
            "spec: {env: [{name: BASE_VAR, value: base-value}]}",
            "spec: {env: [{name: OVERLAY_VAR, value: overlay-value}]}",
            "spec: {env: [{name: OVERLAY_VAR, value: overlay-value}, {name: BASE_VAR, value: base-value}]}"),
        // kustomize's own output keeps the $patch: delete item of a name the object lacks (the test
        // calls it erroneousActual); its expected result, which gpushare gives, drops it
        Arguments.of("kustomize patchdelete_test.go: delete of a missing item adds nothing",
            "containers: [{name: whatever, image: helloworld, env: [{name: EXISTING, value: EXISTING_VALUE},"
                + " {name: FOR_REMOVAL, value: FOR_REMOVAL_VALUE}]}]",
            "containers: [{name: whatever, env: [{name: FOR_REMOVAL, $patch: delete},"
                + " {name: NOT_EXISTING_FOR_REMOVAL, $patch: delete}]}]",
            "containers: [{name: whatever, image: helloworld, env: [{name: EXISTING, value: EXISTING_VALUE}]}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstream")
  void should_agree_with_upstream_when_patch_is_applied(String source, String object, String patch, String result) {
    // GIVEN an object and a patch of an upstream test case
    // WHEN the patch is applied
    Optional<Node> merged = StrategicMerge.apply(node(object), node(patch));
    // THEN the result is the upstream one, list order included
    assertThat(merged).isPresent();
    assertThat(SourceNodes.value(merged.get())).as(source).isEqualTo(SourceNodes.value(node(result)));
  }

  @Test
  void should_merge_container_by_name_and_replace_args_when_patch_names_the_container() {
    // GIVEN the GKE kv-cache sample's shape: a container with image and args, a patch with new args only
    Node object = node("containers: [{name: inference-server, image: 'vllm/vllm-openai:v0.10.0',"
        + " args: [--model=$(MODEL_ID), --tensor-parallel-size=2], ports: [{containerPort: 8000}]}]");
    Node patch = node("containers: [{name: inference-server, args: [--kv-cache-dtype=fp8_e5m2],"
        + " ports: [{containerPort: 8000, name: http}]}]");
    // WHEN the patch is applied
    Node merged = StrategicMerge.apply(object, patch).orElseThrow();
    // THEN the image stays, args (no merge key) are the patch's, the port merges on containerPort
    assertThat(SourceNodes.value(merged)).isEqualTo(SourceNodes.value(node("containers: [{name: inference-server,"
        + " image: 'vllm/vllm-openai:v0.10.0', args: [--kv-cache-dtype=fp8_e5m2],"
        + " ports: [{containerPort: 8000, name: http}]}]")));
  }

  @Test
  void should_take_the_patch_list_whole_when_an_item_is_a_replace_directive() {
    // GIVEN a list item {$patch: replace} (the strategic-merge-patch design document's list directive)
    Node object = node("volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]");
    Node patch = node("volumes: [{name: c, emptyDir: {}}, {$patch: replace}]");
    // WHEN the patch is applied
    Node merged = StrategicMerge.apply(object, patch).orElseThrow();
    // THEN only the patch's items are left
    assertThat(SourceNodes.value(merged)).isEqualTo(SourceNodes.value(node("volumes: [{name: c, emptyDir: {}}]")));
  }

  @Test
  void should_take_the_patch_map_whole_when_it_has_a_replace_directive() {
    // GIVEN a map with $patch: replace
    Node object = node("nodeSelector: {a: '1', b: '2'}");
    Node patch = node("nodeSelector: {c: '3', $patch: replace}");
    // WHEN the patch is applied
    Node merged = StrategicMerge.apply(object, patch).orElseThrow();
    // THEN the map is the patch's, without the directive
    assertThat(SourceNodes.value(merged)).isEqualTo(SourceNodes.value(node("nodeSelector: {c: '3'}")));
  }

  @Test
  void should_remove_the_map_when_it_has_a_delete_directive() {
    // GIVEN a map with $patch: delete
    Node object = node("{affinity: {nodeAffinity: {}}, name: x}");
    Node patch = node("affinity: {$patch: delete}");
    // WHEN the patch is applied
    Node merged = StrategicMerge.apply(object, patch).orElseThrow();
    // THEN the key is gone
    assertThat(SourceNodes.value(merged)).isEqualTo(SourceNodes.value(node("{name: x}")));
  }

  @Test
  void should_delete_the_object_when_the_patch_root_is_a_delete_directive() {
    // GIVEN a patch whose top level says $patch: delete (kustomize removes the resource)
    // WHEN the patch is applied
    Optional<Node> merged = StrategicMerge.apply(node("{kind: Service}"), node("{kind: Service, $patch: delete}"));
    // THEN nothing is left
    assertThat(merged).isEmpty();
  }

  private static Node node(String yaml) {
    return SourceNodes.compose(yaml, "test.yaml").get(0);
  }
}
