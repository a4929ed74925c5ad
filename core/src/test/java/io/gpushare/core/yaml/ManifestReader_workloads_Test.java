package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workloads of every kind read from YAML and judged as {@code gpushare lint} judges them, each
 * finding with the line its path points at ({@code FILE:LINE: SEVERITY CODE PATH}).
 */
class ManifestReader_workloads_Test {

  private static List<String> lint(String resource) {
    try (InputStream in = ManifestReader_workloads_Test.class.getResourceAsStream(resource)) {
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      ReadManifests read = ManifestReader.standard().read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
      ValidationReport report = Validator.standard().validate(read.set());
      return report.findings().stream().map(f -> read.location(f.path()) + ": " + headline(f)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String headline(Finding finding) {
    return finding.severity() + " " + finding.code() + " " + finding.path();
  }

  @Test
  void should_judge_the_tutorial_pod_in_a_stateful_set_at_its_lines() {
    // WHEN: the tutorial's pod, 3 replicas of a StatefulSet, a literal token
    List<String> findings = lint("workloads/statefulset.yaml");
    // THEN: no rollout warning, since a StatefulSet replaces its pods one at a time
    assertThat(findings).containsExactly(
        "statefulset.yaml:1: ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]",
        "statefulset.yaml:56: ERROR SECRET_LITERAL StatefulSet[vllm-gpu].spec.template.spec.containers[0].env[0].value",
        "statefulset.yaml:47: ERROR VLLM_IMAGE_TOO_OLD StatefulSet[vllm-gpu].spec.template.spec.containers[0].image",
        "statefulset.yaml:82: WARNING API_KEY_MISSING Service[vllm-service].spec.type");
  }

  @Test
  void should_judge_a_leader_worker_sets_leaders_and_workers_at_their_lines() {
    // WHEN: 2 groups of a leader (vLLM started from sh -c) and a worker, all at 0.42 of one claim
    List<String> findings = lint("workloads/leaderworkerset.yaml");
    // THEN: the leader downloads the gated Gemma 3 without a token
    assertThat(findings).containsExactly(
        "leaderworkerset.yaml:42: ERROR HF_TOKEN_MISSING"
            + " LeaderWorkerSet[vllm].spec.leaderWorkerTemplate.leaderTemplate.spec.containers[0].command[2]",
        "leaderworkerset.yaml:59: ERROR SECRET_LITERAL"
            + " LeaderWorkerSet[vllm].spec.leaderWorkerTemplate.workerTemplate.spec.containers[0].env[0].value",
        "leaderworkerset.yaml:1: ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]");
  }

  @Test
  void should_find_no_error_in_the_vllm_example_of_the_lws_project() {
    // GIVEN: kubernetes-sigs/lws docs/examples/vllm/GPU/lws.yaml at 060ab4da17eea1f0865fcbd3236bb1075e2cea32,
    // 2 groups of 2 pods with 8 GPUs each from the device plugin (no DRA claim), vLLM started from sh -c
    // WHEN
    List<String> findings = lint("realworld/kubernetes-sigs__lws__docs__examples__vllm__GPU__lws.yaml");
    // THEN: --port 8080 is read from the script; HF_TOKEN: $HF_TOKEN is a placeholder, not a token; only the
    // model is not in the catalog
    assertThat(findings).containsExactly("kubernetes-sigs__lws__docs__examples__vllm__GPU__lws.yaml:24: INFO"
        + " MODEL_UNKNOWN LeaderWorkerSet[vllm].spec.leaderWorkerTemplate.leaderTemplate.spec.containers[0].command[2]");
  }

  @Test
  void should_find_no_error_in_the_nvidia_drivers_job_test() {
    // GIVEN: NVIDIA/k8s-dra-driver-gpu tests/bats/specs/gpu-job-rct.yaml at
    // 22407113785e78c7763b4637689a201eb39c6199: a Job whose pods each get a GPU from a ResourceClaimTemplate
    // WHEN
    List<String> findings = lint("realworld/NVIDIA__k8s-dra-driver-gpu__tests__bats__specs__gpu-job-rct.yaml");
    // THEN
    assertThat(findings).isEmpty();
  }

  @Test
  void should_read_a_horizontal_pod_autoscaler_as_a_typed_object_when_it_scales_the_tutorial() {
    // GIVEN
    String yaml = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: vllm-gpu}\n"
        + "spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm-gpu}, maxReplicas: 3}\n"
        + "---\napiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: old}\n"
        + "spec: {scaleTargetRef: {kind: Deployment, name: vllm-gpu}, maxReplicas: 3}\n";
    // WHEN
    ReadManifests read = ManifestReader.standard().read(yaml, "hpa.yaml");
    // THEN
    assertThat(read.set().manifests()).extracting(m -> m.resource().getClass().getName()).containsExactly(
        "io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler",
        "io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler");
    assertThat(Validator.standard().validate(read.set()).findings()).isEmpty();
  }

  @Test
  void should_count_the_pods_an_autoscaler_can_scale_the_tutorial_to_when_it_shares_one_claim() {
    // WHEN: the tutorial's claim and Deployment, with an autoscaler of maxReplicas 300
    List<String> findings = lint("workloads/autoscaled.yaml");
    // THEN: 300 pods exceed the 256 consumers one claim reserves (ResourceClaimReservedForMaxSize = 256,
    // kubernetes/kubernetes pkg/apis/resource/types.go), and 300 x 0.42 the device's memory
    assertThat(findings).containsExactly(
        "autoscaled.yaml:90: ERROR LIMIT_EXCEEDED HorizontalPodAutoscaler[vllm-gpu].spec.maxReplicas",
        "autoscaled.yaml:1: ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]",
        "autoscaled.yaml:48: ERROR VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image");
  }
}
