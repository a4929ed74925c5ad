package io.gpushare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.validate.Severity;
import io.gpushare.testing.GoldenFile;
import io.gpushare.testing.ReferenceDocuments;
import io.gpushare.testing.YamlTrees;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every example renders as its golden files (src/test/resources/golden/ID/; rerun with
 * -Dgpushare.golden.update=true to accept a change), validates without errors, needs exactly its
 * driver feature gates, and reproduces the published GKE guide where there is one.
 */
class Example_render_Test {

  private static RenderedManifests render(Example example) {
    return ManifestRenderer.standard().render(example.bundle());
  }

  @ParameterizedTest
  @EnumSource(Example.class)
  void should_render_as_its_golden_files(Example example) {
    RenderedManifests rendered = render(example);
    for (String file : rendered.fileNames()) {
      GoldenFile.at(Path.of("src/test/resources/golden", example.id(), file)).assertMatches(rendered.text(file));
    }
    GoldenFile.at(Path.of("src/test/resources/golden", example.id(), RenderedManifests.DRIVER_VALUES_FILE))
        .assertMatches(rendered.driverValues());
  }

  @ParameterizedTest
  @EnumSource(Example.class)
  void should_validate_without_errors(Example example) {
    assertThat(render(example).report().findings(Severity.ERROR)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Example.class)
  void should_write_the_file_names_of_its_mode(Example example) {
    String claims = switch (example) {
      case TIMESLICING, MPS, PRODUCTION, TIMESLICING_CORRECTED -> "claim.yaml";
      case MIG, EXCLUSIVE, MULTI_GPU -> "claim-templates.yaml";
    };
    assertThat(render(example).fileNames()).containsExactly(claims, "vllm.yaml");
  }

  @Test
  void should_give_no_warning_when_the_example_is_the_production_one() {
    // the production example follows every piece of advice gpushare gives (lint --strict exits 0)
    assertThat(render(Example.PRODUCTION).report().findings(Severity.WARNING)).isEmpty();
  }

  @Test
  void should_give_no_warning_when_the_example_is_the_corrected_tutorial() {
    // GIVEN the published tutorial, corrected
    // WHEN
    var report = render(Example.TIMESLICING_CORRECTED).report();
    // THEN nothing to report, nothing acknowledged (lint --strict of its output exits 0)
    assertThat(report.findings()).isEmpty();
    assertThat(report.featureGates()).containsExactly("TimeSlicingSettings");
  }

  @Test
  void should_render_the_tutorial_with_its_image_error_acknowledged() {
    // GIVEN the tutorial as published: vllm/vllm-openai:v0.7.2 cannot load Gemma 3
    // WHEN
    var report = render(Example.TIMESLICING).report();
    // THEN the error is reported, marked, and did not stop rendering
    assertThat(report.acknowledged()).extracting(f -> f.headline()).containsExactly(
        "ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD"
            + " Deployment[vllm-gpu].spec.template.spec.containers[0].image: expected vLLM 0.8.2 or newer for"
            + " google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2");
    assertThat(report.summary()).isEqualTo("0 errors, 3 warnings, 1 acknowledged");
  }

  @Test
  void should_need_exactly_the_feature_gates_of_each_mode() {
    assertThat(render(Example.TIMESLICING).report().featureGates()).containsExactly("TimeSlicingSettings");
    assertThat(render(Example.MPS).report().featureGates()).containsExactly("MPSSupport");
    assertThat(render(Example.MIG).report().featureGates()).containsExactly("DynamicMIG");
    assertThat(render(Example.EXCLUSIVE).report().featureGates()).isEmpty();
    assertThat(render(Example.MULTI_GPU).report().featureGates()).isEmpty();
    assertThat(render(Example.MPS).driverValues()).contains("featureGates:\n  MPSSupport: true\n");
    assertThat(render(Example.EXCLUSIVE).driverValues()).contains("featureGates: {}\n");
  }

  @Test
  void should_reproduce_the_published_gke_mps_guide() {
    RenderedManifests rendered = render(Example.MPS);
    assertThat(YamlTrees.differences(ReferenceDocuments.read("mps/claim.yaml"), rendered.text("claim.yaml"))).isEmpty();
    assertThat(YamlTrees.differences(ReferenceDocuments.read("mps/vllm.yaml"), rendered.text("vllm.yaml"))).isEmpty();
  }

  @Test
  void should_reproduce_the_published_gke_dynamic_mig_guide() {
    RenderedManifests rendered = render(Example.MIG);
    assertThat(YamlTrees.differences(ReferenceDocuments.read("mig/claim-templates.yaml"),
        rendered.text("claim-templates.yaml"))).isEmpty();
    assertThat(YamlTrees.differences(ReferenceDocuments.read("mig/vllm.yaml"), rendered.text("vllm.yaml"))).isEmpty();
    // the templates are even byte for byte the guide's text
    assertThat(rendered.text("claim-templates.yaml")).isEqualTo(ReferenceDocuments.read("mig/claim-templates.yaml"));
  }

  @Test
  void should_set_tensor_parallelism_to_the_gpus_per_pod() {
    String vllm = render(Example.MULTI_GPU).text("vllm.yaml");
    String templates = render(Example.MULTI_GPU).text("claim-templates.yaml");
    assertThat(templates).contains("          allocationMode: ExactCount\n          count: 4\n");
    assertThat(vllm).contains("        - --tensor-parallel-size=4\n");
  }

  @Test
  void should_find_each_example_by_its_command_line_name() {
    for (Example example : Example.values()) {
      assertThat(Example.byId(example.id())).contains(example);
    }
    assertThat(Example.byId("nope")).isEmpty();
    assertThat(Example.ids()).isEqualTo("timeslicing, mps, mig, exclusive, multi-gpu, production, timeslicing-corrected");
    assertThat(Set.copyOf(List.of(Example.values()))).hasSize(7);
  }

  @Test
  void should_recognize_the_published_guides_as_exactly_the_examples_specs() {
    var reader = io.gpushare.core.yaml.ManifestReader.standard();
    List<io.gpushare.core.model.ManifestSpec> mps = new java.util.ArrayList<>();
    mps.addAll(reader.read(ReferenceDocuments.read("mps/claim.yaml"), "claim.yaml").specs());
    mps.addAll(reader.read(ReferenceDocuments.read("mps/vllm.yaml"), "vllm.yaml").specs());
    assertThat(mps).isEqualTo(Example.MPS.bundle().specs());

    List<io.gpushare.core.model.ManifestSpec> mig = new java.util.ArrayList<>();
    mig.addAll(reader.read(ReferenceDocuments.read("mig/claim-templates.yaml"), "claim-templates.yaml").specs());
    mig.addAll(reader.read(ReferenceDocuments.read("mig/vllm.yaml"), "vllm.yaml").specs());
    // the guide lists both templates first; the bundle interleaves each template with its servers. The YAML
    // cannot say that its slices are dynamic, so it reads as static MIG: the bundle's requests but for that
    assertThat(mig).containsExactlyInAnyOrderElementsOf(
        Example.MIG.bundle().specs().stream().map(Example_render_Test::asStaticMig).toList());
  }

  private static io.gpushare.core.model.ManifestSpec asStaticMig(io.gpushare.core.model.ManifestSpec spec) {
    if (!(spec instanceof io.gpushare.core.model.DeviceClaimSpec claim)) {
      return spec;
    }
    return claim.toBuilder().requests(claim.requests().stream()
        .map(request -> request.toBuilder().dynamicMig(false).build()).toList()).build();
  }
}
