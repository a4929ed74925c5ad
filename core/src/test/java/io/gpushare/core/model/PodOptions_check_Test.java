package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PodOptions_check_Test {

  @Test
  void should_list_every_broken_invariant_when_quantities_names_and_paths_are_wrong() {
    // GIVEN
    PodOptions.Builder builder = PodOptions.builder()
        .putRequests("cpu", "lots").putRequests("memory", "32Gi").putLimits("memory", "16Gi")
        .addEnv(EnvVarSpec.literal("MODE", "a")).addEnv(EnvVarSpec.literal("MODE", "b"))
        .addVolumes(VolumeSpec.emptyDir("dshm", "/scratch"))
        .addVolumes(VolumeSpec.huggingFaceCache("hf-cache"))
        .addVolumes(VolumeSpec.configMap("config", "vllm-config", VolumeSpec.HUGGING_FACE_CACHE_PATH))
        .terminationGracePeriodSeconds(-1L);
    // WHEN / THEN
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC PodOptions: 6 problem(s):
              - requests.cpu must be a non-negative quantity such as 4, 500m or 16Gi, found 'lots'
              - requests.memory 32Gi must not exceed limits.memory 16Gi
              - env MODE is given twice
              - volume name dshm is the shared-memory volume's; choose another name
              - mountPath /root/.cache/huggingface is used twice
              - terminationGracePeriodSeconds must be >= 0, found -1""");
  }

  @Test
  void should_give_vllm_probes_on_health_with_fifteen_minutes_to_start() {
    // WHEN
    PodOptions options = PodOptions.withVllmProbes().build();
    // THEN
    HttpProbe startup = options.startupProbe().orElseThrow();
    assertThat(startup.path()).isEqualTo("/health");
    assertThat(startup.periodSeconds() * startup.failureThreshold()).isEqualTo(15 * 60);
    assertThat(options.readinessProbe()).contains(HttpProbe.vllmReadiness());
    assertThat(options.livenessProbe()).contains(HttpProbe.vllmLiveness());
  }

  @Test
  void should_refuse_a_literal_credential_without_repeating_it_when_the_name_means_one() {
    // WHEN / THEN
    assertThatThrownBy(() -> EnvVarSpec.literal("VLLM_API_KEY", "s3cr3t-value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC EnvVarSpec[VLLM_API_KEY]: 1 problem(s):
              - a literal value for VLLM_API_KEY, whose name means a credential; take it from a Secret with fromSecret""")
        .message().doesNotContain("s3cr3t");
  }

  @Test
  void should_refuse_a_literal_that_holds_a_token_when_the_name_does_not_say_so() {
    // WHEN / THEN
    assertThatThrownBy(() -> EnvVarSpec.literal("EXTRA", "hf_" + "abcdefghijklmnopqrstuvwxyzABCDEFGH"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("INVALID_SPEC EnvVarSpec[EXTRA]: 1 problem(s):\n  - a literal value that holds a credential (")
        .message().doesNotContain("abcdefghijklmnop");
  }

  @Test
  void should_refuse_two_sources_when_an_env_var_has_a_value_and_a_secret() {
    assertThatThrownBy(() -> EnvVarSpec.builder().name("MODE").value("x")
            .secretKeyRef(SecretKeyRef.of("s", "k")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC EnvVarSpec[MODE]: 1 problem(s):
              - expected exactly one of value, secretKeyRef or configMapKeyRef, found 2""");
  }

  @Test
  void should_refuse_a_rollout_that_can_never_replace_a_pod_when_surge_and_unavailable_are_zero() {
    assertThatThrownBy(() -> RolloutStrategy.rollingUpdate("0", "0%"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC RolloutStrategy[RollingUpdate]: 1 problem(s):
              - maxSurge and maxUnavailable must not both be 0: the rollout could never replace a pod""");
  }
}
