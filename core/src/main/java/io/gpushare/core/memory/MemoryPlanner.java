package io.gpushare.core.memory;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Picks what users otherwise guess: the smallest {@code --gpu-memory-utilization} (2 decimals, rounded
 * up) whose KV cache holds {@code sequences} concurrent sequences of {@code --max-model-len} tokens, and
 * the matching {@code --kv-cache-memory-bytes}; or says which term overflows the device.
 *
 * <pre>{@code
 * MemoryPlan plan = MemoryPlanner.plan(model, ServerSettings.of(profile, cudaTotal, BigDecimal.ONE)
 *     .withMaxModelLen(8192), 4);
 * plan.utilization();         // Optional[0.50]
 * plan.kvCacheMemoryBytes();  // 4294967296
 * }</pre>
 *
 * <p>The needed KV cache is {@code sequences x cdiv(maxModelLen, 16) x 16} tokens at the bytes per token
 * vLLM sizes its cache with (padded hybrid layers, no window discount), and at least what vLLM's own
 * one-sequence check asks.
 */
public final class MemoryPlanner {

  private MemoryPlanner() {}

  /**
   * The plan for {@code server} (its utilization is ignored, its {@code maxModelLen} or the model's own
   * length is the length asked) to hold {@code sequences} sequences at once.
   */
  public static MemoryPlan plan(ModelSpec model, ServerSettings server, int sequences) {
    if (sequences < 1) {
      throw new IllegalArgumentException("sequences must be at least 1, was " + sequences);
    }
    ServerSettings atFull = server.withUtilization(BigDecimal.ONE);
    MemoryModel.Terms terms = MemoryModel.Terms.of(model, atFull);
    int length = server.maxModelLen().orElse(model.maxPositionEmbeddings());
    long blocks = (length + (long) KvCache.DEFAULT_BLOCK_SIZE - 1) / KvCache.DEFAULT_BLOCK_SIZE;
    long kvNeeded = Math.max(sequences * blocks * KvCache.DEFAULT_BLOCK_SIZE * terms.bytesPerToken,
        terms.bytesForOneSequence(length));
    long total = server.gpuTotalBytes();
    Optional<BigDecimal> utilization = MemoryModel.fittingUtilization(terms.fixed() + kvNeeded, atFull);
    if (utilization.isPresent()) {
      MemoryEstimate estimate = MemoryModel.estimate(model, server.withUtilization(utilization.get())
          .withMaxModelLen(length));
      return new MemoryPlan(utilization, kvNeeded, estimate, Optional.empty(), Optional.empty());
    }
    MemoryEstimate estimate = MemoryModel.estimate(model, atFull.withMaxModelLen(length));
    MemoryPlan.Term term;
    String reason;
    if (terms.weights >= total) {
      term = MemoryPlan.Term.WEIGHTS;
      reason = "the weights (" + MemoryEstimate.gib(terms.weights) + " GiB per GPU) alone exceed the device's "
          + MemoryEstimate.gib(total) + " GiB";
    } else if (terms.fixed() >= total) {
      term = MemoryPlan.Term.FIXED;
      reason = "weights " + MemoryEstimate.gib(terms.weights) + " + activation " + MemoryEstimate.gib(terms.activation)
          + " + non-torch " + MemoryEstimate.gib(terms.nonTorch)
          + (terms.cudaGraph > 0 ? " + CUDA graphs " + MemoryEstimate.gib(terms.cudaGraph) : "") + " = "
          + MemoryEstimate.gib(terms.fixed()) + " GiB leave no memory for cache blocks on the device's "
          + MemoryEstimate.gib(total) + " GiB";
    } else {
      term = MemoryPlan.Term.KV_CACHE;
      reason = "the KV cache of " + sequences + (sequences == 1 ? " sequence" : " sequences") + " of " + length
          + " tokens (" + MemoryEstimate.gib(kvNeeded) + " GiB) does not fit in the "
          + MemoryEstimate.gib(total - terms.fixed()) + " GiB the device's " + MemoryEstimate.gib(total)
          + " GiB leave beside weights, activation and non-torch memory";
    }
    return new MemoryPlan(Optional.empty(), kvNeeded, estimate, Optional.of(term), Optional.of(reason));
  }
}
