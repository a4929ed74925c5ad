package io.gpushare.core.memory;

import java.util.Optional;

/**
 * The attention shape of a model, as far as vLLM's KV cache depends on it: decoder layers, KV heads,
 * head dimension, the attention kind, and which layers attend only locally. The numbers are those
 * of the model's Hugging Face {@code config.json} ({@code text_config} for multimodal models):
 *
 * <pre>
 * num_hidden_layers: 32        -&gt; layers
 * num_key_value_heads: 8       -&gt; kvHeads (default num_attention_heads: MHA)
 * head_dim: 128                -&gt; headDim (default hidden_size / num_attention_heads)
 * kv_lora_rank: 512            -&gt; MLA latent = kv_lora_rank + qk_rope_head_dim
 * qk_rope_head_dim: 64
 * sliding_window: 1024         -&gt; localAttention(layers using it, 1024)
 * </pre>
 *
 * @param layers decoder layers that hold a KV cache
 * @param attention how keys and values are cached
 * @param kvHeads key/value heads (1 for MLA, whose latent is shared by all heads)
 * @param headDim dimension of one head (for MLA: the latent, {@code kv_lora_rank + qk_rope_head_dim})
 * @param localAttention the layers that attend to a sliding window or a chunk only, when the model
 *     mixes them with full-attention layers (Gemma 2 and 3, gpt-oss, Llama 4)
 */
public record ModelArchitecture(
    int layers, Attention attention, int kvHeads, int headDim, Optional<LocalAttention> localAttention) {

  /** How a layer caches keys and values. */
  public enum Attention {
    /** Multi-head attention: one K and one V head per attention head (Llama 2, Phi-2). */
    MHA,
    /** Grouped-query attention: fewer K/V heads than attention heads (Llama 3, Qwen 2.5). */
    GQA,
    /**
     * Multi-head latent attention (DeepSeek V2/V3, Kimi-VL): one compressed latent per token and
     * layer instead of a K/V pair, not split across tensor-parallel ranks.
     */
    MLA
  }

  /**
   * Layers that attend to the last {@code windowTokens} tokens only (sliding window) or within a
   * chunk of that size (Llama 4's chunked local attention); the other layers attend fully.
   *
   * @param layers how many of the model's layers are local
   * @param windowTokens the window or chunk size, in tokens
   */
  public record LocalAttention(int layers, int windowTokens) {

    public LocalAttention {
      if (layers < 1) {
        throw new IllegalArgumentException("local layers must be at least 1, was " + layers);
      }
      if (windowTokens < 1) {
        throw new IllegalArgumentException("window must be at least 1 token, was " + windowTokens);
      }
    }
  }

  public ModelArchitecture {
    if (layers < 1) {
      throw new IllegalArgumentException("layers must be at least 1, was " + layers);
    }
    if (kvHeads < 1) {
      throw new IllegalArgumentException("kvHeads must be at least 1, was " + kvHeads);
    }
    if (headDim < 1) {
      throw new IllegalArgumentException("headDim must be at least 1, was " + headDim);
    }
    if (attention == Attention.MLA && kvHeads != 1) {
      throw new IllegalArgumentException("MLA caches one latent per layer: kvHeads must be 1, was " + kvHeads);
    }
    if (localAttention.isPresent() && localAttention.get().layers() > layers) {
      throw new IllegalArgumentException(
          "local layers (" + localAttention.get().layers() + ") exceed layers (" + layers + ")");
    }
  }

  /** Grouped-query (or multi-query) attention, every layer full. */
  public static ModelArchitecture gqa(int layers, int kvHeads, int headDim) {
    return new ModelArchitecture(layers, Attention.GQA, kvHeads, headDim, Optional.empty());
  }

  /** Multi-head attention (as many K/V heads as attention heads), every layer full. */
  public static ModelArchitecture mha(int layers, int heads, int headDim) {
    return new ModelArchitecture(layers, Attention.MHA, heads, headDim, Optional.empty());
  }

  /** Multi-head latent attention: {@code kvLoraRank + qkRopeHeadDim} values per token and layer. */
  public static ModelArchitecture mla(int layers, int kvLoraRank, int qkRopeHeadDim) {
    return new ModelArchitecture(layers, Attention.MLA, 1, kvLoraRank + qkRopeHeadDim, Optional.empty());
  }

  /** This architecture with {@code localLayers} of its layers attending to a window of {@code windowTokens}. */
  public ModelArchitecture withLocalAttention(int localLayers, int windowTokens) {
    return new ModelArchitecture(
        layers, attention, kvHeads, headDim, Optional.of(new LocalAttention(localLayers, windowTokens)));
  }

  /**
   * The layers vLLM's V1 engine allocates a KV cache for, per token: the real layers, padded when
   * local and full layers are mixed. The hybrid KV cache manager groups layers of one attention type
   * in groups of {@code g = min(layers per type)} and pads each type up to a multiple of {@code g}
   * ({@code vllm/v1/core/kv_cache_utils.py} {@code _get_kv_cache_groups_uniform_page_size}); no
   * window discount shows in the token count it logs. Gemma 3 27B: 52 local + 10 full gives
   * 60 + 10 = 70; Gemma 3 4B: 29 + 5 gives 30 + 5 = 35; Gemma 3 12B: 40 + 8 stays 48.
   */
  public int kvCacheLayers() {
    if (localAttention.isEmpty() || localAttention.get().layers() == layers) {
      return layers;
    }
    int local = localAttention.get().layers();
    int full = layers - local;
    int group = Math.min(local, full);
    return roundUp(local, group) + roundUp(full, group);
  }

  private static int roundUp(int n, int multiple) {
    return (n + multiple - 1) / multiple * multiple;
  }
}
