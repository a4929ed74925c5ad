package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML beside the manifests that is no Kubernetes object: skipped in a directory, refused when named. */
class LintCommand_nonManifests_Test extends CliTest {
  private static final String SKIPPED = "expected Kubernetes objects with apiVersion and kind at the top level, found"
      + " none (Helm values or a tool's configuration); skipped";

  @TempDir Path dir;

  /** The tutorial's files as published (exit 1: their image cannot load Gemma 3), and {@code file} beside them. */
  private void tutorialWith(String file, String text) throws IOException {
    writeTutorial(dir);
    Files.writeString(dir.resolve(file), text);
  }

  @Test
  void should_skip_helm_values_and_tool_configs_found_in_a_directory_with_an_info() throws IOException {
    // GIVEN: the driver's values as an older gpushare wrote them beside the manifests, and pre-commit's config
    tutorialWith("dra-driver-values.yaml", "nvidiaDriverRoot: /\nfeatureGates:\n  TimeSlicingSettings: true\n");
    Files.writeString(dir.resolve(".pre-commit-config.yaml"), "repos:\n- repo: https://github.com/x/y\n  rev: v1\n");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().lines().filter(line -> !line.startsWith("  hint: ")).toList())
        .startsWith(dir.resolve(".pre-commit-config.yaml") + ":1: INFO NOT_A_KUBERNETES_OBJECT "
                + dir.resolve(".pre-commit-config.yaml") + ": " + SKIPPED,
            dir.resolve("dra-driver-values.yaml") + ":1: INFO NOT_A_KUBERNETES_OBJECT "
                + dir.resolve("dra-driver-values.yaml") + ": " + SKIPPED)
        .endsWith("1 error, 3 warnings, 2 infos in 4 files");
  }

  @Test
  void should_skip_a_kustomize_file_that_is_no_directory_kustomization() throws IOException {
    // GIVEN: kustomize's own kind (sigs.k8s.io/kustomize api/types/kustomization.go), no API object, in a
    // file kustomize does not read as the directory's kustomization
    tutorialWith("component.yaml", """
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        resources:
        - claim.yaml
        """);
    // WHEN
    int exit = run("lint", "--format", "json", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("\"infos\" : 1,").contains("""
            "file" : "%s",
            "line" : 1,
            "severity" : "INFO",
            "code" : "NOT_A_KUBERNETES_OBJECT",
        """.formatted(dir.resolve("component.yaml")).stripTrailing());
  }

  @Test
  void should_judge_a_patch_merged_into_its_target_when_a_directory_holds_a_kustomization() throws IOException {
    // GIVEN: the shape of GoogleCloudPlatform/kubernetes-engine-samples
    // ai-ml/llm-serving-gemma/vllm/vllm-7b-kvcache (2b5036514162a489145c5e5570bc320efbcb37bf): a
    // Deployment patch without selector, new args and one GPU, over a base; and a remote resource
    Files.createDirectories(dir.resolve("overlay"));
    Files.writeString(dir.resolve("base.yaml"), ReferenceDocuments.timeSlicingVllm());
    Files.writeString(dir.resolve("claim.yaml"), ReferenceDocuments.timeSlicingClaim());
    Files.writeString(dir.resolve("overlay/patch.yaml"), """
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
    Files.writeString(dir.resolve("overlay/kustomization.yaml"), """
        resources:
        - ../base.yaml
        - ../claim.yaml
        - https://github.com/example/repo//deploy?ref=v1
        patches:
        - path: patch.yaml
        """);
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN: no SELECTOR_MISMATCH on the patch; the patch's args judged at the patch's line; the remote resource an INFO
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).doesNotContain("SELECTOR_MISMATCH")
        .contains(dir.resolve("overlay/kustomization.yaml") + ":1: INFO KUSTOMIZE_RESOURCE_NOT_READ ")
        .contains(dir.resolve("overlay/patch.yaml") + ":12: ERROR GPU_MEMORY_UTILIZATION_RANGE Deployment[vllm-gpu]"
            + ".spec.template.spec.containers[0].args[1]: ")
        .endsWith(" in 4 files\n");
  }

  @Test
  void should_refuse_a_file_without_objects_named_on_the_command_line() throws IOException {
    // GIVEN
    tutorialWith("values.yaml", "nvidiaDriverRoot: /\n");
    // WHEN
    int exit = run("lint", dir.resolve("values.yaml").toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).startsWith(dir.resolve("values.yaml") + ":1: ERROR UNREADABLE: expected a Kubernetes"
        + " object with apiVersion and kind, found no apiVersion and no kind; add both, or leave the file out (lint of"
        + " a directory skips YAML that is no Kubernetes object)\n");
  }

  @Test
  void should_say_to_run_helm_template_first_for_a_chart_template_in_a_directory() throws IOException {
    // GIVEN: the first lines of NVIDIA k8s-dra-driver-gpu deployments/helm/dra-driver-nvidia-gpu/templates/deviceclass-gpu.yaml
    tutorialWith("deviceclass-gpu.yaml", """
        ---
        {{- if .Values.resources.gpus.enabled }}
        apiVersion: {{ include "dra-driver-nvidia-gpu.resourceApiVersion" . }}
        kind: DeviceClass
        {{- end }}
        """);
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).startsWith(dir.resolve("deviceclass-gpu.yaml") + ":2: ERROR UNREADABLE: template syntax"
        + " {{ ... }} at line 2: this is a Helm (or other) template, not Kubernetes YAML; run `helm template RELEASE"
        + " CHART > manifests.yaml` (or the tool that fills it in) first and lint its output\n");
  }

  @Test
  void should_say_to_fill_in_a_placeholder_that_keeps_an_object_from_being_read() throws IOException {
    // GIVEN: as kubernetes-engine-samples ai-ml/llm-serving-llama writes its Secret, for sed to fill in
    tutorialWith("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: hf-secret\ndata:\n"
        + "  hf_api_token: {{HF_TOKEN}}\n");
    // WHEN
    int exit = run("lint", dir.resolve("secret.yaml").toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).startsWith(dir.resolve("secret.yaml") + ":6: ERROR UNREADABLE: template syntax {{ ... }}"
        + " at line 6: ");
  }

  @Test
  void should_read_a_config_map_whose_chat_template_uses_braces() throws IOException {
    // GIVEN: a Jinja chat template in a ConfigMap, as ai-on-gke's llama-firewall vllm-llama.yaml has
    tutorialWith("template.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: chat-template
        data:
          template.jinja: |
            {{- bos_token }}
            {%- if messages[0]['role'] == 'system' %}
        """);
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).doesNotContain("NOT_A_KUBERNETES_OBJECT").doesNotContain("UNREADABLE")
        .endsWith("1 error, 3 warnings, 0 infos in 3 files\n");
  }

  @Test
  void should_lint_what_render_out_writes_without_unreadable_files() throws IOException {
    // GIVEN
    assertThat(run("render", "--out", dir.toString())).isZero();
    out.getBuffer().setLength(0);
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN: the files hold no acknowledgement of the tutorial's image error, which render printed acknowledged
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).endsWith("1 error, 3 warnings, 0 infos in 2 files\n");
  }
}
