package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryModel#estimate} term by term. Sources: vLLM {@code vllm/v1/worker/gpu_worker.py}
 * (budget minus profiled terms), {@code vllm/v1/kv_cache_interface.py} ({@code max_memory_usage_bytes}:
 * full layers {@code cdiv(len, block) x page}, sliding layers {@code (cdiv(min(window - 1 +
 * max_num_batched_tokens, len), block) + 1) x page}), {@code vllm/v1/core/kv_cache_utils.py}
 * ({@code estimate_max_model_len}: binary search over 1..max_model_len).
 */
class MemoryModel_estimate_Test {

  static final long GIB = 1L << 30;
  static final long A100_40GB = 40960L << 20;
  static final VllmProfile V0_19_0 = VllmProfile.of(VllmVersion.of(0, 19, 0));
  static final ModelSpec LLAMA_3_1_8B = new ModelSpec(ModelArchitecture.gqa(32, 8, 128), 16_060_000_000L, 128256,
      131072, "bfloat16", false);

  @Test
  void should_not_hold_the_models_length_when_llama_3_1_8b_gets_0_42_of_an_a100_40gb() {
    // GIVEN the first example: 8.03 B x 2 B of weights in 0.42 x 40 GiB, 2048 batched tokens (not 70 GiB)
    ServerSettings server = ServerSettings.of(V0_19_0, A100_40GB, new BigDecimal("0.42"));
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN 16.80 GiB - 14.96 - 0.49 (2048 x 128256 x 2 B) - 0.25 leaves 1.10 GiB: 9040 tokens, and 131072 need 16 GiB
    assertThat(estimate).isEqualTo(new MemoryEstimate(18_038_862_643L, 16_060_000_000L, 525_336_576L,
        268_435_456L, 0, 1_185_090_611L, 131072, 9040, 131072, 17_179_869_184L, false, 9040,
        Optional.of(new BigDecimal("0.80")), true));
    assertThat(estimate.cacheBlocksAvailable()).isTrue();
  }

  @Test
  void should_leave_no_cache_blocks_when_llama_3_1_8b_gets_0_38_of_an_a100_40gb() {
    // GIVEN 0.38 x 40 GiB = 15.20 GiB, above the 14.96 GiB of weights
    ServerSettings server = ServerSettings.of(V0_19_0, A100_40GB, new BigDecimal("0.38"));
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN the activation and non-torch memory take the rest: "No available memory for the cache blocks"
    assertThat(estimate.cacheBlocksAvailable()).isFalse();
    assertThat(estimate.kvTokens()).isZero();
    assertThat(estimate.largestFittingLen()).isZero();
  }

  @Test
  void should_profile_8192_batched_tokens_when_the_device_has_70_gib_and_is_not_an_a100() {
    // GIVEN vLLM's arg_utils.py defaults for vllm serve WHEN asked THEN
    assertThat(ServerSettings.defaultMaxNumBatchedTokens(80L << 30, "NVIDIA H100 80GB HBM3")).isEqualTo(8192);
    assertThat(ServerSettings.defaultMaxNumBatchedTokens(80L << 30, "NVIDIA A100-SXM4-80GB")).isEqualTo(2048);
    assertThat(ServerSettings.defaultMaxNumBatchedTokens(40L << 30, "")).isEqualTo(2048);
    assertThat(ServerSettings.of(V0_19_0, A100_40GB, BigDecimal.ONE).maxNumBatchedTokens()).isEqualTo(2048);
    // the product name reaches the default when given, as lint, gpushare memory and needs(...) give it
    assertThat(ServerSettings.of(V0_19_0, 80L << 30, "NVIDIA A100-SXM4-80GB", BigDecimal.ONE).maxNumBatchedTokens())
        .isEqualTo(2048);
    assertThat(ServerSettings.of(V0_19_0, 80L << 30, "NVIDIA H100 80GB HBM3", BigDecimal.ONE).maxNumBatchedTokens())
        .isEqualTo(8192);
  }

