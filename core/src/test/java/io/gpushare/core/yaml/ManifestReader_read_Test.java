package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReader_read_Test {
  private final ManifestReader reader = ManifestReader.standard();
  private final RenderedManifests tutorial = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));

  @Test
  void should_read_each_document_as_its_fabric8_type_with_file_and_line() {
    // WHEN
    ReadManifests read = reader.read(tutorial.text("vllm.yaml"), "manifests/vllm.yaml");
    // THEN
    List<Manifest> manifests = read.set().manifests();
    assertThat(manifests).extracting(m -> (Object) m.resource().getClass()).containsExactly(Deployment.class, Service.class);
    assertThat(manifests).extracting(Manifest::file).containsOnly("vllm.yaml");
    assertThat(manifests).extracting(Manifest::origin).containsExactly("manifests/vllm.yaml:1", "manifests/vllm.yaml:55");
  }

  @Test
  void should_render_its_own_canonical_output_back_byte_for_byte() {
    for (String file : List.of("claim.yaml", "vllm.yaml")) {
      // WHEN
      ReadManifests read = reader.read(tutorial.text(file), file);
      // THEN
      assertThat(YamlRenderer.canonical().render(read.set().resourcesIn(file))).isEqualTo(tutorial.text(file));
    }
  }

  @Test
  void should_keep_the_nvidia_parameters_and_judge_them_like_generated_ones() {
    // GIVEN: the tutorial's claim with the strategy misspelled
    String claim = tutorial.text("claim.yaml").replace("strategy: TimeSlicing", "strategy: timeslicing");
    // WHEN
    ReadManifests read = reader.read(claim, "claim.yaml");
    var report = Validator.standard().validate(read.set());
    // THEN
    assertThat(read.set().manifests().get(0).resource()).isInstanceOf(ResourceClaim.class);
    assertThat(report.findings()).extracting(Finding::code).containsExactly("SHARING_STRATEGY_UNKNOWN");
    assertThat(read.location(report.findings().get(0).path())).isEqualTo("claim.yaml:19");
  }

  @Test
  void should_point_a_finding_at_the_line_of_its_path() {
    // GIVEN
    String vllm = tutorial.text("vllm.yaml").replace("--gpu-memory-utilization=0.42", "--gpu-memory-utilization=1.5");
    ReadManifests read = reader.read(vllm, "vllm.yaml");
    // WHEN
    Finding finding = Validator.standard().validate(read.set()).findings().get(0);
    // THEN
    assertThat(finding.path()).isEqualTo("Deployment[vllm-gpu].spec.template.spec.containers[0].args[3]");
    assertThat(read.location(finding.path())).isEqualTo("vllm.yaml:30");
  }

  @Test
  void should_keep_an_unknown_kind_whole() {
    // GIVEN
    String yaml = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n  tags: [a, b]\n";
    // WHEN
    ReadManifests read = reader.read(yaml, "w.yaml");
    // THEN
    assertThat(read.set().manifests().get(0).resource()).isInstanceOf(GenericKubernetesResource.class);
    assertThat(YamlRenderer.canonical().render(read.set().resourcesIn("w.yaml")))
        .isEqualTo("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n  tags:\n  - a\n  - b\n");
  }

  @Test
  void should_refuse_an_alias_bomb_fast() {
    // GIVEN: the "billion laughs"
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
          .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
          .append(p).append(",*").append(p).append("]\n");
    }
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml.toString(), "bomb.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("bomb.yaml:")
        .hasMessageEndingWith("too many aliases (at most 20): refusing what looks like an alias bomb");
  }

  @Test
  void should_refuse_duplicate_keys_custom_tags_deep_nesting_and_non_objects() {
    assertThatThrownBy(() -> reader.read("apiVersion: v1\nkind: Service\nkind: Pod\n", "dup.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageStartingWith("dup.yaml:3: ").hasMessageContaining("duplicate key kind");
    assertThatThrownBy(() -> reader.read("apiVersion: v1\nkind: !!javax.script.ScriptEngineManager [x]\n", "tag.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageContaining("tag.yaml:2: a custom tag is not allowed");
    assertThatThrownBy(() -> reader.read("a: " + "[".repeat(100) + "]".repeat(100) + "\n", "deep.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageEndingWith("nested deeper than 64 levels");
    assertThatThrownBy(() -> reader.read("- a\n- b\n", "list.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("list.yaml:1: expected a mapping (a Kubernetes object), found a sequence; write each document as"
            + " apiVersion:, kind:, metadata: and its fields");
    assertThatThrownBy(() -> reader.read("kind: Service\n", "no-version.yaml"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("no-version.yaml:1: expected a Kubernetes object with apiVersion and kind, found no apiVersion"
            + " and kind Service; add both, or leave the file out (lint of a directory skips YAML that is no"
            + " Kubernetes object)");
  }

  @Test
  void should_recognize_the_specs_that_generated_the_files() {
    // GIVEN
    var bundle = TutorialSpecs.bundle(2, "0.42");
    // WHEN
    List<io.gpushare.core.model.ManifestSpec> specs = new java.util.ArrayList<>();
    for (String file : List.of("claim.yaml", "vllm.yaml")) {
      specs.addAll(reader.read(tutorial.text(file), file).specs());
    }
    // THEN: the same specs, but for the workload's acknowledgement, which is never written into the YAML
    assertThat(specs).isEqualTo(bundle.specs().stream().map(spec -> spec instanceof io.gpushare.core.model.VllmWorkloadSpec w
        ? w.toBuilder().acknowledgements(List.of()).build() : spec).toList());
    assertThat(tutorial.text("vllm.yaml")).doesNotContain("acknowledge");
  }

  @Test
  void should_not_recognize_an_object_its_spec_cannot_say_everything_about() {
    // GIVEN: a metadata field no spec attribute holds (object annotations are a spec's since issue 11)
    String annotated = tutorial.text("vllm.yaml").replace("  name: vllm-gpu\nspec:",
        "  name: vllm-gpu\n  finalizers:\n  - example.com/keep\nspec:");
    // WHEN
    ReadManifests read = reader.read(annotated, "vllm.yaml");
    // THEN: the Service is still one, the Deployment is not
    assertThat(read.specs()).extracting(io.gpushare.core.model.ManifestSpec::kind).containsExactly("Service");
  }

  @Test
  void should_type_every_kind_fabric8_knows() {
    ReadManifests read = reader.read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n", "c.yaml");
    assertThat(read.set().manifests().get(0).resource()).isInstanceOf(io.fabric8.kubernetes.api.model.ConfigMap.class);
  }

  @Test
  void should_keep_an_unquoted_date_a_string() {
    ReadManifests read = reader.read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  since: 2024-01-01\n",
        "c.yaml");
    assertThat(YamlRenderer.canonical().render(read.set().manifests().get(0).resource()))
        .contains("  since: \"2024-01-01\"\n");
  }

  @Test
  void should_read_each_item_of_a_list_as_a_manifest() {
    ReadManifests read = reader.read("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
        + "  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n", "list.yaml");
    assertThat(read.set().manifests()).extracting(Manifest::id, Manifest::origin).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ConfigMap[a]", "list.yaml:4"),
        org.assertj.core.groups.Tuple.tuple("ConfigMap[b]", "list.yaml:8"));
  }

  @Test
  void should_refuse_aliases_that_expand_past_the_budget_under_the_alias_count() {
    // GIVEN: 10 levels of [*prev, *prev] over 1000 items: 20 aliases, a million nodes once expanded
    StringBuilder doubling = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\na0: &a0 [");
    doubling.append("x,".repeat(999)).append("x]\n");
    for (int i = 1; i <= 10; i++) {
      doubling.append('a').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
          .append("]\n");
    }
    // and a scalar repeated through aliases, which the alias count does not see at all
    String scalars = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ns: &s abc\nl: ["
        + "*s, ".repeat(250_000) + "*s]\n";
    // WHEN / THEN
    for (String yaml : List.of(doubling.toString(), scalars)) {
      assertThatThrownBy(() -> reader.read(yaml, "bomb.yaml"))
          .isInstanceOf(ManifestParseException.class)
          .hasMessageContaining("through aliases: refusing what looks like an alias bomb");
    }
  }

  @Test
  void should_name_an_object_without_metadata_without_failing() {
    ReadManifests read = reader.read("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
        + "resources: [claim.yaml]\n", "kustomization.yaml");
    assertThat(read.set().manifests().get(0).id()).isEqualTo("Kustomization[null]");
    assertThat(read.location("Deployment[x].spec")).isEqualTo("kustomization.yaml:0");
  }
}
