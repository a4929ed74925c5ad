package io.gpushare.core.validate;

import io.gpushare.core.memory.MemoryEstimate;
import io.gpushare.core.memory.MemoryPlan;
import io.gpushare.core.memory.ServerSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings of one vLLM server's memory, as {@link io.gpushare.core.memory.MemoryModel} estimates it
 * (or {@link io.gpushare.core.memory.MemoryPlanner} plans it): no room for cache blocks
 * ({@code MODEL_DOES_NOT_FIT}) or a KV cache too small for one sequence of {@code --max-model-len}
 * ({@code VLLM_MAX_MODEL_LEN_DOES_NOT_FIT}), each with the largest length and the utilization that fit.
 * The one home of these messages: {@code gpushare lint} ({@code VllmMemoryRule}) and {@code gpushare memory}
 * print them; the paths are the caller's ({@code --max-model-len} in {@code memory}, the flag's argument in lint).
 *
 * <pre>
 * ERROR VLLM_MAX_MODEL_LEN_DOES_NOT_FIT --max-model-len: expected the KV cache to hold one sequence of
 *     --max-model-len 131072, 16.00 GiB, found 0.42 x 40.00 GiB = 16.80 GiB leaves 1.10 GiB after weights
 *     14.96 + activation 0.49 + non-torch 0.25 GiB on vLLM 0.19.0: vLLM refuses to start; the largest
 *     length that fits is 9040
 *   hint: set --max-model-len 9040 or less, or --gpu-memory-utilization of 0.80 fits one sequence of
 *     131072 tokens; --max-model-len auto lets vLLM pick
 * </pre>
 */
public final class MemoryFindings {
  private static final String UTILIZATION = "--gpu-memory-utilization";
  private static final String MAX_MODEL_LEN = "--max-model-len";

  private MemoryFindings() {}

  /**
   * The findings of {@code estimate}, the memory of {@code model} started as {@code server} on {@code device};
   * with the {@code plan} that picked the utilization, when one did.
   *
   * @param utilizationPath where the utilization is set, the path of a {@code MODEL_DOES_NOT_FIT}
   * @param maxModelLenPath where the length is set, the path of a {@code VLLM_MAX_MODEL_LEN_DOES_NOT_FIT}
   */
  public static List<Finding> of(String model, String device, ServerSettings server, MemoryEstimate estimate,
      Optional<MemoryPlan> plan, String utilizationPath, String maxModelLenPath) {
    Findings findings = new Findings();
    report(findings, model, device, server, estimate, plan, utilizationPath, maxModelLenPath);
    return findings.all();
  }

  /** The same, added to a validation's {@code findings} ({@code VllmMemoryRule}). */
  static void report(Findings findings, String model, String device, ServerSettings server, MemoryEstimate estimate,
      Optional<MemoryPlan> plan, String utilizationPath, String maxModelLenPath) {
    BigDecimal utilization = server.utilization();
    String length = MAX_MODEL_LEN + " " + estimate.maxModelLen();
    if (plan.isPresent() && !plan.get().fits()) {
      String reason = plan.get().reason().orElse("");
      if (plan.get().overflow().orElse(MemoryPlan.Term.KV_CACHE) == MemoryPlan.Term.KV_CACHE) {
        findings.add(FindingCode.VLLM_MAX_MODEL_LEN_DOES_NOT_FIT, maxModelLenPath,
            "expected the KV cache of " + length + " to fit beside the rest at some " + UTILIZATION + " up to 1.00"
                + " on " + device + ", found " + reason,
            lowerLength(estimate) + ", or use a bigger GPU, more tensor-parallel GPUs or --kv-cache-dtype fp8");
      } else {
        findings.add(FindingCode.MODEL_DOES_NOT_FIT, utilizationPath,
            "expected " + model + " to fit on " + device + " at some " + UTILIZATION + " up to 1.00, found " + reason,
            "use a bigger GPU, more tensor-parallel GPUs, or a smaller or quantized model");
      }
      return;
    }
    boolean kvBytesGiven = server.kvCacheMemoryBytes().isPresent();
    if (kvBytesGiven && server.profile().kvCacheMemoryBytesFlag()
        && beyondTheDevice(findings, model, device, server, estimate, utilizationPath)) {
      return; // lint (VllmMemoryRule) asks first, at the flag, and does not come here when it reported
    }
    String where = server.profile() + (estimate.activationModelled() ? "" : " (whose activation peak is not"
        + " modelled and left out)");
    String budget = MemoryEstimate.fraction(utilization) + " x " + gib(server.gpuTotalBytes()) + " GiB = "
        + gib(estimate.budgetBytes()) + " GiB";
    String fits = estimate.fittingUtilization()
        .map(u -> "a " + UTILIZATION + " of " + u.toPlainString() + " fits one sequence of " + estimate.maxModelLen()
            + " tokens")
        .orElse("no " + UTILIZATION + " up to 1.00 fits one sequence of " + estimate.maxModelLen() + " tokens");
    if (!estimate.cacheBlocksAvailable() && !kvBytesGiven) {
      findings.add(FindingCode.MODEL_DOES_NOT_FIT, utilizationPath,
          "expected " + model + " on " + where + " to leave memory for the KV cache in " + budget + ", found "
              + fixedTerms(estimate) + " = " + gib(estimate.weightBytes() + estimate.activationBytes()
              + estimate.nonTorchBytes() + estimate.cudaGraphBytes()) + " GiB: vLLM stops with \"No available"
              + " memory for the cache blocks\"",
          fits + "; or use a bigger device or MIG profile, more tensor-parallel devices, or a smaller model");
      return;
    }
    if (estimate.fits()) {
      return;
    }
    String asked = server.maxModelLen().isPresent()
        ? length
        : "the model's own length, " + estimate.maxModelLen() + " tokens (max_position_embeddings; no "
            + MAX_MODEL_LEN + ")";
    String left = kvBytesGiven
        ? "--kv-cache-memory-bytes gives " + gib(estimate.kvCacheBytes()) + " GiB"
        : budget + " leaves " + gib(estimate.kvCacheBytes()) + " GiB after " + fixedTerms(estimate) + " GiB";
    String largest = estimate.largestFittingLen() > 0
        ? "the largest length that fits is " + estimate.largestFittingLen()
        : "no length fits";
    findings.add(FindingCode.VLLM_MAX_MODEL_LEN_DOES_NOT_FIT, maxModelLenPath,
        "expected the KV cache to hold one sequence of " + asked + ", " + gib(estimate.maxModelLenBytes())
            + " GiB, found " + left + " on " + where + ": vLLM refuses to start; " + largest,
        (estimate.largestFittingLen() > 0 ? "set " + MAX_MODEL_LEN + " " + estimate.largestFittingLen()
            + " or less, or " : "")
            + (kvBytesGiven ? "raise --kv-cache-memory-bytes to " + estimate.maxModelLenBytes()
            : fits.replace("a " + UTILIZATION, UTILIZATION))
            + "; " + MAX_MODEL_LEN + " auto lets vLLM pick");
  }

