package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.Severity;
import org.junit.jupiter.api.Test;

class ManifestReader_skipped_Test {

  @Test
  void should_skip_helm_values_with_an_info() {
    // WHEN
    var skipped = ManifestReader.skipped("nvidiaDriverRoot: /\nfeatureGates:\n  MPSSupport: true\n", "values.yaml");
    // THEN
    assertThat(skipped).contains(new Finding("NOT_A_KUBERNETES_OBJECT", Severity.INFO, "values.yaml",
        "expected Kubernetes objects with apiVersion and kind at the top level, found none (Helm values or a tool's"
            + " configuration); skipped",
        "nothing to do when the file is not meant for the cluster; name it on the command line to have it refused"));
  }

  @Test
  void should_not_skip_a_file_with_one_object_among_other_documents() {
    assertThat(ManifestReader.skipped("a: 1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", "x.yaml"))
        .isEmpty();
  }

  @Test
  void should_skip_a_kustomization_and_a_chart_file() {
    assertThat(ManifestReader.skipped("apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n", "k.yaml"))
        .hasValueSatisfying(f -> assertThat(f.message()).startsWith("expected Kubernetes API objects, found a kustomize"));
    // Chart.yaml: apiVersion v2, no kind
    assertThat(ManifestReader.skipped("apiVersion: v2\nname: vllm\nversion: 0.1.0\n", "Chart.yaml")).isPresent();
  }

  @Test
  void should_leave_templates_and_unparsable_text_to_the_reader() {
    assertThat(ManifestReader.skipped("replicas: {{ .Values.replicas }}\n", "t.yaml")).isEmpty();
    assertThat(ManifestReader.skipped("a: [\n", "t.yaml")).isEmpty();
  }

  @Test
  void should_refuse_a_helm_template_that_parses_as_yaml_with_the_line_of_its_first_action() {
    // GIVEN: quoted actions parse as YAML strings, yet the values are not the chart's
    String text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: \"{{ .Release.Name }}-vllm\"\n";
    // WHEN / THEN
    assertThatThrownBy(() -> ManifestReader.standard().read(text, "service.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("service.yaml:4: template syntax {{ ... }} at line 4: this is a Helm (or other) template, not"
            + " Kubernetes YAML; run `helm template RELEASE CHART > manifests.yaml` (or the tool that fills it in)"
            + " first and lint its output");
  }
}
