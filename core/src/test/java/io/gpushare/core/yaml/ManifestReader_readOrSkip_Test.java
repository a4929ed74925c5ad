package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.Severity;
import org.junit.jupiter.api.Test;

/** readOrSkip decides from one parse what skipped + read decide from two: the same outcome, to the line. */
class ManifestReader_readOrSkip_Test {
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: vllm
      spec:
        template:
          spec:
            containers:
            - name: vllm
              image: vllm/vllm-openai:v0.8.5
              args:
              - --model=google/gemma-3-1b-it
              - --gpu-memory-utilization=0.42
      """;

  @Test
  void should_skip_with_the_finding_of_skipped_when_no_document_is_an_object() {
    // GIVEN Helm values
    String values = "nvidiaDriverRoot: /\nfeatureGates:\n  MPSSupport: true\n";
    // WHEN
    FileRead read = ManifestReader.standard().readOrSkip(values, "values.yaml");
    // THEN
    assertThat(read.read()).isEmpty();
    assertThat(read.skipped()).contains(new Finding("NOT_A_KUBERNETES_OBJECT", Severity.INFO, "values.yaml",
        "expected Kubernetes objects with apiVersion and kind at the top level, found none (Helm values or a tool's"
            + " configuration); skipped",
        "nothing to do when the file is not meant for the cluster; name it on the command line to have it refused"));
  }

  @Test
  void should_skip_when_the_file_is_a_kustomization() {
    // GIVEN
    String kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n";
    // WHEN
    FileRead read = ManifestReader.standard().readOrSkip(kustomization, "kustomization.yaml");
    // THEN
    assertThat(read.skipped()).isEqualTo(ManifestReader.skipped(kustomization, "kustomization.yaml"));
    assertThat(read.skipped().orElseThrow().message()).contains("found a kustomize configuration");
  }

  @Test
  void should_read_the_objects_with_their_lines_when_a_document_is_an_object() {
    // GIVEN a Deployment after a document marker
    String text = "---\n" + DEPLOYMENT;
    // WHEN
    FileRead read = ManifestReader.standard().readOrSkip(text, "dir/vllm.yaml");
    // THEN the one object, located as read() locates it
    assertThat(read.skipped()).isEmpty();
    ReadManifests manifests = read.read().orElseThrow();
    assertThat(manifests.set().manifests()).hasSize(1);
    assertThat(manifests.location("Deployment[vllm].spec.template.spec.containers[0].args[1]"))
        .isEqualTo("dir/vllm.yaml:14");
    assertThat(manifests.location("Deployment[vllm].spec.template.spec.containers[0].image.tag"))
        .isEqualTo("dir/vllm.yaml:11");
    assertThat(manifests.location("Deployment[vllm].spec.replicas")).isEqualTo("dir/vllm.yaml:6");
    assertThat(manifests.location("Deployment[vllm]")).isEqualTo("dir/vllm.yaml:2");
  }

  @Test
  void should_refuse_as_read_does_when_other_documents_beside_an_object_are_no_objects() {
    // GIVEN values, then a Deployment: not skipped, and not readable
    String text = "a: 1\n---\n" + DEPLOYMENT;
    // WHEN / THEN
    assertThatThrownBy(() -> ManifestReader.standard().readOrSkip(text, "x.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("x.yaml:1: expected a Kubernetes object with apiVersion and kind, found no apiVersion"
            + " and no kind");
  }

  @Test
  void should_locate_items_of_a_list_when_the_file_is_what_kubectl_get_writes() {
    // GIVEN a List of two ConfigMaps
    String list = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: b
          data:
            key: value
        """;
    // WHEN
    ReadManifests manifests = ManifestReader.standard().readOrSkip(list, "list.yaml").read().orElseThrow();
    // THEN
    assertThat(manifests.location("ConfigMap[a].metadata.name")).isEqualTo("list.yaml:6");
    assertThat(manifests.location("ConfigMap[b].data.key")).isEqualTo("list.yaml:12");
    assertThat(manifests.location("ConfigMap[b].data[\"key\"]")).isEqualTo("list.yaml:11");
  }

  @Test
  void should_refuse_as_read_does_when_a_key_is_duplicated() {
    // GIVEN
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: 1\n  k: 2\n";
    // WHEN / THEN
    assertThatThrownBy(() -> ManifestReader.standard().readOrSkip(text, "cm.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("cm.yaml:6: duplicate key k (duplicate keys are refused: one of the values would be lost)");
  }

  @Test
  void should_refuse_as_read_does_when_the_file_is_a_template() {
    // GIVEN
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n";
    // WHEN / THEN
    assertThatThrownBy(() -> ManifestReader.standard().readOrSkip(text, "t.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("t.yaml:4: template syntax {{ ... }} at line 4");
  }

  @Test
  void should_refuse_as_read_does_when_a_document_is_no_mapping() {
    // GIVEN an object, then a list
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n- 1\n";
    // WHEN / THEN
    assertThatThrownBy(() -> ManifestReader.standard().readOrSkip(text, "x.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("x.yaml:5: expected a mapping (a Kubernetes object), found a sequence; write each document as"
            + " apiVersion:, kind:, metadata: and its fields");
  }
}
