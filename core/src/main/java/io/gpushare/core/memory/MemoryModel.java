package io.gpushare.core.memory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * vLLM's start-up memory, computed the way vLLM computes it ({@code vllm/v1/worker/gpu_worker.py}
 * {@code Worker.determine_available_memory}, {@code vllm/v1/core/kv_cache_utils.py}
 * {@code check_enough_kv_cache_memory} and {@code estimate_max_model_len}), per GPU:
 *
 * <pre>
 * budget     = gpu_memory_utilization x total (what CUDA reports)
 * weights    = parameters x bytes / (tp x pp) - cpu_offload_gb
 * activation = VllmProfile.activationBytes (8192 x vocab x 2 B from 0.17; 2.4 x that from 0.8 to 0.16)
 * non-torch  = VllmProfile.nonTorchBytes (0.25 / 2.1 GiB from 0.18; 0.13 / 0.55 GiB before)
 * cudaGraph  = VllmProfile.cudaGraphBytes, inside the budget from 0.21.0 only
 * kvCache    = budget - weights - activation - non-torch - cudaGraph  (or --kv-cache-memory-bytes)
 * kvTokens   = KvCache.tokensThatFit(kvCache, bytes per token of this pipeline stage)
 * fits       = kvCache &gt; 0 and the KV bytes of one sequence of max-model-len &lt;= kvCache
 * </pre>
 *
 * <p>With pipeline parallelism each stage holds {@code ceil(layers / pp)} layers and only the last one
 * computes the logits; the estimate is the last stage's, the tightest. The CUDA context (about 0.5 GiB
 * per process) and, before 0.21.0, CUDA graphs lie outside the budget and are not in the estimate.
 * vLLM before 0.8.0 (the V0 engine) profiles a different batch: its activation is not modelled, see
 * {@link MemoryEstimate#activationModelled()}. Calibrated against 58 public start-up logs: docs/vllm-memory.md.
 */
public final class MemoryModel {

  private MemoryModel() {}

  /** The memory of one GPU of {@code server} serving {@code model}. */
  public static MemoryEstimate estimate(ModelSpec model, ServerSettings server) {
    Terms terms = Terms.of(model, server);
    long budget = budget(server.utilization(), server.gpuTotalBytes());
    long kvCache = server.kvCacheMemoryBytes().orElse(budget - terms.fixed());
    int maxModelLen = server.maxModelLen().orElse(model.maxPositionEmbeddings());
    long needed = terms.bytesForOneSequence(maxModelLen);
    boolean fits = kvCache > 0 && needed <= kvCache;
    int searchTo = Math.max(maxModelLen, model.maxPositionEmbeddings());
    return new MemoryEstimate(budget, terms.weights, terms.activation, terms.nonTorch, terms.cudaGraph, kvCache,
        terms.bytesPerToken, KvCache.tokensThatFit(kvCache, terms.bytesPerToken), maxModelLen, needed, fits,
        terms.largestFittingLen(kvCache, searchTo), fittingUtilization(terms.fixed() + needed, server),
        terms.activationModelled);
  }

  /**
   * The smallest utilization, 2 decimals rounded up, whose budget holds {@code bytes} beside nothing else;
   * empty above 1.00.
   */
  static Optional<BigDecimal> fittingUtilization(long bytes, ServerSettings server) {
    BigDecimal utilization = BigDecimal.valueOf(Math.max(bytes, 1))
        .divide(BigDecimal.valueOf(server.gpuTotalBytes()), 2, RoundingMode.CEILING);
    // the division rounds up already; make sure the floor of utilization x total also holds the bytes
    while (budget(utilization, server.gpuTotalBytes()) < bytes) {
      utilization = utilization.add(new BigDecimal("0.01"));
    }
    return utilization.compareTo(BigDecimal.ONE) > 0 ? Optional.empty() : Optional.of(utilization);
  }

  static long budget(BigDecimal utilization, long gpuTotalBytes) {
    return utilization.multiply(BigDecimal.valueOf(gpuTotalBytes)).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /** The terms of one GPU that do not depend on the utilization. */
  static final class Terms {
    final long weights;
    final long activation;
    final long nonTorch;
    final long cudaGraph;
    final long bytesPerToken;
    final boolean activationModelled;
    private final long bytesPerLayerToken;
    private final int fullLayers;
    private final int localLayers;
    private final int window;
    private final int maxNumBatchedTokens;

    private Terms(ModelSpec model, ServerSettings server) {
      ModelArchitecture architecture = model.architecture();
      VllmProfile profile = server.profile();
      int tp = server.tensorParallelSize();
      int pp = server.pipelineParallelSize();
      this.weights = Math.max(0, model.weightBytes() / ((long) tp * pp) - server.cpuOffloadBytes());
      OptionalLong peak = profile.activationBytes(model.vocabSize(), model.moe(), server.maxNumBatchedTokens());
      this.activationModelled = peak.isPresent();
      this.activation = peak.orElse(0);
      this.nonTorch = profile.nonTorchBytes(tp);
      int stageLayers = ceilDiv(architecture.layers(), pp);
      this.cudaGraph = profile.cudaGraphsInsideBudget() ? profile.cudaGraphBytes(stageLayers, server.enforceEager()) : 0;
      int dtypeBytes = KvCache.dtypeBytes(server.kvCacheDtype(), model.dtype());
      long wholeModel = KvCache.bytesPerToken(architecture, dtypeBytes, tp);
      this.bytesPerLayerToken = wholeModel / architecture.kvCacheLayers();
      this.bytesPerToken = bytesPerLayerToken * ceilDiv(architecture.kvCacheLayers(), pp);
      int local = architecture.localAttention().map(ModelArchitecture.LocalAttention::layers).orElse(0);
      this.localLayers = ceilDiv(local, pp);
      this.fullLayers = ceilDiv(architecture.layers() - local, pp);
      this.window = architecture.localAttention().map(ModelArchitecture.LocalAttention::windowTokens).orElse(0);
      this.maxNumBatchedTokens = server.maxNumBatchedTokens();
    }

    static Terms of(ModelSpec model, ServerSettings server) {
      return new Terms(model, server);
    }

    long fixed() {
      return weights + activation + nonTorch + cudaGraph;
    }

    /**
     * KV bytes one sequence of {@code length} tokens needs, as {@code check_enough_kv_cache_memory} sums
     * {@code max_memory_usage_bytes} over the layers: a full layer {@code cdiv(length, block) x page}; a
     * sliding-window layer {@code (cdiv(min(window - 1 + max_num_batched_tokens, length), block) + 1) x page}.
     */
    long bytesForOneSequence(long length) {
      long block = KvCache.DEFAULT_BLOCK_SIZE;
      long page = block * bytesPerLayerToken;
      long full = fullLayers * ceilDiv(length, block) * page;
      long localTokens = Math.min(window - 1L + maxNumBatchedTokens, length);
      long local = localLayers == 0 ? 0 : localLayers * (ceilDiv(localTokens, block) + 1) * page;
      return full + local;
    }

    /** vLLM's {@code estimate_max_model_len}: the largest length up to {@code upTo} whose sequence fits. */
    int largestFittingLen(long kvCache, int upTo) {
      if (kvCache <= 0 || bytesForOneSequence(1) > kvCache) {
        return 0;
      }
      int low = 1;
      int high = upTo;
      while (low < high) {
        int middle = (int) ((low + (long) high + 1) / 2);
        if (bytesForOneSequence(middle) <= kvCache) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low;
    }

    private static int ceilDiv(int a, int b) {
      return (a + b - 1) / b;
    }

    private static long ceilDiv(long a, long b) {
      return (a + b - 1) / b;
    }
  }
}
