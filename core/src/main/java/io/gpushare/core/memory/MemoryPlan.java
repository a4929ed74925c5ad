package io.gpushare.core.memory;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What {@link MemoryPlanner} found for one server: the smallest {@code --gpu-memory-utilization} that
 * holds its needs and the {@code --kv-cache-memory-bytes} that sizes exactly that KV cache, or why
 * nothing fits.
 *
 * <pre>
 * Llama-3.1-8B, max-model-len 8192 x 4 sequences on an A100 40GB (v0.19.0):
 *   utilization 0.50, kvCacheMemoryBytes 4294967296 (4 x 8192 tokens x 128 KiB)
 * the same with 131072 x 16 sequences:
 *   overflow KV_CACHE, "the KV cache of 16 sequences of 131072 tokens (256.00 GiB) does not fit ..."
 * </pre>
 *
 * @param utilization the smallest utilization, 2 decimals rounded up; empty when nothing fits
 * @param kvCacheMemoryBytes the KV cache the needs take, whole blocks: the value to write to
 *     {@code --kv-cache-memory-bytes} on releases that have it
 * @param estimate the server's memory at {@code utilization} (at 1.00 when nothing fits)
 * @param overflow the term that does not fit, when nothing fits
 * @param reason why nothing fits, naming the term and its size; empty when something fits
 */
public record MemoryPlan(
    Optional<BigDecimal> utilization, long kvCacheMemoryBytes, MemoryEstimate estimate, Optional<Term> overflow,
    Optional<String> reason) {

  /** The part of a server's memory that overflows the device. */
  public enum Term {
    /** The weights alone exceed the device. */
    WEIGHTS,
    /** Weights, activation peak, non-torch memory and (from 0.21.0) CUDA graphs leave nothing for cache blocks. */
    FIXED,
    /** The KV cache of the asked sequences does not fit beside the rest. */
    KV_CACHE
  }

  /** Whether a utilization was found. */
  public boolean fits() {
    return utilization.isPresent();
  }
}
