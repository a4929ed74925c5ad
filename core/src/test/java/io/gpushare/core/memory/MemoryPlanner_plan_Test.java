package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryPlanner_plan_Test {

  private static final long GIB = 1L << 30;
  private static final ServerSettings A100 = ServerSettings.of(MemoryModel_estimate_Test.V0_19_0,
      MemoryModel_estimate_Test.A100_40GB, BigDecimal.ONE);

  @Test
  void should_pick_the_smallest_utilization_when_the_needs_fit() {
    // GIVEN Llama 3.1 8B, 4 sequences of 8192 tokens on an A100 40GB
    // WHEN
    MemoryPlan plan = MemoryPlanner.plan(MemoryModel_estimate_Test.LLAMA_3_1_8B, A100.withMaxModelLen(8192), 4);
    // THEN (14.96 + 0.49 + 0.25 + 4 GiB) / 40 GiB = 0.492 -> 0.50; the KV cache to write is 4 x 8192 x 128 KiB
    assertThat(plan.utilization()).contains(new BigDecimal("0.50"));
    assertThat(plan.kvCacheMemoryBytes()).isEqualTo(4 * GIB);
    assertThat(plan.estimate().fits()).isTrue();
    assertThat(plan.estimate().kvTokens()).isGreaterThanOrEqualTo(4 * 8192);
    assertThat(plan.overflow()).isEmpty();
    assertThat(plan.reason()).isEmpty();
  }

  @Test
  void should_name_the_kv_cache_when_the_sequences_do_not_fit() {
    // GIVEN 16 sequences of 131072 tokens (256 GiB of KV cache)
    // WHEN
    MemoryPlan plan = MemoryPlanner.plan(MemoryModel_estimate_Test.LLAMA_3_1_8B, A100, 16);
    // THEN
    assertThat(plan.fits()).isFalse();
    assertThat(plan.overflow()).contains(MemoryPlan.Term.KV_CACHE);
    assertThat(plan.reason()).contains("the KV cache of 16 sequences of 131072 tokens (256.00 GiB) does not fit in"
        + " the 24.30 GiB the device's 40.00 GiB leave beside weights, activation and non-torch memory");
  }

  @Test
  void should_name_the_weights_when_they_alone_exceed_the_device() {
    // GIVEN a 70.6 B model in bfloat16
    ModelSpec big = new ModelSpec(ModelArchitecture.gqa(80, 8, 128), 141_200_000_000L, 128256, 131072, "bfloat16",
        false);
    // WHEN
    MemoryPlan plan = MemoryPlanner.plan(big, A100.withMaxModelLen(8192), 1);
    // THEN
    assertThat(plan.overflow()).contains(MemoryPlan.Term.WEIGHTS);
    assertThat(plan.reason()).contains("the weights (131.50 GiB per GPU) alone exceed the device's 40.00 GiB");
    assertThat(plan.utilization()).isEmpty();
  }

  @Test
  void should_name_the_fixed_terms_when_they_leave_no_cache_blocks() {
    // GIVEN 39.5 GiB of weights: with the activation and non-torch memory more than the device
    ModelSpec model = new ModelSpec(ModelArchitecture.gqa(32, 8, 128), 79 * GIB / 2, 128256, 131072, "bfloat16",
        false);
    // WHEN
    MemoryPlan plan = MemoryPlanner.plan(model, A100.withMaxModelLen(8192), 1);
    // THEN
    assertThat(plan.overflow()).contains(MemoryPlan.Term.FIXED);
    assertThat(plan.reason()).isEqualTo(Optional.of("weights 39.50 + activation 0.49 + non-torch 0.25 = 40.24 GiB"
        + " leave no memory for cache blocks on the device's 40.00 GiB"));
  }
}
