package io.gpushare.core.memory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What one GPU of a vLLM server holds at start-up, as {@link MemoryModel} computes it, per GPU (one
 * tensor-parallel rank of the last pipeline stage), in bytes:
 *
 * <pre>
 * budget   = utilization x total                                   16.80 GiB  (0.42 x 40.00 GiB)
 * kvCache  = budget - weights - activation - nonTorch - cudaGraph  1.10 GiB   (14.96, 0.49, 0.25, 0)
 * kvTokens = kvCache / bytesPerToken in whole blocks                9040       (131072 B per token)
 * fits     = kvCache &gt; 0 and one sequence of maxModelLen fits       false      (131072 needs 16 GiB)
 * </pre>
 *
 * @param budgetBytes {@code --gpu-memory-utilization} x the device's memory
 * @param weightBytes the weights this GPU holds ({@code --cpu-offload-gb} subtracted)
 * @param activationBytes the profiled activation peak; 0 when not {@link #activationModelled()}
 * @param nonTorchBytes memory outside PyTorch's allocator counted by profiling
 * @param cudaGraphBytes CUDA graphs counted inside the budget (from 0.21.0; 0 before, when they are
 *     outside it)
 * @param kvCacheBytes what is left for the KV cache, negative when nothing is; {@code
 *     --kv-cache-memory-bytes} when given
 * @param bytesPerToken KV cache bytes one token takes on this GPU
 * @param kvTokens tokens the KV cache holds, whole blocks
 * @param maxModelLen the length asked ({@code --max-model-len}, or the model's {@code max_position_embeddings})
 * @param maxModelLenBytes KV cache bytes one sequence of {@code maxModelLen} needs (sliding-window layers
 *     need only their window, as vLLM's check counts them)
 * @param fits whether vLLM starts: there is room for cache blocks and for one sequence of {@code maxModelLen}
 * @param largestFittingLen the largest {@code --max-model-len} that fits, vLLM's "estimated maximum model
 *     length"; 0 when no length does
 * @param fittingUtilization the smallest {@code --gpu-memory-utilization} (2 decimals, rounded up) at which
 *     {@code maxModelLen} fits; empty when even 1.00 is too little
 * @param activationModelled false for vLLM before 0.8.0 (V0 engine), whose activation peak is not modelled:
 *     then the KV cache is an upper bound and no verdict should be drawn from it
 */
public record MemoryEstimate(
    long budgetBytes, long weightBytes, long activationBytes, long nonTorchBytes, long cudaGraphBytes,
    long kvCacheBytes, long bytesPerToken, long kvTokens, int maxModelLen, long maxModelLenBytes, boolean fits,
    int largestFittingLen, Optional<BigDecimal> fittingUtilization, boolean activationModelled) {

  private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  /** Whether anything is left for cache blocks: when not, vLLM says "No available memory for the cache blocks". */
  public boolean cacheBlocksAvailable() {
    return kvCacheBytes > 0;
  }

  /** Sequences of {@code maxModelLen} the KV cache holds at once, vLLM's "Maximum concurrency" (2 decimals, down). */
  public BigDecimal maxConcurrency() {
    return BigDecimal.valueOf(kvTokens).divide(BigDecimal.valueOf(maxModelLen), 2, RoundingMode.DOWN);
  }

  /** A fraction of a device as gpushare prints one, with at least two decimals: {@code 0.42}, {@code 1.00}. */
  public static String fraction(BigDecimal value) {
    return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
  }

  /** {@code bytes} in GiB, 2 decimals, the way vLLM logs memory: {@code 14.96}. */
  public static BigDecimal gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(GIB, 2, RoundingMode.HALF_UP);
  }
}
