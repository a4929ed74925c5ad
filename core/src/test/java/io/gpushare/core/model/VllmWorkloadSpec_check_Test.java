package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VllmWorkloadSpec_check_Test {

  @Test
  void should_list_every_broken_invariant_at_once() {
    // GIVEN
    VllmWorkloadSpec.Builder builder = TutorialSpecs.vllmWithoutReplicasPortOrUtilization("vllm-gpu", "gpu-claim");
    // WHEN / THEN
    assertThatThrownBy(() -> builder
            .replicas(0).port(70000).gpuMemoryUtilization(new BigDecimal("1.5"))
            .addExtraArgs("--port=9000")
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC Deployment[vllm-gpu]: 4 problem(s):
              - replicas must be >= 1, found 0
              - port must be in 1..65535, found 70000
              - gpuMemoryUtilization must be in (0, 1], found 1.5
              - extraArgs repeats --port, which this spec already writes; set it through its attribute""");
  }

  @Test
  void should_accept_a_utilization_of_exactly_one() {
    VllmWorkloadSpec spec = TutorialSpecs.vllmWithoutReplicasPortOrUtilization("vllm-gpu", "gpu-claim")
        .replicas(1).port(8000).gpuMemoryUtilization(BigDecimal.ONE)
        .build();
    assertThat(spec.gpuMemoryUtilization()).contains(BigDecimal.ONE);
  }

  @Test
  void should_name_every_missing_required_attribute() {
    assertThatThrownBy(() -> VllmWorkloadSpec.builder().name("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContainingAll("replicas", "image", "port", "model", "claim", "sharedMemoryVolume");
  }

  @Test
  void should_default_labels_and_container_name_to_the_deployment_name() {
    VllmWorkloadSpec spec = TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 1, "0.42");
    assertThat(spec.labels()).containsExactly(java.util.Map.entry("app", "vllm-gpu"));
    assertThat(spec.containerName()).isEqualTo("vllm-gpu");
  }
}
