package io.gpushare.core.memory;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one vLLM release treats memory: the one place gpushare keeps what changed from version to
 * version. Every rule and the memory model ask this class, never compare versions themselves.
 *
 * <pre>
 * vLLM            accounting        default util  CUDA graphs  free-memory check at start-up
 * &lt; 0.3.0         whole GPU         0.90          outside      no
 * 0.3.0 - 0.6.3   per instance      0.90          outside      no
 * 0.6.4(.post1)   whole GPU         0.90          outside      no
 * 0.6.5 - 0.7.x   per instance      0.90          outside      no
 * 0.8.0 - 0.9.0   whole GPU (V1)    0.90          outside      no
 * 0.9.1 - 0.20.x  per instance      0.90          outside      yes
 * 0.21.0 and on   per instance      0.92          inside       yes
 * </pre>
 *
 * <p>Sources (shared/reference/vllm-memory.md section 1, 2): PR #2863 (per-instance accounting,
 * v0.3), PR #9352 and issues #10451, #10643 (whole GPU again in 0.6.4), PR #10511 (per instance
 * again, first release inferred as 0.6.5), issue #17979 (V1 engine, default from 0.8.0, counts other
 * processes, seen on 0.8.5.post1), PR #18974 (per instance and the start-up free-memory check, first
 * release inferred as 0.9.1), PR #38284 ({@code vllm/config/cache.py} default 0.92 from 0.21.0, CUDA
 * graph memory profiled inside the budget).
 *
 * @param version the release, empty when the image names none ({@code latest}): then the newest
 *     behaviour is assumed and {@link #known()} is false
 */
public record VllmProfile(Optional<VllmVersion> version) {

  static final VllmVersion V0_3_0 = VllmVersion.of(0, 3, 0);
  static final VllmVersion V0_6_4 = VllmVersion.of(0, 6, 4);
  static final VllmVersion V0_6_5 = VllmVersion.of(0, 6, 5);
  static final VllmVersion V0_8_0 = VllmVersion.of(0, 8, 0);
  static final VllmVersion V0_9_1 = VllmVersion.of(0, 9, 1);
  static final VllmVersion V0_17_0 = VllmVersion.of(0, 17, 0);
  static final VllmVersion V0_18_0 = VllmVersion.of(0, 18, 0);
  static final VllmVersion V0_21_0 = VllmVersion.of(0, 21, 0);
  static final VllmVersion V0_11_0 = VllmVersion.of(0, 11, 0);

  private static final BigDecimal DEFAULT_UTILIZATION = new BigDecimal("0.90");
  private static final BigDecimal DEFAULT_UTILIZATION_0_21 = new BigDecimal("0.92");

  /** The profile of a release. */
  public static VllmProfile of(VllmVersion version) {
    return new VllmProfile(Optional.of(version));
  }

  /** The profile of an image, by its tag: {@code vllm/vllm-openai:v0.7.2}; unknown without a tag. */
  public static VllmProfile ofImage(String image) {
    return new VllmProfile(VllmVersion.ofImage(image));
  }

  /** The newest behaviour, for an image whose version is not known. */
  public static VllmProfile unknown() {
    return new VllmProfile(Optional.empty());
  }

  /** Whether the release is known; when not, every answer is the newest release's. */
  public boolean known() {
    return version.isPresent();
  }

  /**
   * Whether {@code --gpu-memory-utilization} counts every process on the GPU as this server's memory,
   * so that a second server on the same device cannot start whatever the fractions: before 0.3.0,
   * 0.6.4 and its post releases, and the V1 engine from 0.8.0 to 0.9.0.
   */
  public boolean countsOtherProcesses() {
    if (version.isEmpty()) {
      return false;
    }
    VllmVersion v = version.get();
    return v.isBefore(V0_3_0)
        || (v.isAtLeast(V0_6_4) && v.isBefore(V0_6_5))
        || (v.isAtLeast(V0_8_0) && v.isBefore(V0_9_1));
  }

  /**
   * Whether a server refuses to start when the device's free memory is below its utilization times
   * the total ("Free memory on device ... is less than desired GPU memory utilization"): from 0.9.1.
   */
  public boolean checksFreeMemoryAtStartup() {
    return version.map(v -> v.isAtLeast(V0_9_1)).orElse(true);
  }

  /** {@code --gpu-memory-utilization}'s default: 0.90, and 0.92 from 0.21.0. */
  public BigDecimal defaultUtilization() {
    return version.map(v -> v.isAtLeast(V0_21_0)).orElse(true) ? DEFAULT_UTILIZATION_0_21 : DEFAULT_UTILIZATION;
  }

  /** Whether CUDA graphs are profiled inside the utilization budget (from 0.21.0) rather than outside. */
  public boolean cudaGraphsInsideBudget() {
    return version.map(v -> v.isAtLeast(V0_21_0)).orElse(true);
  }

  /**
   * Whether the release has {@code --kv-cache-memory-bytes} (PR #21489 "Allow users to specify kv cache
   * memory size"), which sizes the KV cache without profiling the device's free memory, so that
   * co-located servers starting together do not race; the start-up free-memory check still uses
   * {@code --gpu-memory-utilization}. First release: {@link #kvCacheMemoryBytesRelease()}.
   */
  public boolean kvCacheMemoryBytesFlag() {
    return version.map(v -> v.isAtLeast(V0_11_0)).orElse(true);
  }

  /**
   * The first release with {@code --kv-cache-memory-bytes}: 0.11.0, inferred, like the 0.6.5 and
   * 0.9.1 rows above. PR #21489 was under review on 2025-07-24, after v0.10.0 was cut; the stored
   * sources (the PR thread, {@code vllm/config/cache.py} as documented for v0.10.2 and v0.11.1) do not
   * show which of 0.10.1, 0.10.2 or 0.11.0 shipped it first, so the latest candidate is taken: a hint
   * never suggests the flag to a release that may not have it.
   */
  public static VllmVersion kvCacheMemoryBytesRelease() {
    return V0_11_0;
  }

  /** Whether the release runs the V1 engine by default (from 0.8.0). */
  public boolean v1Engine() {
    return version.map(v -> v.isAtLeast(V0_8_0)).orElse(true);
  }

  /**
   * Whether the memory model knows this release's profiled activation peak: from 0.8.0 (the V1
   * engine). vLLM's V0 engine profiles a dummy batch whose peak depends on {@code --max-num-seqs},
   * {@code --max-num-batched-tokens} and {@code --max-model-len}; gpushare does not model it.
   */
  public boolean activationModelled() {
    return v1Engine();
  }

  /**
   * The profiled activation peak ("torch peak memory increase") of one GPU, as measured in public
   * start-up logs: from 0.17.0 the logits of one batch, {@code maxNumBatchedTokens x vocabSize x 2 B}
   * (8192 batched tokens by default: Llama 3 1.96 GiB, logged 1.89; Qwen 2.32, logged 2.21-2.23;
   * Gemma 3 4.0, logged 3.89-3.99), 15 % more for mixture-of-experts models (logged 7 to 24 % more:
   * Qwen3-30B-A3B, DeepSeek-V2-Lite, Kimi-VL); from 0.8.0 to 0.16.x 2.4 times that (Qwen3-14B: 5.64 GiB
   * at 0.15.0 and 0.16.0, 2.23 at 0.17.0; measured from 0.11, assumed from 0.8.0). Vision towers add
   * nothing measurable (Gemma 3, Mistral Small 3.1). Empty before 0.8.0, see {@link #activationModelled()}.
   *
   * @param vocabSize the model's {@code vocab_size}
   * @param moe whether the model is a mixture of experts
   * @param maxNumBatchedTokens {@code --max-num-batched-tokens}; when not given, 8192 on 70 GiB devices but the
   *     A100, 2048 on others ({@link ServerSettings#defaultMaxNumBatchedTokens})
   */
  public OptionalLong activationBytes(int vocabSize, boolean moe, int maxNumBatchedTokens) {
    if (!activationModelled()) {
      return OptionalLong.empty();
    }
    double logits = (double) maxNumBatchedTokens * vocabSize * 2;
    double factor = (moe ? 1.15 : 1.0) * (version.map(v -> v.isBefore(V0_17_0)).orElse(false) ? 2.4 : 1.0);
    return OptionalLong.of(Math.round(logits * factor));
  }

  /**
   * Memory outside PyTorch's allocator that vLLM's profiling counts against the budget ("non-torch
   * forward increase memory"), per GPU: 0.13 GiB alone and 0.55 GiB with tensor parallelism up to
   * 0.17.x; 0.25 GiB and 2.1 GiB (NCCL buffers) from 0.18.0 (calibration.tsv: the
   * Qwen3-14B sweep 0.13 at 0.15-0.17, 0.25 at 0.18; v0.19.0 rows 0.24-0.27 at TP 1, 2.06-2.21 at TP 2
   * and 4). Pipeline parallelism alone adds no NCCL all-reduce buffers: the single-GPU figure (the pp 2
   * and pp 4 rows log 0.07 GiB on their first stage). The figures before 0.11 are assumed equal to 0.11's.
   *
   * @param tensorParallelSize {@code --tensor-parallel-size}
   */
  public long nonTorchBytes(int tensorParallelSize) {
    boolean parallel = tensorParallelSize > 1;
    boolean newer = version.map(v -> v.isAtLeast(V0_18_0)).orElse(true);
    double gib = newer ? (parallel ? 2.1 : 0.25) : (parallel ? 0.55 : 0.13);
    return Math.round(gib * (1L << 30));
  }

  /**
   * CUDA graph memory of one GPU (0 with {@code --enforce-eager}): about 0.5 GiB plus 14 MiB per layer
   * the GPU holds (calibration.tsv notes, {@code cuda_graph_actual} at v0.19.0: 0.51 GiB for 8 layers,
   * 0.91 for 32, 1.14 for 62, 1.61 for 80; gpt-oss 1.84 for 24 is the outlier). Counted inside the budget
   * from 0.21.0 ({@link #cudaGraphsInsideBudget()}), outside it before.
   */
  public long cudaGraphBytes(int layersOnThisGpu, boolean enforceEager) {
    return enforceEager ? 0 : (1L << 29) + 14L * (1L << 20) * layersOnThisGpu;
  }

  /** {@code vLLM 0.7.2}, or {@code vLLM (version unknown)}. */
  @Override
  public String toString() {
    return version.map(v -> "vLLM " + v).orElse("vLLM (version unknown)");
  }
}
