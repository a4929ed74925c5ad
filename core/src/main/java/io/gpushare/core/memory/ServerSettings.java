package io.gpushare.core.memory;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How one vLLM server is started, as far as its memory depends on it: the release, the memory CUDA
 * reports for one device, and the flags. Built from {@link #of} and the {@code with...} methods; every
 * value not given is vLLM's default.
 *
 * <pre>
 * vllm serve MODEL --gpu-memory-utilization 0.42 --max-model-len 8192 --tensor-parallel-size 2
 *     --kv-cache-dtype fp8 --cpu-offload-gb 4 --enforce-eager --kv-cache-memory-bytes 8589934592
 *
 * ServerSettings.of(VllmProfile.ofImage("vllm/vllm-openai:v0.19.0"), 42_298_834_944L, new BigDecimal("0.42"))
 *     .withMaxModelLen(8192).withParallelism(2, 1).withKvCacheDtype("fp8") ...
 * </pre>
 *
 * @param profile the vLLM release
 * @param gpuTotalBytes the memory of one device as CUDA reports it ({@code cudaMemGetInfo} total)
 * @param utilization {@code --gpu-memory-utilization}
 * @param maxModelLen {@code --max-model-len}; empty: the model's {@code max_position_embeddings}
 * @param tensorParallelSize {@code --tensor-parallel-size}
 * @param pipelineParallelSize {@code --pipeline-parallel-size}
 * @param kvCacheDtype {@code --kv-cache-dtype}: {@code auto} (the model's), {@code fp8}, ...
 * @param cpuOffloadBytes {@code --cpu-offload-gb} in bytes: weights kept in host memory, per GPU
 * @param enforceEager {@code --enforce-eager}: no CUDA graphs
 * @param kvCacheMemoryBytes {@code --kv-cache-memory-bytes}: the KV cache's size, not profiled
 * @param maxNumBatchedTokens {@code --max-num-batched-tokens}: the profiled batch
 */
public record ServerSettings(
    VllmProfile profile, long gpuTotalBytes, BigDecimal utilization, OptionalInt maxModelLen, int tensorParallelSize,
    int pipelineParallelSize, String kvCacheDtype, long cpuOffloadBytes, boolean enforceEager,
    OptionalLong kvCacheMemoryBytes, int maxNumBatchedTokens) {

  private static final long GIB = 1L << 30;

  public ServerSettings {
    if (gpuTotalBytes < 1) {
      throw new IllegalArgumentException("gpuTotalBytes must be at least 1, was " + gpuTotalBytes);
    }
    if (utilization.signum() <= 0 || utilization.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("utilization must be in (0, 1], was " + utilization.toPlainString());
    }
    if (maxModelLen.isPresent() && maxModelLen.getAsInt() < 1) {
      throw new IllegalArgumentException("maxModelLen must be at least 1, was " + maxModelLen.getAsInt());
    }
    if (tensorParallelSize < 1 || pipelineParallelSize < 1) {
      throw new IllegalArgumentException("parallel sizes must be at least 1, were " + tensorParallelSize + " and "
          + pipelineParallelSize);
    }
    kvCacheDtype = kvCacheDtype.trim().toLowerCase(Locale.ROOT);
    if (cpuOffloadBytes < 0) {
      throw new IllegalArgumentException("cpuOffloadBytes must not be negative, was " + cpuOffloadBytes);
    }
    if (kvCacheMemoryBytes.isPresent() && kvCacheMemoryBytes.getAsLong() < 1) {
      throw new IllegalArgumentException("kvCacheMemoryBytes must be at least 1, was "
          + kvCacheMemoryBytes.getAsLong());
    }
    if (maxNumBatchedTokens < 1) {
      throw new IllegalArgumentException("maxNumBatchedTokens must be at least 1, was " + maxNumBatchedTokens);
    }
  }

  /**
   * A server of {@code profile} on a device of {@code gpuTotalBytes}, every flag but the utilization at its
   * default; {@code --max-num-batched-tokens} as {@link #defaultMaxNumBatchedTokens} gives it for a device of
   * that size whose name is not known.
   */
  public static ServerSettings of(VllmProfile profile, long gpuTotalBytes, BigDecimal utilization) {
    return of(profile, gpuTotalBytes, "", utilization);
  }

  /**
   * The same on a device whose product name is known ({@code NVIDIA A100-SXM4-80GB}): the default
   * {@code --max-num-batched-tokens} depends on it, as lint, {@code gpushare memory} and the DSL's
   * {@code needs(...)} must all agree.
   */
  public static ServerSettings of(VllmProfile profile, long gpuTotalBytes, String productName, BigDecimal utilization) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, OptionalInt.empty(), 1, 1, "auto", 0, false,
        OptionalLong.empty(), defaultMaxNumBatchedTokens(gpuTotalBytes, productName));
  }

  /**
   * {@code vllm serve}'s default {@code --max-num-batched-tokens}: 8192 on a device of at least 70 GiB that is
   * not an A100, 2048 otherwise ({@code vllm/engine/arg_utils.py}, {@code UsageContext.OPENAI_API_SERVER};
   * the A100 exception is PR #17885's).
   *
   * @param gpuTotalBytes the device's memory
   * @param productName the device's name ({@code NVIDIA A100-SXM4-80GB}), empty when not known
   */
  public static int defaultMaxNumBatchedTokens(long gpuTotalBytes, String productName) {
    return gpuTotalBytes >= 70 * GIB && !productName.toLowerCase(Locale.ROOT).contains("a100") ? 8192 : 2048;
  }

  public ServerSettings withUtilization(BigDecimal value) {
    return new ServerSettings(profile, gpuTotalBytes, value, maxModelLen, tensorParallelSize, pipelineParallelSize,
        kvCacheDtype, cpuOffloadBytes, enforceEager, kvCacheMemoryBytes, maxNumBatchedTokens);
  }

  public ServerSettings withMaxModelLen(int value) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, OptionalInt.of(value), tensorParallelSize,
        pipelineParallelSize, kvCacheDtype, cpuOffloadBytes, enforceEager, kvCacheMemoryBytes, maxNumBatchedTokens);
  }

  public ServerSettings withParallelism(int tensor, int pipeline) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, maxModelLen, tensor, pipeline, kvCacheDtype,
        cpuOffloadBytes, enforceEager, kvCacheMemoryBytes, maxNumBatchedTokens);
  }

  public ServerSettings withKvCacheDtype(String value) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, maxModelLen, tensorParallelSize,
        pipelineParallelSize, value, cpuOffloadBytes, enforceEager, kvCacheMemoryBytes, maxNumBatchedTokens);
  }

  public ServerSettings withCpuOffloadBytes(long value) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, maxModelLen, tensorParallelSize,
        pipelineParallelSize, kvCacheDtype, value, enforceEager, kvCacheMemoryBytes, maxNumBatchedTokens);
  }

  public ServerSettings withEnforceEager(boolean value) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, maxModelLen, tensorParallelSize,
        pipelineParallelSize, kvCacheDtype, cpuOffloadBytes, value, kvCacheMemoryBytes, maxNumBatchedTokens);
  }

  public ServerSettings withKvCacheMemoryBytes(long value) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, maxModelLen, tensorParallelSize,
        pipelineParallelSize, kvCacheDtype, cpuOffloadBytes, enforceEager, OptionalLong.of(value),
        maxNumBatchedTokens);
  }

  public ServerSettings withMaxNumBatchedTokens(int value) {
    return new ServerSettings(profile, gpuTotalBytes, utilization, maxModelLen, tensorParallelSize,
        pipelineParallelSize, kvCacheDtype, cpuOffloadBytes, enforceEager, kvCacheMemoryBytes, value);
  }
}
