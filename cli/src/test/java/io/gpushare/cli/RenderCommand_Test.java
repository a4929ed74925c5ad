package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.testing.GoldenFile;
import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommand_Test extends CliTest {
  @TempDir Path dir;

  @Test
  void should_write_the_reference_documents_into_the_out_directory() throws IOException {
    // WHEN
    int exit = run("render", "--out", dir.resolve("manifests").toString());
    // THEN
    assertThat(exit).isZero();
    GoldenFile.assertMatches(Files.readString(dir.resolve("manifests/claim.yaml")),
        ReferenceDocuments.timeSlicingClaim(), "claim.yaml");
    GoldenFile.assertMatches(Files.readString(dir.resolve("manifests/vllm.yaml")),
        ReferenceDocuments.timeSlicingVllm(), "vllm.yaml");
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD"
            + " Deployment[vllm-gpu].spec.template.spec.containers[0].image: expected vLLM 0.8.2 or newer for"
            + " google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2\n")
        .contains("\nWARNING ROLLOUT_SURGE_OVERCOMMIT ", "\nWARNING API_KEY_MISSING ")
        .endsWith("wrote " + dir.resolve("manifests/claim.yaml") + "\n" + "wrote " + dir.resolve("manifests/vllm.yaml")
            + "\n");
    try (var files = Files.list(dir.resolve("manifests"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("claim.yaml", "vllm.yaml");
    }
  }

  @Test
  void should_write_the_driver_values_with_the_manifests_when_asked() throws IOException {
    // WHEN
    int exit = run("render", "--out", dir.resolve("manifests").toString(),
        "--driver-values", dir.resolve("dra-driver-values.yaml").toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(err.toString()).endsWith("wrote " + dir.resolve("manifests/claim.yaml") + "\n"
        + "wrote " + dir.resolve("manifests/vllm.yaml") + "\n" + "wrote " + dir.resolve("dra-driver-values.yaml") + "\n");
    assertThat(Files.readString(dir.resolve("dra-driver-values.yaml")))
        .startsWith("# Helm values for the NVIDIA DRA driver").contains("featureGates:\n  TimeSlicingSettings: true\n");
  }

  @Test
  void should_print_only_kubernetes_objects_and_write_the_driver_values_to_their_file() throws IOException {
    // WHEN
    int exit = run("render", "--driver-values", dir.resolve("values.yaml").toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo("# file: claim.yaml\n" + ReferenceDocuments.timeSlicingClaim()
        + "---\n# file: vllm.yaml\n" + ReferenceDocuments.timeSlicingVllm());
    assertThat(err.toString()).endsWith("wrote " + dir.resolve("values.yaml") + "\n");
    assertThat(Files.readString(dir.resolve("values.yaml"))).contains("featureGates:\n  TimeSlicingSettings: true\n");
  }

  @Test
  void should_print_one_yaml_stream_to_stdout_without_out() {
    // WHEN
    int exit = run("render");
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo(
        "# file: claim.yaml\n" + ReferenceDocuments.timeSlicingClaim()
            + "---\n# file: vllm.yaml\n" + ReferenceDocuments.timeSlicingVllm());
    assertThat(err.toString()).contains("WARNING API_KEY_MISSING Service[vllm-service].spec.type: ");
  }

  @Test
  void should_exit_2_with_a_message_on_stderr_for_an_unknown_option() {
    int exit = run("render", "--outt", "x");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("Unknown options: '--outt', 'x'\nPossible solutions: --out\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_exit_2_without_a_subcommand() {
    int exit = run();
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("missing subcommand: try 'gpushare render'");
  }

  @Test
  void should_exit_1_and_change_nothing_when_the_files_cannot_be_written() throws IOException {
    // GIVEN: an earlier claim.yaml, and a directory where vllm.yaml must go
    Files.writeString(dir.resolve("claim.yaml"), "earlier\n");
    Files.createDirectories(dir.resolve("vllm.yaml/inside"));
    // WHEN
    int exit = run("render", "--out", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).endsWith("gpushare: cannot write " + dir.resolve("vllm.yaml")
        + ": a directory is in the way (nothing was changed)\n");
    assertThat(dir.resolve("claim.yaml")).hasContent("earlier");
  }

  @Test
  void should_write_the_mig_example_under_its_file_names() throws IOException {
    // WHEN
    int exit = run("render", "--example", "mig", "--out", dir.toString());
    // THEN
    assertThat(exit).isZero();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("claim-templates.yaml", "vllm.yaml");
    }
    assertThat(Files.readString(dir.resolve("claim-templates.yaml"))).isEqualTo(ReferenceDocuments.read("mig/claim-templates.yaml"));
  }

  @Test
  void should_exit_2_naming_the_examples_for_an_unknown_one() {
    int exit = run("render", "--example", "nvlink");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith(
        "Unknown example 'nvlink'; expected one of timeslicing, mps, mig, exclusive, multi-gpu, production, timeslicing-corrected\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_write_the_claim_in_v1beta2_for_kubernetes_1_33_and_nothing_else_differently() {
    // WHEN
    int exit = run("render", "--resource-api-version", "v1beta2");
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith(
        "# file: claim.yaml\n" + ReferenceDocuments.timeSlicingClaim().replace(
            "apiVersion: resource.k8s.io/v1\n", "apiVersion: resource.k8s.io/v1beta2\n")
            + "---\n# file: vllm.yaml\n" + ReferenceDocuments.timeSlicingVllm());
  }

  @Test
  void should_exit_2_naming_the_versions_for_an_unknown_resource_api_version() {
    int exit = run("render", "--resource-api-version", "v1alpha3");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith(
        "Unknown resource API version 'v1alpha3'; expected one of [v1, v1beta2, v1beta1]\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_exit_1_with_every_finding_when_validation_fails() {
    // GIVEN: a command that renders an overcommitted claim through the same error handling
    CommandLine commandLine = GpuShareCommand.commandLine();
    commandLine.addSubcommand("overcommit", new Overcommit());
    // WHEN
    int exit = run(commandLine, "overcommit");
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("gpushare: manifests not rendered, 1 error, 0 warnings:\n"
        + "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00):"
        + " Deployment[vllm-gpu] 3 x 0.42\n");
    assertThat(out.toString()).isEmpty();
  }

  /** Renders three replicas at 0.42 of one GPU. */
  @CommandLine.Command(name = "overcommit")
  static final class Overcommit implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      io.gpushare.core.render.ManifestRenderer.standard().render(io.gpushare.dsl.GpuShare.claim("gpu-claim")
          .timeSlicing(io.gpushare.core.model.TimeSliceInterval.LONG)
          .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0").replicas(3)
              .gpuMemoryUtilization(0.42).huggingFaceToken("hf-secret", "hf_api_token"))
          .build());
      return 0;
    }
  }
}
