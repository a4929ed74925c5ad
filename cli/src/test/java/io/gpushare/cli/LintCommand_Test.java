package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.dsl.GpuShare;
import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommand_Test extends CliTest {
  @TempDir Path dir;

  private Path tutorial() throws IOException {
    return writeTutorial(dir);
  }

  @Test
  void should_exit_1_and_print_the_tutorials_image_error_and_warnings_with_file_line_and_hint() throws IOException {
    // WHEN: the tutorial's files as published, whose v0.7.2 image cannot load Gemma 3
    int exit = run("lint", tutorial().toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    String vllm = dir.resolve("vllm.yaml").toString();
    assertThat(out.toString().lines().toList()).containsExactly(
        vllm + ":24: ERROR VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: expected"
            + " vLLM 0.8.2 or newer for google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2",
        "  hint: use vllm/vllm-openai:v0.8.2 or newer; an older image cannot load the model, so the server never"
            + " starts",
        vllm + ":5: WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update starts 1"
            + " more pod (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then has 1.26 of the GPU's"
            + " memory requested (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42",
        SURGE_HINT,
        race(dir.resolve("claim.yaml").toString()),
        RACE_HINT,
        vllm + ":62: WARNING API_KEY_MISSING Service[vllm-service].spec.type: expected vLLM behind a LoadBalancer to"
            + " require an API key, found Deployment[vllm-gpu] without --api-key or VLLM_API_KEY",
        "  hint: add env VLLM_API_KEY from a Secret (clients then send 'Authorization: Bearer <key>'), or use type"
            + " ClusterIP behind an authenticating gateway",
        "1 error, 3 warnings, 0 infos in 2 files");
  }

  static final String SURGE_HINT = "  hint: the new pod cannot start while the old ones hold the GPU; set"
      + " spec.strategy.type: Recreate, or rollingUpdate maxSurge: 0 with maxUnavailable: 1";
  static final String RACE_HINT = "  hint: start them one after another: one StatefulSet with the default"
      + " podManagementPolicy OrderedReady and a readinessProbe on the vLLM container; or size each KV cache with"
      + " --kv-cache-memory-bytes (vLLM 0.11.0 and later, not vLLM 0.7.2), which skips the profiling";

  /** The tutorial's files, the Deployment annotated with an acknowledgement of {@code text}. */
  private Path tutorialAcknowledging(String text) throws IOException {
    tutorial();
    Files.writeString(dir.resolve("vllm.yaml"), ReferenceDocuments.timeSlicingVllm().replaceFirst(
        "  name: vllm-gpu\n", "  name: vllm-gpu\n  annotations:\n    gpushare.io/acknowledge: \"" + text + "\"\n"));
    return dir;
  }

  @Test
  void should_exit_0_and_print_the_error_marked_when_an_annotation_acknowledges_it() throws IOException {
    // GIVEN
    tutorialAcknowledging("VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString().lines().toList()).startsWith(dir.resolve("vllm.yaml") + ":26: ERROR (acknowledged:"
        + " reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD"
        + " Deployment[vllm-gpu].spec.template.spec.containers[0].image: expected vLLM 0.8.2 or newer for"
        + " google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2")
        .endsWith("0 errors, 3 warnings, 0 infos, 1 acknowledged in 2 files");
  }

  @Test
  void should_write_the_reason_in_the_json_when_a_finding_is_acknowledged() throws IOException {
    // GIVEN
    tutorialAcknowledging("VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published");
    // WHEN
    int exit = run("lint", "--format", "json", dir.toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("""
        {
          "files" : [ "%s", "%s" ],
          "errors" : 0,
          "warnings" : 3,
          "infos" : 0,
        """.formatted(dir.resolve("claim.yaml"), dir.resolve("vllm.yaml")))
        .contains("""
            "hint" : "use vllm/vllm-openai:v0.8.2 or newer; an older image cannot load the model, so the server \
        never starts",
            "acknowledged" : "reproduces the GKE tutorial as published"
          }, {""")
        .endsWith("""
            "acknowledged" : null
          } ],
          "acknowledged" : 1
        }
        """);
  }

  @Test
  void should_exit_1_and_warn_when_the_annotation_names_a_code_without_a_reason() throws IOException {
    // GIVEN
    tutorialAcknowledging("VLLM_IMAGE_TOO_OLD");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains(dir.resolve("vllm.yaml") + ":5: WARNING ACKNOWLEDGEMENT_INVALID"
        + " Deployment[vllm-gpu].metadata.annotations[\"gpushare.io/acknowledge\"]: expected CODE: reason, found"
        + " 'VLLM_IMAGE_TOO_OLD': a reason is required, found none\n")
        .endsWith("1 error, 4 warnings, 0 infos in 2 files\n");
  }

  @Test
  void should_exit_1_on_warnings_with_strict() throws IOException {
    assertThat(run("lint", "--strict", tutorial().toString())).isEqualTo(1);
  }

  @Test
  void should_judge_the_claim_and_the_deployment_together_across_files() throws IOException {
    // GIVEN: three replicas in vllm.yaml, the claim in claim.yaml
    tutorial();
    Files.writeString(dir.resolve("vllm.yaml"), ReferenceDocuments.timeSlicingVllm().replace("replicas: 2", "replicas: 3"));
    // WHEN
    int exit = run("lint", dir.resolve("claim.yaml").toString(), dir.resolve("vllm.yaml").toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains(dir.resolve("claim.yaml") + ":1: ERROR GPU_MEMORY_OVERCOMMIT"
        + " ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00): Deployment[vllm-gpu] 3 x 0.42\n");
  }

  @Test
  void should_exit_2_for_a_file_that_does_not_parse_and_still_lint_the_others() throws IOException {
    // GIVEN
    tutorial();
    Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: Service\nkind: Pod\n");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).startsWith(dir.resolve("broken.yaml") + ":3: ERROR UNREADABLE: duplicate key kind"
        + " (duplicate keys are refused: one of the values would be lost)\n");
    assertThat(out.toString()).endsWith("1 error, 3 warnings, 0 infos in 3 files, 1 unreadable\n");
  }

  @Test
  void should_write_the_documented_json() throws IOException {
    // WHEN
    int exit = run("lint", "--format", "json", tutorial().resolve("claim.yaml").toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo("""
        {
          "files" : [ "%s" ],
          "errors" : 0,
          "warnings" : 0,
          "infos" : 0,
          "featureGates" : [ "TimeSlicingSettings" ],
          "unreadable" : [ ],
          "findings" : [ ],
          "acknowledged" : 0
        }
        """.formatted(dir.resolve("claim.yaml")));
  }

  @Test
  void should_lint_each_nvidia_driver_demo_manifest_without_errors() throws IOException {
    // each demo is an independent example (several share names), so each is linted on its own
    for (String demo : List.of("gpu-test2.yaml", "gpu-test3.yaml", "gpu-test4.yaml", "gpu-test5.yaml", "gpu-test6.yaml",
        "gpu-test-mps.yaml", "bats-gpu-timeslicing.yaml", "bats-gpu-simple-mig.yaml", "bats-gpu-simple-mig-ts.yaml")) {
      Path file = Files.writeString(dir.resolve(demo), ReferenceDocuments.read("nvidia-demo/" + demo));
      StringWriter report = new StringWriter();
      CommandLine commandLine = GpuShareCommand.commandLine();
      commandLine.setOut(new PrintWriter(report, true));
      // WHEN
      int exit = commandLine.execute("lint", file.toString());
      // THEN
      assertThat(exit).as(report.toString()).isZero();
      assertThat(report.toString().lines()).as(demo).anyMatch(line -> line.startsWith("0 errors, "));
    }
  }

  @Test
  void should_point_at_the_lines_of_a_v1beta1_claim_in_its_own_field_names() throws IOException {
    // GIVEN: the tutorial's claim written in resource.k8s.io/v1beta1, shared by three replicas at 0.42
    Path claim = Files.writeString(dir.resolve("claim.yaml"), """
        apiVersion: resource.k8s.io/v1beta1
        kind: ResourceClaim
        metadata:
          name: gpu-claim
        spec:
          devices:
            requests:
            - name: gpu
              deviceClassName: gpu.nvidia.com
              selectors:
              - cel:
                  expression: ""
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
    Files.writeString(dir.resolve("vllm.yaml"), ReferenceDocuments.timeSlicingVllm().replace("replicas: 2", "replicas: 3"));
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().lines().filter(line -> line.contains(" ERROR ")).toList()).containsExactly(
        dir.resolve("vllm.yaml") + ":24: ERROR VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0]"
            + ".image: expected vLLM 0.8.2 or newer for google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2",
        claim + ":1: ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested"
            + " (limit 1.00): Deployment[vllm-gpu] 3 x 0.42",
        claim + ":12: ERROR CEL_MISSING ResourceClaim[gpu-claim].spec.devices.requests[0].selectors[0].cel.expression:"
            + " expected a CEL expression, found none");
  }

  @Test
  void should_read_stdin_for_a_dash() {
    // GIVEN
    java.io.InputStream saved = System.in;
    System.setIn(new java.io.ByteArrayInputStream(
        ReferenceDocuments.timeSlicingClaim().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      // WHEN
      int exit = run("lint", "-");
      // THEN
      assertThat(exit).isZero();
      assertThat(out.toString()).isEqualTo("0 errors, 0 warnings, 0 infos in 1 file\n");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void should_lint_the_kustomization_resources_once_when_a_kustomization_lists_the_files() throws IOException {
    // GIVEN: a kustomization beside the tutorial, listing its two files
    tutorial();
    Files.writeString(dir.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [claim.yaml, vllm.yaml]\n");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN: the files are judged once, through the kustomization, at their own lines (the exit is the image error)
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).startsWith(dir.resolve("vllm.yaml") + ":24: ERROR VLLM_IMAGE_TOO_OLD ")
        .endsWith("1 error, 3 warnings, 0 infos in 3 files\n");
  }

  @Test
  void should_judge_each_overlay_apart_when_two_overlays_build_one_base() throws IOException {
    // GIVEN: one base and two overlays that only include it
    overlays("");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN: no DUPLICATE_NAME (each overlay is its own set), and the base's findings once, not once per overlay
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).doesNotContain("DUPLICATE_NAME")
        .startsWith(dir.resolve("base/vllm.yaml") + ":24: ERROR VLLM_IMAGE_TOO_OLD ")
        .endsWith("1 error, 3 warnings, 0 infos in 5 files\n");
  }

  @Test
  void should_place_an_overlays_finding_in_its_own_patch_when_two_overlays_build_one_base() throws IOException {
    // GIVEN one base and two overlays; prod's patch sets the Deployment's args, with a utilization of 1.5
    overlays("patches:\n- path: patch.yaml\n");
    Files.writeString(dir.resolve("overlays/prod/patch.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm-gpu
        spec:
          template:
            spec:
              containers:
              - name: vllm-gpu
                args:
                - --model=google/gemma-3-1b-it
                - --gpu-memory-utilization=1.5
        """);
    // WHEN
    run("lint", dir.toString());
    // THEN at prod's patch, line 12: dev's copy of the base has the same Deployment, with its own args
    assertThat(out.toString().lines().filter(line -> line.contains("GPU_MEMORY_UTILIZATION_RANGE")).toList())
        .containsExactly(dir.resolve("overlays/prod/patch.yaml") + ":12: ERROR GPU_MEMORY_UTILIZATION_RANGE"
            + " Deployment[vllm-gpu].spec.template.spec.containers[0].args[1]: --gpu-memory-utilization must be in"
            + " (0, 1], found 1.5");
  }

  /**
   * The usual kustomize layout (kubectl apply -k overlays/dev on one cluster, -k overlays/prod on another):
   * one base holding the tutorial, two overlays that include it, neither setting a namespace; {@code prod}
   * ends prod's kustomization (its patches).
   */
  private void overlays(String prod) throws IOException {
    writeTutorial(Files.createDirectories(dir.resolve("base")));
    Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [claim.yaml, vllm.yaml]\n");
    for (String overlay : List.of("dev", "prod")) {
      Files.createDirectories(dir.resolve("overlays/" + overlay));
      Files.writeString(dir.resolve("overlays/" + overlay + "/kustomization.yaml"), "resources: [../../base]\n"
          + (overlay.equals("prod") ? prod : ""));
    }
  }

  /** The ACME X1 and its 40.1 B model, which only this catalog knows. */
  private Path acmeCatalog() throws IOException {
    return Files.writeString(dir.resolve("gpus.yaml"), """
        gpus:
        - productName: ACME X1 96GB
          memory: 96Gi
          migProfiles: [1g.12gb, 3g.48gb, 7g.96gb]
        models:
        - id: acme/acme-chat-40b
          parameters: 40.1e9
        """);
  }

  /** A claim on the ACME X1 and two replicas of the ACME model at 0.42 of it, in one file. */
  private Path acmeClaimAndDeployment() throws IOException {
    ManifestBundle bundle = GpuShare.claim("gpu-claim").onGpu("ACME X1 96GB").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("acme/acme-chat-40b").image("vllm/vllm-openai:v0.9.2").replicas(2)
            .gpuMemoryUtilization(0.42))
        .build();
    ManifestBundle.Builder oneFile = ManifestBundle.builder();
    bundle.specs().forEach(spec -> oneFile.add("claim-and-deployment.yaml", spec));
    String yaml = ManifestRenderer.standard().render(oneFile.build()).text("claim-and-deployment.yaml");
    return Files.writeString(dir.resolve("claim-and-deployment.yaml"), yaml);
  }

  @Test
  void should_report_an_error_that_plain_lint_does_not_when_given_a_catalog() throws IOException {
    // GIVEN
    Path catalog = acmeCatalog();
    Path manifests = acmeClaimAndDeployment();
    // WHEN
    int exit = run("lint", "--catalog", catalog.toString(), manifests.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    String file = manifests.toString();
    assertThat(findingLines()).containsExactly(
        file + ":54: ERROR MODEL_DOES_NOT_FIT Deployment[vllm-gpu].spec.template.spec.containers[0].args[2]: expected"
            + " the weights of acme/acme-chat-40b (74.7 GiB) to fit in 0.42 x 95.5 GiB = 40.1 GiB, found they do not"
            + " (and the KV cache needs room too)",
        file + ":30: WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update starts 1"
            + " more pod (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then has 1.26 of the GPU's"
            + " memory requested (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42",
        race(file),
        "1 error, 2 warnings, 0 infos in 1 file");
  }

  @Test
  void should_only_inform_that_the_gpu_and_model_are_unknown_when_linted_without_the_catalog() throws IOException {
    // GIVEN
    Path manifests = acmeClaimAndDeployment();
    // WHEN
    int exit = run("lint", manifests.toString());
    // THEN
    assertThat(exit).isZero();
    String file = manifests.toString();
    assertThat(findingLines()).containsExactly(
        file + ":30: WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update starts 1"
            + " more pod (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then has 1.26 of the GPU's"
            + " memory requested (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42",
        race(file),
        file + ":54: INFO MODEL_UNKNOWN Deployment[vllm-gpu].spec.template.spec.containers[0].args[2]: model"
            + " 'acme/acme-chat-40b' is not in gpushare's catalog, so whether its weights fit was not checked",
        file + ":7: INFO GPU_PRODUCT_UNKNOWN ResourceClaim[gpu-claim].spec.devices.requests: GPU product 'ACME X1"
            + " 96GB' is not in gpushare's catalog, so its memory and MIG profiles were not checked",
        "0 errors, 2 warnings, 2 infos in 1 file");
  }

  @Test
  void should_exit_2_naming_the_file_line_and_key_when_the_catalog_is_invalid() throws IOException {
    // GIVEN
    Path catalog = Files.writeString(dir.resolve("gpus.yaml"), """
        gpus:
        - productName: ACME X1 96GB
          memoryMiB: 98304
        """);
    // WHEN
    int exit = run("lint", "--catalog", catalog.toString(), acmeClaimAndDeployment().toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: catalog " + catalog + ":3: unknown key 'memoryMiB' in gpus[0];"
        + " expected productName, productNames, memory, cudaTotal, migProfiles\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_exit_2_when_the_catalog_file_does_not_exist() throws IOException {
    // WHEN
    int exit = run("lint", "--catalog", dir.resolve("missing.yaml").toString(), tutorial().toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: catalog " + dir.resolve("missing.yaml") + ": no such file\n");
  }
  /** What lint printed, without the hint lines (the tutorial's test shows them). */
  private java.util.List<String> findingLines() {
    return out.toString().lines().filter(line -> !line.startsWith("  hint: ")).toList();
  }

  /** The start-up race of the tutorial's two replicas (vLLM issues #9198, #45534, #56830), reported on the claim. */
  static String race(String claimFile) {
    return claimFile + ":1: WARNING VLLM_STARTUP_RACE ResourceClaim[gpu-claim]: expected co-located vLLM servers to"
        + " start one after another, found 2 servers on ResourceClaim[gpu-claim] that can start together"
        + " (Deployment[vllm-gpu] starts its 2 pods at once); each profiles the device's memory while the other loads"
        + " and counts its growth as its own: \"No available memory for the cache blocks\" or \"Error in memory"
        + " profiling\" until a restart";
  }
}
