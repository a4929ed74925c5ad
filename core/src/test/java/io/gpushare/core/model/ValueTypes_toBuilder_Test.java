package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@code toBuilder()} and {@code Builder.from(spec)}, from the package's Immutables style. */
class ValueTypes_toBuilder_Test {

  @Test
  void should_copy_every_attribute_and_change_only_the_ones_set_when_built_from_to_builder() {
    // GIVEN the tutorial's vLLM Deployment
    VllmWorkloadSpec spec = TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42");
    // WHEN a canary is made from it
    VllmWorkloadSpec canary = spec.toBuilder().name("vllm-canary").replicas(1).build();
    // THEN it differs in those two attributes only
    assertThat(canary.name()).isEqualTo("vllm-canary");
    assertThat(canary.replicas()).isEqualTo(1);
    assertThat(canary.toBuilder().name("vllm-gpu").replicas(2).build()).isEqualTo(spec);
    assertThat(canary.gpuMemoryUtilization()).contains(new BigDecimal("0.42"));
  }

  @Test
  void should_equal_the_original_when_a_builder_is_filled_from_it() {
    // GIVEN a claim and a Service
    DeviceClaimSpec claim = TutorialSpecs.claim("gpu-claim");
    VllmServiceSpec service = TutorialSpecs.service("vllm-service", "vllm-gpu");
    // WHEN / THEN
    assertThat(DeviceClaimSpec.builder().from(claim).build()).isEqualTo(claim);
    assertThat(service.toBuilder().build()).isEqualTo(service);
  }

  @Test
  void should_still_check_invariants_when_a_copy_breaks_one() {
    // GIVEN the tutorial's Deployment
    VllmWorkloadSpec spec = TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42");
    // WHEN / THEN a copy with zero replicas is refused by the same @Value.Check
    assertThatThrownBy(() -> spec.toBuilder().replicas(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC Deployment[vllm-gpu]: 1 problem(s):\n  - replicas must be >= 1, found 0");
  }
}
