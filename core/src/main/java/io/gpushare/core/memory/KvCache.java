package io.gpushare.core.memory;

import java.util.Locale;

/**
 * The size of vLLM's KV cache per token, and how many tokens a given number of KV cache bytes
 * holds, as vLLM's V1 engine computes them. Per GPU (one tensor-parallel rank, pipeline size 1):
 *
 * <pre>
 * GQA / MHA:  bytesPerToken = kvCacheLayers x 2 (K and V) x max(1, kvHeads / tp) x headDim x dtypeBytes
 * MLA:        bytesPerToken = kvCacheLayers x (kv_lora_rank + qk_rope_head_dim) x dtypeBytes
 * tokens    = floor(kvCacheBytes / (bytesPerToken x blockSize)) x blockSize
 * </pre>
 *
 * <p>Sources (vLLM): {@code vllm/v1/kv_cache_interface.py} {@code AttentionSpec.page_size_bytes}
 * ({@code 2 x block_size x num_kv_heads x head_size x dtype size}) and {@code MLAAttentionSpec}
 * (one latent, no K/V pair); {@code vllm/config/model.py} {@code ModelConfig.get_num_kv_heads}
 * ({@code max(1, total_num_kv_heads // tensor_parallel_size)}: heads are split across ranks and
 * replicated when there are fewer heads than ranks; MLA returns 1); {@code vllm/v1/core/kv_cache_utils.py}
 * (whole blocks of {@code block_size} tokens, 16 by default; hybrid models padded, see
 * {@link ModelArchitecture#kvCacheLayers()}). {@code dtypeBytes} is 1 for {@code --kv-cache-dtype fp8},
 * otherwise the model's dtype: 2 for bfloat16 and float16, 4 for float32.
 *
 * <p>Not modelled here: pipeline parallelism (each stage holds {@code layers / pp}, and vLLM keeps the
 * smallest token count over the stages) and vLLM's V0 engine.
 */
public final class KvCache {

  /** vLLM's default {@code --block-size} on CUDA, in tokens. */
  public static final int DEFAULT_BLOCK_SIZE = 16;

  private KvCache() {}

  /**
   * Bytes of one cached element for a {@code --kv-cache-dtype} and the model's dtype.
   *
   * @param kvCacheDtype {@code auto} (the model's dtype), {@code fp8}, {@code fp8_e4m3}, {@code fp8_e5m2},
   *     {@code bfloat16}, {@code float16} or {@code float32}
   * @param modelDtype the model's {@code --dtype} or {@code torch_dtype}: {@code bfloat16}, {@code float16}
   *     ({@code half}), {@code float32} ({@code float})
   * @return 1, 2 or 4
   * @throws IllegalArgumentException for a dtype vLLM does not cache in
   */
  public static int dtypeBytes(String kvCacheDtype, String modelDtype) {
    String kv = kvCacheDtype.trim().toLowerCase(Locale.ROOT);
    if (kv.equals("auto")) {
      return dtypeBytes(modelDtype);
    }
    if (kv.startsWith("fp8")) {
      return 1;
    }
    return dtypeBytes(kv);
  }

  private static int dtypeBytes(String dtype) {
    return switch (dtype.trim().toLowerCase(Locale.ROOT)) {
      case "bfloat16", "bf16", "float16", "fp16", "half" -> 2;
      case "float32", "fp32", "float" -> 4;
      default -> throw new IllegalArgumentException(
          "unknown dtype '" + dtype + "': expected bfloat16, float16, float32 or fp8");
    };
  }

  /**
   * KV cache bytes one token takes on each GPU.
   *
   * @param architecture the model's attention shape
   * @param dtypeBytes bytes of one cached element, see {@link #dtypeBytes(String, String)}
   * @param tensorParallelSize {@code --tensor-parallel-size}
   */
  public static long bytesPerToken(ModelArchitecture architecture, int dtypeBytes, int tensorParallelSize) {
    if (dtypeBytes < 1) {
      throw new IllegalArgumentException("dtypeBytes must be at least 1, was " + dtypeBytes);
    }
    if (tensorParallelSize < 1) {
      throw new IllegalArgumentException("tensorParallelSize must be at least 1, was " + tensorParallelSize);
    }
    long perLayer = architecture.attention() == ModelArchitecture.Attention.MLA
        ? (long) architecture.headDim() * dtypeBytes
        : 2L * Math.max(1, architecture.kvHeads() / tensorParallelSize) * architecture.headDim() * dtypeBytes;
    return architecture.kvCacheLayers() * perLayer;
  }

  /** Tokens {@code kvCacheBytes} hold in whole blocks of {@link #DEFAULT_BLOCK_SIZE} tokens. */
  public static long tokensThatFit(long kvCacheBytes, long bytesPerToken) {
    return tokensThatFit(kvCacheBytes, bytesPerToken, DEFAULT_BLOCK_SIZE);
  }

  /**
   * Tokens {@code kvCacheBytes} hold in whole blocks: {@code floor(kvCacheBytes / (bytesPerToken x
   * blockSize)) x blockSize}; 0 when there are no bytes left for the cache.
   */
  public static long tokensThatFit(long kvCacheBytes, long bytesPerToken, int blockSize) {
    if (bytesPerToken < 1) {
      throw new IllegalArgumentException("bytesPerToken must be at least 1, was " + bytesPerToken);
    }
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be at least 1, was " + blockSize);
    }
    if (kvCacheBytes <= 0) {
      return 0;
    }
    return kvCacheBytes / (bytesPerToken * blockSize) * blockSize;
  }
}