  @Test
  void should_reproduce_the_logged_kv_cache_when_llama_3_1_8b_runs_at_0_95_of_an_h100() {
    // GIVEN calibration.tsv's Llama-3.1-8B-Instruct bfloat16 row: 79.19 GiB, 0.95, 8192, v0.19.0, logged 58.11 GiB
    long total = Math.round(79.19 * GIB);
    ServerSettings server = ServerSettings.of(V0_19_0, total, new BigDecimal("0.95")).withMaxModelLen(8192);
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN 75.23 - 14.96 - 1.96 - 0.25 = 58.07 GiB (logged 58.11): 475,680 tokens (logged 476,016), 58.06 x 8192
    assertThat(MemoryEstimate.gib(estimate.kvCacheBytes())).isEqualByComparingTo("58.07");
    assertThat(estimate.kvTokens()).isEqualTo(475_680);
    assertThat(estimate.maxConcurrency()).isEqualByComparingTo("58.06");
    assertThat(estimate.fits()).isTrue();
    assertThat(estimate.largestFittingLen()).isEqualTo(131072);
  }

  @Test
  void should_find_the_largest_length_that_fits_when_the_kv_cache_memory_bytes_are_given() {
    // GIVEN --kv-cache-memory-bytes 8 GiB and the model's 131072 tokens (128 KiB each: 16 GiB)
    ServerSettings server = ServerSettings.of(V0_19_0, A100_40GB, new BigDecimal("0.9"))
        .withKvCacheMemoryBytes(8 * GIB);
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN vLLM's estimate_max_model_len gives 65536
    assertThat(estimate.kvCacheBytes()).isEqualTo(8 * GIB);
    assertThat(estimate.fits()).isFalse();
    assertThat(estimate.largestFittingLen()).isEqualTo(65536);
    assertThat(estimate.kvTokens()).isEqualTo(65536);
  }

  @Test
  void should_count_sliding_layers_by_their_window_when_checking_one_sequence_of_gemma_3_27b() {
    // GIVEN Gemma 3 27B: 52 layers with a 1024-token window, 10 full, 16 KV heads x 128 (8 KiB per layer-token)
    ModelSpec gemma = new ModelSpec(ModelArchitecture.gqa(62, 16, 128).withLocalAttention(52, 1024),
        54_800_000_000L, 262208, 131072, "bfloat16", false);
    ServerSettings server = ServerSettings.of(V0_19_0, Math.round(79.19 * GIB), new BigDecimal("0.95"));
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(gemma, server);
    // THEN 10 x 131072 x 8 KiB + 52 x (cdiv(1023 + 8192, 16) + 1) x 16 x 8 KiB; tokens sized over 70 padded layers
    assertThat(estimate.maxModelLenBytes()).isEqualTo(10_737_418_240L + 3_932_684_288L);
    assertThat(estimate.bytesPerToken()).isEqualTo(70 * 8192);
  }

  @Test
  void should_split_layers_and_weights_when_pipeline_parallel() {
    // GIVEN Llama 3.1 8B on 2 pipeline stages
    ServerSettings server = ServerSettings.of(V0_19_0, A100_40GB, new BigDecimal("0.9")).withParallelism(1, 2);
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN each stage holds 16 layers and half the weights; non-torch stays the single-GPU figure
    assertThat(estimate.bytesPerToken()).isEqualTo(65536);
    assertThat(estimate.weightBytes()).isEqualTo(8_030_000_000L);
    assertThat(estimate.nonTorchBytes()).isEqualTo(268_435_456L);
  }

  @Test
  void should_split_heads_and_pay_nccl_when_tensor_parallel() {
    // GIVEN Llama 3.1 8B on 2 tensor-parallel GPUs with an fp8 KV cache
    ServerSettings server = ServerSettings.of(V0_19_0, A100_40GB, new BigDecimal("0.9")).withParallelism(2, 1)
        .withKvCacheDtype("fp8");
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN 4 KV heads per GPU at 1 byte: 32 x 2 x 4 x 128 x 1; non-torch 2.1 GiB
    assertThat(estimate.bytesPerToken()).isEqualTo(32_768);
    assertThat(estimate.weightBytes()).isEqualTo(8_030_000_000L);
    assertThat(estimate.nonTorchBytes()).isEqualTo(Math.round(2.1 * GIB));
  }

