package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import org.junit.jupiter.api.Test;

class VllmWorkloadSpec_kinds_Test {

  @Test
  void should_list_every_attribute_of_another_kind_when_a_deployment_carries_them() {
    // GIVEN
    VllmWorkloadSpec.Builder builder = TutorialSpecs.vllmWithoutReplicasPortOrUtilization("vllm", "gpu-claim")
        .replicas(1).port(8000)
        .namespace("ML")
        .serviceName("vllm-pods")
        .job(JobOptions.defaults())
        .groupSize(2);
    // WHEN / THEN
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC Deployment[vllm]: 4 problem(s):
              - namespace must be a DNS label (lower case letters, digits and '-', at most 63), found 'ML'
              - serviceName belongs to a StatefulSet, found it on a Deployment
              - job belongs to a Job, found it on a Deployment
              - groupSize belongs to a LeaderWorkerSet, found it on a Deployment""");
  }

  @Test
  void should_require_the_headless_service_when_the_kind_is_statefulset() {
    // GIVEN
    VllmWorkloadSpec.Builder builder = TutorialSpecs.vllmWithoutReplicasPortOrUtilization("vllm", "gpu-claim")
        .replicas(1).port(8000).workloadKind(WorkloadKind.STATEFUL_SET).strategy(RolloutStrategy.recreate());
    // WHEN / THEN
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC StatefulSet[vllm]: 2 problem(s):
              - strategy belongs to a Deployment, found it on a StatefulSet
              - a StatefulSet needs serviceName, the headless Service that gives its pods their names""");
  }

  @Test
  void should_refuse_a_second_api_key_when_env_repeats_vllm_api_key() {
    // GIVEN
    VllmWorkloadSpec.Builder builder = TutorialSpecs.vllmWithoutReplicasPortOrUtilization("vllm", "gpu-claim")
        .replicas(1).port(8000)
        .apiKey(SecretKeyRef.of("vllm-api-key", "key"))
        .pod(PodOptions.builder().addEnv(EnvVarSpec.fromSecret("VLLM_API_KEY", SecretKeyRef.of("other", "k"))).build());
    // WHEN / THEN
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC Deployment[vllm]: 1 problem(s):
              - env VLLM_API_KEY repeats what apiKey writes; set it once""");
  }

  @Test
  void should_be_named_after_its_kind_when_the_kind_is_a_job() {
    VllmWorkloadSpec spec = TutorialSpecs.vllmWithoutReplicasPortOrUtilization("batch", "gpu-claim")
        .replicas(1).port(8000).workloadKind(WorkloadKind.JOB).build();
    assertThat(spec.kind()).isEqualTo("Job");
    assertThat(spec.withNamespace("ml").namespace()).contains("ml");
  }
}
