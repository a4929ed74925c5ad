package io.gpushare.core.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A model the catalog knows: its size, so the validator can check that the weights fit the memory
 * vLLM is given, and the first vLLM release that runs it.
 *
 * @param id the Hugging Face id, e.g. {@code google/gemma-3-1b-it}
 * @param parametersBillions parameters, in billions
 * @param bytesPerParameter bytes per parameter of the published weights (2 for bfloat16)
 * @param minimumVllm the first vLLM version that supports the architecture, when known
 */
public record ModelInfo(String id, BigDecimal parametersBillions, int bytesPerParameter, Optional<String> minimumVllm) {

  /** Bytes the weights alone take on the GPU. */
  public long weightBytes() {
    return parametersBillions.multiply(BigDecimal.valueOf(1_000_000_000L))
        .multiply(BigDecimal.valueOf(bytesPerParameter))
        .longValue();
  }
}