  @Test
  void should_subtract_offloaded_weights_when_cpu_offload_is_given() {
    // GIVEN --cpu-offload-gb 4
    ServerSettings server = ServerSettings.of(V0_19_0, A100_40GB, new BigDecimal("0.9")).withCpuOffloadBytes(4 * GIB);
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN
    assertThat(estimate.weightBytes()).isEqualTo(16_060_000_000L - 4 * GIB);
  }

  @Test
  void should_count_cuda_graphs_inside_the_budget_when_the_release_is_0_21_0_or_later() {
    // GIVEN the same server on v0.21.0, with and without --enforce-eager
    ServerSettings server = ServerSettings.of(VllmProfile.of(VllmVersion.of(0, 21, 0)), A100_40GB,
        new BigDecimal("0.9"));
    // WHEN
    MemoryEstimate graphs = MemoryModel.estimate(LLAMA_3_1_8B, server);
    MemoryEstimate eager = MemoryModel.estimate(LLAMA_3_1_8B, server.withEnforceEager(true));
    // THEN 512 MiB + 32 layers x 14 MiB, taken from the KV cache
    assertThat(graphs.cudaGraphBytes()).isEqualTo(960L << 20);
    assertThat(eager.cudaGraphBytes()).isZero();
    assertThat(eager.kvCacheBytes() - graphs.kvCacheBytes()).isEqualTo(960L << 20);
  }

  @Test
  void should_say_the_activation_is_not_modelled_when_the_release_runs_the_v0_engine() {
    // GIVEN vLLM 0.7.2 (V0)
    ServerSettings server = ServerSettings.of(VllmProfile.of(VllmVersion.of(0, 7, 2)), A100_40GB,
        new BigDecimal("0.9"));
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(LLAMA_3_1_8B, server);
    // THEN
    assertThat(estimate.activationModelled()).isFalse();
    assertThat(estimate.activationBytes()).isZero();
  }

  @Test
  void should_take_2_4_times_the_activation_when_the_release_is_before_0_17() {
    // GIVEN the Qwen3-14B sweep: 5.64 GiB at 0.15.0 and 0.16.0, 2.23 at 0.17.0 (calibration.tsv)
    ModelSpec qwen = new ModelSpec(ModelArchitecture.gqa(40, 8, 128), 29_600_000_000L, 151936, 40960, "bfloat16",
        false);
    ServerSettings server = ServerSettings.of(VllmProfile.of(VllmVersion.of(0, 16, 0)), A100_40GB,
        new BigDecimal("0.9")).withMaxNumBatchedTokens(8192);
    // WHEN
    MemoryEstimate before = MemoryModel.estimate(qwen, server);
    ServerSettings v17 = ServerSettings.of(VllmProfile.of(VllmVersion.of(0, 17, 0)), A100_40GB, new BigDecimal("0.9"))
        .withMaxNumBatchedTokens(8192);
    MemoryEstimate at17 = MemoryModel.estimate(qwen, v17);
    // THEN 2.4 x 8192 x 151936 x 2 B = 5.56 GiB; 2.32 GiB from 0.17.0
    assertThat(MemoryEstimate.gib(before.activationBytes())).isEqualByComparingTo("5.56");
    assertThat(MemoryEstimate.gib(at17.activationBytes())).isEqualByComparingTo("2.32");
    assertThat(MemoryEstimate.gib(before.nonTorchBytes())).isEqualByComparingTo("0.13");
  }

  @Test
  void should_cache_one_latent_per_layer_when_the_model_uses_mla() {
    // GIVEN DeepSeek-V2-Lite: 27 layers, kv_lora_rank 512 + qk_rope_head_dim 64, on 2 GPUs
    ModelSpec deepseek = new ModelSpec(ModelArchitecture.mla(27, 512, 64), 31_400_000_000L, 102400, 163840,
        "bfloat16", true);
    ServerSettings server = ServerSettings.of(V0_19_0, A100_40GB, new BigDecimal("0.9")).withParallelism(2, 1);
    // WHEN
    MemoryEstimate estimate = MemoryModel.estimate(deepseek, server);
    // THEN 27 x 576 x 2 B, not split by TP; MoE activation 1.15 x 2048 x 102400 x 2 B
    assertThat(estimate.bytesPerToken()).isEqualTo(31104);
    assertThat(estimate.activationBytes()).isEqualTo(Math.round(2048.0 * 102400 * 2 * 1.15));
  }
}
