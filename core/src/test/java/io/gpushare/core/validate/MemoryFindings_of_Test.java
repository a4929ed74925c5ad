package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.memory.MemoryEstimate;
import io.gpushare.core.memory.MemoryModel;
import io.gpushare.core.memory.MemoryPlan;
import io.gpushare.core.memory.MemoryPlanner;
import io.gpushare.core.memory.ModelArchitecture;
import io.gpushare.core.memory.ModelSpec;
import io.gpushare.core.memory.ServerSettings;
import io.gpushare.core.memory.VllmProfile;
import io.gpushare.core.memory.VllmVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryFindings#of}: the findings of one server's memory. Llama 3.1 8B (8.03 B x 2 B, 131072 B of KV
 * cache per token) on an A100 40GB with vLLM 0.19.0; the budget as vLLM's {@code gpu_worker.py} computes it.
 */
class MemoryFindings_of_Test {
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  private static final String A100 = "NVIDIA A100-SXM4-40GB";
  private static final ModelSpec SPEC = new ModelSpec(ModelArchitecture.gqa(32, 8, 128), 16_060_000_000L, 128256,
      131072, "bfloat16", false);
  // 8192 batched tokens (vLLM's default on devices of 70 GiB and more), so that the activation is 1.96 GiB
  private static final ServerSettings SERVER = ServerSettings.of(VllmProfile.of(VllmVersion.of(0, 19, 0)),
      40960L << 20, new BigDecimal("0.42")).withMaxNumBatchedTokens(8192);

  private static List<Finding> findings(ServerSettings server) {
    MemoryEstimate estimate = MemoryModel.estimate(SPEC, server);
    return MemoryFindings.of(LLAMA, A100, server, estimate, Optional.empty(), "U", "L");
  }

  @Test
  void should_report_model_does_not_fit_when_nothing_is_left_for_cache_blocks() {
    // WHEN 0.42 x 40 GiB = 16.80 GiB for 14.96 + 1.96 + 0.25 GiB
    List<Finding> findings = findings(SERVER);
    // THEN
    assertThat(findings).containsExactly(new Finding("MODEL_DOES_NOT_FIT", Severity.ERROR, "U",
        "expected " + LLAMA + " on vLLM 0.19.0 to leave memory for the KV cache in 0.42 x 40.00 GiB = 16.80 GiB,"
            + " found weights 14.96 + activation 1.96 + non-torch 0.25 = 17.16 GiB: vLLM stops with \"No available"
            + " memory for the cache blocks\"",
        "a --gpu-memory-utilization of 0.83 fits one sequence of 131072 tokens; or use a bigger device or MIG"
            + " profile, more tensor-parallel devices, or a smaller model"));
  }

  @Test
  void should_report_the_largest_length_when_the_kv_cache_is_too_small_for_max_model_len() {
    // WHEN 0.45 x 40 GiB leaves 0.84 GiB: 6832 tokens
    List<Finding> findings = findings(SERVER.withUtilization(new BigDecimal("0.45")));
    // THEN
    assertThat(findings).containsExactly(new Finding("VLLM_MAX_MODEL_LEN_DOES_NOT_FIT", Severity.ERROR, "L",
        "expected the KV cache to hold one sequence of the model's own length, 131072 tokens"
            + " (max_position_embeddings; no --max-model-len), 16.00 GiB, found 0.45 x 40.00 GiB = 18.00 GiB leaves"
            + " 0.84 GiB after weights 14.96 + activation 1.96 + non-torch 0.25 GiB on vLLM 0.19.0: vLLM refuses to"
            + " start; the largest length that fits is 6832",
        "set --max-model-len 6832 or less, or --gpu-memory-utilization of 0.83 fits one sequence of 131072 tokens;"
            + " --max-model-len auto lets vLLM pick"));
  }

  @Test
  void should_report_nothing_when_max_model_len_fits() {
    // WHEN 4096 tokens (0.50 GiB) in the 0.84 GiB left at 0.45
    List<Finding> findings = findings(SERVER.withUtilization(new BigDecimal("0.45")).withMaxModelLen(4096));
    // THEN
    assertThat(findings).isEmpty();
  }

  @Test
  void should_name_the_kv_cache_when_the_plan_finds_no_utilization() {
    // GIVEN 16 sequences of the model's 131072 tokens
    MemoryPlan plan = MemoryPlanner.plan(SPEC, SERVER, 16);
    // WHEN
    List<Finding> findings = MemoryFindings.of(LLAMA, A100, SERVER.withUtilization(BigDecimal.ONE), plan.estimate(),
        Optional.of(plan), "U", "L");
    // THEN
    assertThat(findings).extracting(Finding::code, Finding::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("VLLM_MAX_MODEL_LEN_DOES_NOT_FIT", "L"));
    assertThat(findings.get(0).message()).isEqualTo("expected the KV cache of --max-model-len 131072 to fit beside"
        + " the rest at some --gpu-memory-utilization up to 1.00 on NVIDIA A100-SXM4-40GB, found the KV cache of 16"
        + " sequences of 131072 tokens (256.00 GiB) does not fit in the 22.84 GiB the device's 40.00 GiB leave beside"
        + " weights, activation and non-torch memory");
  }
}