  private static String lowerLength(MemoryEstimate estimate) {
    return estimate.largestFittingLen() > 0
        ? "lower " + MAX_MODEL_LEN + " to " + estimate.largestFittingLen() + " or less"
        : "no " + MAX_MODEL_LEN + " fits beside the weights";
  }

  /**
   * A KV cache sized by {@code --kv-cache-memory-bytes}, which vLLM takes as given whatever the
   * utilization (PR #21489), beside the rest on more memory than the device has: nothing of it is
   * checked at start-up, and allocating the cache runs out of device memory. Reports it, at {@code path}
   * (the flag's argument); whether it did. Judged whatever the length: {@code VllmMemoryRule} calls it
   * before it knows one.
   */
  static boolean beyondTheDevice(Findings findings, String model, String device, ServerSettings server,
      MemoryEstimate estimate, String path) {
    // the process's CUDA context lies outside every term of the estimate (about 0.5 GiB, measured)
    long fixed = estimate.weightBytes() + estimate.activationBytes() + estimate.nonTorchBytes()
        + estimate.cudaGraphBytes() + ColocatedServers.CONTEXT_BYTES;
    long total = server.gpuTotalBytes();
    if (fixed + estimate.kvCacheBytes() <= total) {
      return false;
    }
    long room = Math.max(0, total - fixed);
    findings.add(FindingCode.MODEL_DOES_NOT_FIT, path,
        "expected " + model + " and the KV cache of --kv-cache-memory-bytes to fit in the " + gib(total) + " GiB "
            + device + " has, found " + fixedTerms(estimate) + " + CUDA context " + gib(ColocatedServers.CONTEXT_BYTES)
            + " + KV cache " + gib(estimate.kvCacheBytes()) + " = " + gib(fixed + estimate.kvCacheBytes()) + " GiB on "
            + server.profile() + ": vLLM allocates the cache as given, whatever " + UTILIZATION + " says, and runs out"
            + " of device memory",
        room > 0 ? "lower --kv-cache-memory-bytes to at most " + room + " (" + gib(room) + " GiB), or use a bigger"
            + " device or more tensor-parallel devices"
            : "use a bigger device, more tensor-parallel devices, or a smaller model");
    return true;
  }

  private static String fixedTerms(MemoryEstimate estimate) {
    return "weights " + gib(estimate.weightBytes()) + " + activation " + gib(estimate.activationBytes())
        + " + non-torch " + gib(estimate.nonTorchBytes())
        + (estimate.cudaGraphBytes() > 0 ? " + CUDA graphs " + gib(estimate.cudaGraphBytes()) : "");
  }

  /** A fraction with at least 2 decimals: 1.00, 0.42, 0.425. */
  private static String gib(long bytes) {
    return MemoryEstimate.gib(bytes).toPlainString();
  }
}
