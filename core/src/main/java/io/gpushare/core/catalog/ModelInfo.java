package io.gpushare.core.catalog;

import io.gpushare.core.memory.ModelArchitecture;
import io.gpushare.core.memory.ModelSpec;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model the catalog knows: its size, so the validator can check that the weights fit the memory
 * vLLM is given, the first vLLM release that runs it, and, where known, what vLLM's KV cache and
 * activation depend on ({@code models.json}):
 *
 * <pre>
 * {"id": "meta-llama/Llama-3.1-8B-Instruct", "parametersBillions": 8.03, "bytesPerParameter": 2,
 *  "minimumVllm": "0.5.3", "architecture": {"layers": 32, "kvHeads": 8, "headDim": 128},
 *  "vocabSize": 128256, "maxPositionEmbeddings": 131072, "gated": true}
 * </pre>
 *
 * @param id the Hugging Face id, e.g. {@code google/gemma-3-1b-it}
 * @param parametersBillions parameters, in billions
 * @param bytesPerParameter bytes per parameter of the published weights (2 for bfloat16)
 * @param minimumVllm the first vLLM version that supports the architecture, when known
 * @param architecture layers, KV heads, head dimension and local layers, when known
 * @param vocabSize {@code vocab_size}, when known
 * @param maxPositionEmbeddings {@code max_position_embeddings} (vLLM's default {@code --max-model-len}), when known
 * @param dtype the model's dtype: {@code bfloat16}, {@code float16} or {@code float32}
 * @param moe whether the model is a mixture of experts
 * @param gated whether its Hugging Face repository asks to accept a license, so that downloading it needs a token
 */
public record ModelInfo(
    String id, BigDecimal parametersBillions, int bytesPerParameter, Optional<String> minimumVllm,
    Optional<ModelArchitecture> architecture, OptionalInt vocabSize, OptionalInt maxPositionEmbeddings, String dtype,
    boolean moe, boolean gated) {

  public ModelInfo {
    dtype = dtype.trim().toLowerCase(Locale.ROOT);
  }

  /** A model known by its size only: no architecture, bfloat16, dense, not gated. */
  public ModelInfo(String id, BigDecimal parametersBillions, int bytesPerParameter, Optional<String> minimumVllm) {
    this(id, parametersBillions, bytesPerParameter, minimumVllm, Optional.empty(), OptionalInt.empty(),
        OptionalInt.empty(), "bfloat16", false, false);
  }

  /** Bytes the weights alone take on the GPU. */
  public long weightBytes() {
    return parametersBillions.multiply(BigDecimal.valueOf(1_000_000_000L))
        .multiply(BigDecimal.valueOf(bytesPerParameter))
        .longValue();
  }

  /**
   * What {@link io.gpushare.core.memory.MemoryModel} needs of this model, when the catalog knows its
   * architecture, vocabulary and context length; empty for a model known by its size only.
   */
  public Optional<ModelSpec> memorySpec() {
    if (architecture.isEmpty() || vocabSize.isEmpty() || maxPositionEmbeddings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ModelSpec(architecture.get(), weightBytes(), vocabSize.getAsInt(),
        maxPositionEmbeddings.getAsInt(), dtype, moe));
  }
}
