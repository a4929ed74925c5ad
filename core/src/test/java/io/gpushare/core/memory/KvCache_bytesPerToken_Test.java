package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed per-token sizes. Architectures from the models' config.json as quoted in
 * shared/reference/vllm-memory/models.tsv; formula from vLLM's {@code AttentionSpec.page_size_bytes}
 * and {@code ModelConfig.get_num_kv_heads} (see {@link KvCache}).
 */
class KvCache_bytesPerToken_Test {

  // Llama-3-8B / Llama-3.1-8B config.json: num_hidden_layers 32, num_key_value_heads 8, head_dim 128.
  private static final ModelArchitecture LLAMA_3_8B = ModelArchitecture.gqa(32, 8, 128);

  @Test
  void should_count_k_and_v_of_every_kv_head_when_the_model_is_llama_3_8b_in_bfloat16() {
    // WHEN
    long bytes = KvCache.bytesPerToken(LLAMA_3_8B, KvCache.dtypeBytes("auto", "bfloat16"), 1);
    // THEN: 32 layers x 2 (K, V) x 8 heads x 128 x 2 B = 131072 B = 128 KiB (ref vllm-memory.md §3)
    assertThat(bytes).isEqualTo(131_072L);
  }

  @Test
  void should_halve_the_size_when_the_kv_cache_dtype_is_fp8() {
    // WHEN
    long bytes = KvCache.bytesPerToken(LLAMA_3_8B, KvCache.dtypeBytes("fp8", "bfloat16"), 1);
    // THEN: 32 x 2 x 8 x 128 x 1 B
    assertThat(bytes).isEqualTo(65_536L);
  }

  @Test
  void should_double_the_size_when_the_model_runs_in_float32() {
    // WHEN
    long bytes = KvCache.bytesPerToken(LLAMA_3_8B, KvCache.dtypeBytes("auto", "float32"), 1);
    // THEN: 32 x 2 x 8 x 128 x 4 B
    assertThat(bytes).isEqualTo(262_144L);
  }

  @Test
  void should_split_the_kv_heads_across_ranks_when_tensor_parallel() {
    // WHEN: 8 KV heads over 4 ranks = 2 per GPU
    long bytes = KvCache.bytesPerToken(LLAMA_3_8B, 2, 4);
    // THEN: 32 x 2 x 2 x 128 x 2 B
    assertThat(bytes).isEqualTo(32_768L);
  }

  @Test
  void should_keep_one_kv_head_per_rank_when_there_are_fewer_kv_heads_than_ranks() {
    // GIVEN: Qwen2.5-0.5B config.json: 24 layers, 2 KV heads, head_dim 64 (896 / 14 heads)
    ModelArchitecture qwen = ModelArchitecture.gqa(24, 2, 64);
    // WHEN: tp 4 > 2 heads; vLLM replicates: max(1, 2 // 4) = 1
    long bytes = KvCache.bytesPerToken(qwen, 2, 4);
    // THEN: 24 x 2 x 1 x 64 x 2 B
    assertThat(bytes).isEqualTo(6_144L);
  }

  @Test
  void should_cache_one_latent_per_layer_and_not_split_it_when_the_model_uses_mla() {
    // GIVEN: DeepSeek-V2-Lite config.json: 27 layers, kv_lora_rank 512, qk_rope_head_dim 64
    ModelArchitecture deepSeek = ModelArchitecture.mla(27, 512, 64);
    // WHEN
    long single = KvCache.bytesPerToken(deepSeek, 2, 1);
    long twoRanks = KvCache.bytesPerToken(deepSeek, 2, 2);
    // THEN: 27 x 576 x 2 B = 31104 B on every rank
    assertThat(single).isEqualTo(31_104L);
    assertThat(twoRanks).isEqualTo(31_104L);
  }

  @Test
  void should_pad_the_local_layers_to_whole_groups_when_gemma_3_27b_mixes_sliding_and_full_layers() {
    // GIVEN: Gemma 3 27B text_config: 62 layers (52 sliding 1024 + 10 full), 16 KV heads, head_dim 128
    ModelArchitecture gemma = ModelArchitecture.gqa(62, 16, 128).withLocalAttention(52, 1024);
    // WHEN
    long bytes = KvCache.bytesPerToken(gemma, 2, 1);
    // THEN: groups of min(52, 10) = 10 layers: 60 + 10 = 70 layers x 2 x 16 x 128 x 2 B
    assertThat(gemma.kvCacheLayers()).isEqualTo(70);
    assertThat(bytes).isEqualTo(573_440L);
  }

  @Test
  void should_not_pad_when_the_local_and_full_layers_divide_evenly() {
    // GIVEN: Gemma 3 12B: 40 sliding + 8 full; Gemma 2 9B: 21 + 21; a model with every layer local
    ModelArchitecture gemma3 = ModelArchitecture.gqa(48, 8, 256).withLocalAttention(40, 1024);
    ModelArchitecture gemma2 = ModelArchitecture.gqa(42, 8, 256).withLocalAttention(21, 4096);
    ModelArchitecture allLocal = ModelArchitecture.gqa(24, 8, 128).withLocalAttention(24, 4096);
    // THEN
    assertThat(gemma3.kvCacheLayers()).isEqualTo(48);
    assertThat(gemma2.kvCacheLayers()).isEqualTo(42);
    assertThat(allLocal.kvCacheLayers()).isEqualTo(24);
  }

  @Test
  void should_fail_when_the_dtype_is_not_one_vllm_caches_in() {
    // WHEN / THEN
    assertThatThrownBy(() -> KvCache.dtypeBytes("auto", "int4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dtype 'int4': expected bfloat16, float16, float32 or fp8");
  }

  @Test
  void should_fail_when_local_layers_exceed_the_layers() {
    // WHEN / THEN
    assertThatThrownBy(() -> ModelArchitecture.gqa(4, 8, 128).withLocalAttention(5, 128))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("local layers (5) exceed layers (4)");
  }
}
