package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.KubeObjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlRenderer_render_Test {
  private final YamlRenderer renderer = YamlRenderer.canonical();

  @Test
  void should_write_the_claim_in_the_tutorials_layout() {
    // GIVEN
    HasMetadata claim = KubeObjects.toResourceClaim(TutorialSpecs.claim("gpu-claim"));
    // WHEN
    String yaml = renderer.render(claim);
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata:
          name: gpu-claim
        spec:
          devices:
            requests:
            - name: gpu
              exactly:
                deviceClassName: gpu.nvidia.com
            config:
            - requests: ["gpu"]
              opaque:
                driver: gpu.nvidia.com
                parameters:
                  apiVersion: resource.nvidia.com/v1beta1
                  kind: GpuConfig
                  sharing:
                    strategy: TimeSlicing
                    timeSlicingConfig:
                      interval: Long
        """);
  }

  @Test
  void should_write_command_in_flow_style_and_tolerations_double_quoted() {
    // GIVEN
    HasMetadata deployment = KubeObjects.toDeployment(TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42"));
    // WHEN
    String yaml = renderer.render(deployment);
    // THEN
    assertThat(yaml)
        .contains("        command: [\"python3\", \"-m\", \"vllm.entrypoints.openai.api_server\"]\n")
        .contains("""
                  tolerations:
                  - key: "nvidia.com/gpu"
                    operator: "Exists"
                    effect: "NoSchedule"
            """)
        .contains("        - --gpu-memory-utilization=0.42\n");
  }

  @Test
  void should_separate_documents_with_a_marker_line_and_end_with_one_newline() {
    // GIVEN
    List<HasMetadata> documents = List.of(
        KubeObjects.toService(TutorialSpecs.service("a", "x")),
        KubeObjects.toService(TutorialSpecs.service("b", "y")));
    // WHEN
    String yaml = renderer.render(documents);
    // THEN
    assertThat(yaml).contains("    targetPort: 8000\n---\napiVersion: v1\n");
    assertThat(yaml).startsWith("apiVersion: v1\n").endsWith("targetPort: 8000\n").doesNotContain("\r");
    assertThat(yaml.split("\n---\n", -1)).hasSize(2);
  }

  @Test
  void should_write_a_multi_line_cel_expression_as_a_literal_block() {
    // GIVEN
    ResourceClaimTemplate template = new ResourceClaimTemplateBuilder()
        .withApiVersion("resource.k8s.io/v1").withKind("ResourceClaimTemplate")
        .withNewMetadata().withName("mig").endMetadata()
        .withNewSpec().withNewSpec().withNewDevices()
        .addNewRequest().withName("gpu").withNewExactly().withDeviceClassName("mig.nvidia.com")
        .addNewSelector().withNewCel()
        .withExpression("device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\"\n")
        .endCel().endSelector().endExactly().endRequest()
        .endDevices().endSpec().endSpec()
        .build();
    // WHEN
    String yaml = renderer.render(template);
    // THEN
    assertThat(yaml).endsWith(
        "          selectors:\n"
            + "          - cel:\n"
            + "              expression: |\n"
            + "                device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\"\n");
    assertThat(celExpressionOf(reparse(yaml)))
        .isEqualTo(template.getSpec().getSpec().getDevices().getRequests().get(0).getExactly()
            .getSelectors().get(0).getCel().getExpression());
  }

  @Test
  void should_keep_the_key_order_of_an_unknown_kind_and_write_empty_collections_inline() {
    // GIVEN
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("zeta", 1);
    spec.put("alpha", Map.of());
    spec.put("list", List.of());
    spec.put("ratio", 0.5);
    spec.put("enabled", true);
    GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
        .withApiVersion("example.com/v1").withKind("Widget")
        .withNewMetadata().withName("w").endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
    // WHEN
    String yaml = renderer.render(resource);
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
        spec:
          zeta: 1
          alpha: {}
          list: []
          ratio: 0.5
          enabled: true
        """);
  }

  @Test
  void should_write_the_same_bytes_under_every_default_locale() {
    // GIVEN
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("ratio", 1234567.25);
    spec.put("count", 1234567);
    GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
        .withApiVersion("example.com/v1").withKind("Widget")
        .withNewMetadata().withName("i-title").endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = renderer.render(resource);
      for (Locale locale : List.of(Locale.forLanguageTag("tr-TR"), Locale.GERMANY, Locale.forLanguageTag("ar-EG"))) {
        // WHEN
        Locale.setDefault(locale);
        // THEN
        assertThat(renderer.render(resource)).as("under %s", locale).isEqualTo(root);
      }
      assertThat(root).contains("  ratio: 1234567.25\n  count: 1234567\n");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void should_render_the_same_object_to_the_same_text_twice() {
    HasMetadata deployment = KubeObjects.toDeployment(TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42"));
    assertThat(renderer.render(deployment)).isEqualTo(renderer.render(deployment));
  }

  @SuppressWarnings("unchecked")
  private static Object celExpressionOf(Object document) {
    Map<String, Object> devices = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        ((Map<String, Object>) document).get("spec")).get("spec")).get("devices");
    Map<String, Object> request = ((List<Map<String, Object>>) devices.get("requests")).get(0);
    Map<String, Object> selector =
        ((List<Map<String, Object>>) ((Map<String, Object>) request.get("exactly")).get("selectors")).get(0);
    return ((Map<String, Object>) selector.get("cel")).get("expression");
  }

  private static Object reparse(String yaml) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
  }
}
