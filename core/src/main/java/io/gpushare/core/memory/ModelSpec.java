package io.gpushare.core.memory;

import java.util.Locale;

/**
 * What the memory model needs to know of a model: its attention shape, the bytes its weights take,
 * its vocabulary (the activation peak is the logits of one batch), its own context length (vLLM's
 * default {@code --max-model-len}) and its dtype (the KV cache's with {@code --kv-cache-dtype auto}).
 * From the catalog ({@code models.json}) or a Hugging Face {@code config.json} ({@link HfConfigReader})
 * plus a parameter count:
 *
 * <pre>
 * meta-llama/Llama-3.1-8B-Instruct: 32 layers, 8 KV heads x 128, 8.03 B x 2 B = 14.96 GiB,
 *     vocab_size 128256, max_position_embeddings 131072, torch_dtype bfloat16, dense
 * </pre>
 *
 * @param architecture layers, KV heads, head dimension, local attention
 * @param weightBytes bytes of the weights on all GPUs together (parameters x bytes per parameter of the
 *     checkpoint: 2 for bfloat16, 1 for fp8 or w8a8, about 0.5 for 4-bit)
 * @param vocabSize {@code vocab_size}
 * @param maxPositionEmbeddings {@code max_position_embeddings}: vLLM's default {@code --max-model-len}
 * @param dtype the model's dtype, {@code bfloat16}, {@code float16} or {@code float32}
 * @param moe whether the model is a mixture of experts (its activation peak is about 15 % larger)
 */
public record ModelSpec(
    ModelArchitecture architecture, long weightBytes, int vocabSize, int maxPositionEmbeddings, String dtype,
    boolean moe) {

  public ModelSpec {
    if (weightBytes < 0) {
      throw new IllegalArgumentException("weightBytes must not be negative, was " + weightBytes);
    }
    if (vocabSize < 1) {
      throw new IllegalArgumentException("vocabSize must be at least 1, was " + vocabSize);
    }
    if (maxPositionEmbeddings < 1) {
      throw new IllegalArgumentException("maxPositionEmbeddings must be at least 1, was " + maxPositionEmbeddings);
    }
    dtype = dtype.trim().toLowerCase(Locale.ROOT);
    KvCache.dtypeBytes("auto", dtype);
  }
}
