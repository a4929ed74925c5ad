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
 * {@code gpushare memory} prints them; the paths are the caller's ({@code --max-model-len} there).
 *
 * <pre>
 * ERROR VLLM_MAX_MODEL_LEN_DOES_NOT_FIT --max-model-len: expected the KV cache (0.84 GiB at
 *     --gpu-memory-utilization 0.45) to hold one sequence of --max-model-len 131072 (16.00 GiB), found the
 *     largest length it holds is 6832
 *   hint: lower --max-model-len to 6832 or less, or raise --gpu-memory-utilization to 0.83
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
      return findings.all();
    }
    if (!estimate.cacheBlocksAvailable()) {
      findings.add(FindingCode.MODEL_DOES_NOT_FIT, utilizationPath,
          "expected " + fixedTerms(estimate) + " GiB to leave memory for the KV cache in " + fraction(utilization)
              + " x " + gib(server.gpuTotalBytes()) + " GiB = " + gib(estimate.budgetBytes()) + " GiB, found " + gib(estimate.kvCacheBytes())
              + " GiB left, so no " + MAX_MODEL_LEN + " fits (vLLM: \"No available memory for the cache blocks\")",
          estimate.fittingUtilization().map(u -> "raise " + UTILIZATION + " to " + u.toPlainString() + " (it then"
                  + " holds one sequence of " + length + "), or use a bigger GPU or more tensor-parallel GPUs")
              .orElse("no " + UTILIZATION + " up to 1.00 holds one sequence of " + length + ": use a bigger GPU,"
                  + " more tensor-parallel GPUs, or a smaller or quantized model"));
    } else if (!estimate.fits()) {
      findings.add(FindingCode.VLLM_MAX_MODEL_LEN_DOES_NOT_FIT, maxModelLenPath,
          "expected the KV cache (" + gib(estimate.kvCacheBytes()) + " GiB at " + UTILIZATION + " "
              + fraction(utilization) + ") to hold one sequence of " + length + " ("
              + gib(estimate.maxModelLenBytes()) + " GiB), found the largest length it holds is "
              + estimate.largestFittingLen(),
          lowerLength(estimate) + estimate.fittingUtilization().map(u -> ", or raise " + UTILIZATION + " to "
              + u.toPlainString()).orElse(", or use a bigger GPU (no " + UTILIZATION + " up to 1.00 holds it)"));
    }
    return findings.all();
  }

  private static String lowerLength(MemoryEstimate estimate) {
    return estimate.largestFittingLen() > 0
        ? "lower " + MAX_MODEL_LEN + " to " + estimate.largestFittingLen() + " or less"
        : "no " + MAX_MODEL_LEN + " fits beside the weights";
  }

  private static String fixedTerms(MemoryEstimate estimate) {
    return "weights " + gib(estimate.weightBytes()) + " + activation " + gib(estimate.activationBytes())
        + " + non-torch " + gib(estimate.nonTorchBytes())
        + (estimate.cudaGraphBytes() > 0 ? " + CUDA graphs " + gib(estimate.cudaGraphBytes()) : "");
  }

  /** A fraction with at least 2 decimals: 1.00, 0.42, 0.425. */
  static String fraction(BigDecimal value) {
    return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
  }

  private static String gib(long bytes) {
    return MemoryEstimate.gib(bytes).toPlainString();
  }
}
