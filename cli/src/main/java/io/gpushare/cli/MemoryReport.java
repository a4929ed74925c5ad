package io.gpushare.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpushare.core.memory.MemoryEstimate;
import io.gpushare.core.memory.MemoryPlan;
import io.gpushare.core.memory.ServerSettings;
import io.gpushare.core.memory.VllmProfile;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.MemoryFindings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code gpushare memory} prints: the terms of one GPU's memory, the findings, the verdict; as a
 * small table or as JSON whose first keys never change:
 *
 * <pre>
 * {"weightsGiB": 14.96, "activationGiB": 1.96, "nonTorchGiB": 0.25, "cudaGraphGiB": 0.00, "kvCacheGiB": -0.36,
 *  "kvTokens": 0, "maxModelLen": 131072, "fits": false, "findings": [{"severity", "code", "path", "message",
 *  "hint"}], "gpu": ..., then more keys, only ever added at the end}
 * </pre>
 */
final class MemoryReport {
  private static final String UTILIZATION = "--gpu-memory-utilization";
  private static final String MAX_MODEL_LEN = "--max-model-len";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final MemoryCommand.Model model;
  private final String gpu;
  private final ServerSettings server;
  private final MemoryEstimate estimate;
  private final Optional<MemoryPlan> plan;
  private final List<Finding> findings;

  private MemoryReport(MemoryCommand.Model model, String gpu, ServerSettings server, MemoryEstimate estimate,
      Optional<MemoryPlan> plan) {
    this.model = model;
    this.gpu = gpu;
    this.server = server;
    this.estimate = estimate;
    this.plan = plan;
    this.findings = findings();
  }

  /**
   * The report of {@code estimate}, the memory of {@code server}; with {@code plan} when the utilization was
   * picked by {@link io.gpushare.core.memory.MemoryPlanner} rather than given.
   */
  static MemoryReport of(MemoryCommand.Model model, String gpu, ServerSettings server, MemoryEstimate estimate,
      Optional<MemoryPlan> plan) {
    return new MemoryReport(model, gpu, server, estimate, plan);
  }

  /** Whether vLLM starts with one sequence of the length asked. */
  boolean fits() {
    return estimate.fits() && plan.map(MemoryPlan::fits).orElse(true);
  }

  private List<Finding> findings() {
    return MemoryFindings.of(model.id(), gpu, server, estimate, plan, UTILIZATION, MAX_MODEL_LEN);
  }

  private String budget() {
    return MemoryEstimate.fraction(server.utilization()) + " x " + gib(server.gpuTotalBytes()) + " GiB = "
        + gib(estimate.budgetBytes()) + " GiB";
  }

  /** The table, the findings, the verdict. */
  String toText() {
    StringBuilder text = new StringBuilder();
    text.append(server.profile()).append(" on ").append(gpu).append(" (").append(gib(server.gpuTotalBytes()))
        .append(" GiB), ");
    if (plan.isPresent()) {
      text.append(plan.get().fits()
          ? "smallest " + UTILIZATION + " that fits " + MAX_MODEL_LEN + " " + estimate.maxModelLen() + ": "
              + budget()
          : "no " + UTILIZATION + " fits " + MAX_MODEL_LEN + " " + estimate.maxModelLen() + "; at 1.00 = "
              + gib(estimate.budgetBytes()) + " GiB");
    } else {
      text.append(UTILIZATION).append(' ').append(budget());
    }
    text.append('\n');
    row(text, "term", "GiB", "how");
    row(text, "weights", gib(estimate.weightBytes()).toPlainString(), model.weightsHow()
        + (server.tensorParallelSize() > 1 ? " / " + server.tensorParallelSize() + " GPUs" : ""));
    row(text, "activation", gib(estimate.activationBytes()).toPlainString(), estimate.activationModelled()
        ? "profiled peak: logits of " + server.maxNumBatchedTokens() + " batched tokens x vocabulary "
            + model.spec().vocabSize() + (model.spec().moe() ? ", mixture of experts" : "")
        : "not modelled before vLLM 0.8.0 (V0 engine): counted as 0, the KV cache is an upper bound");
    row(text, "non-torch", gib(estimate.nonTorchBytes()).toPlainString(), "tensor parallel size "
        + server.tensorParallelSize() + (server.tensorParallelSize() > 1 ? " (NCCL buffers)" : ""));
    row(text, "CUDA graphs", gib(estimate.cudaGraphBytes()).toPlainString(), cudaGraphsHow());
    row(text, "KV cache", gib(estimate.kvCacheBytes()).toPlainString(), estimate.kvTokens() + " tokens x "
        + estimate.bytesPerToken() + " B, whole blocks of 16");
    for (Finding finding : findings) {
      text.append(finding).append('\n');
    }
    text.append(verdict()).append('\n');
    return text.toString();
  }

  private String cudaGraphsHow() {
    VllmProfile profile = server.profile();
    if (profile.cudaGraphsInsideBudget()) {
      return "inside the budget from vLLM 0.21.0";
    }
    int layers = model.spec().architecture().layers();
    return "outside the budget before vLLM 0.21.0 (about " + gib(profile.cudaGraphBytes(layers, false))
        + " GiB more on the GPU, beside the CUDA context's 0.5)";
  }

  private String verdict() {
    String length = MAX_MODEL_LEN + " " + estimate.maxModelLen();
    if (fits()) {
      return "fits: one sequence of " + length + " needs " + gib(estimate.maxModelLenBytes()) + " GiB of the "
          + gib(estimate.kvCacheBytes()) + " GiB KV cache, which holds " + estimate.kvTokens() + " tokens ("
          + estimate.maxConcurrency().toPlainString() + " sequences of " + estimate.maxModelLen() + ")";
    }
    return "does not fit: " + length + " needs " + gib(estimate.maxModelLenBytes()) + " GiB of KV cache; "
        + (estimate.largestFittingLen() > 0 ? "the largest that fits is " + estimate.largestFittingLen()
            : "no length fits") + " at " + MemoryEstimate.fraction(server.utilization()) + "; "
        + estimate.fittingUtilization().map(u -> UTILIZATION + " " + u.toPlainString() + " fits " + length)
            .orElse("no " + UTILIZATION + " up to 1.00 fits " + length);
  }

  private static void row(StringBuilder text, String term, String gib, String how) {
    text.append(String.format(Locale.ROOT, "%-12s %7s  %s%n", term, gib, how).replace("\r\n", "\n"));
  }

  /** The stable JSON document: the keys in their order, then the extra ones. */
  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("weightsGiB", gib(estimate.weightBytes()));
    root.put("activationGiB", gib(estimate.activationBytes()));
    root.put("nonTorchGiB", gib(estimate.nonTorchBytes()));
    root.put("cudaGraphGiB", gib(estimate.cudaGraphBytes()));
    root.put("kvCacheGiB", gib(estimate.kvCacheBytes()));
    root.put("kvTokens", estimate.kvTokens());
    root.put("maxModelLen", estimate.maxModelLen());
    root.put("fits", fits());
    ArrayNode array = root.putArray("findings");
    findings.forEach(finding -> FindingJson.write(array.addObject(), finding));
    root.put("model", model.id());
    root.put("gpu", gpu);
    root.put("gpuMemoryGiB", gib(server.gpuTotalBytes()));
    root.put("vllmVersion", server.profile().version().map(Object::toString).orElse(null));
    root.put("gpuMemoryUtilization", new BigDecimal(MemoryEstimate.fraction(server.utilization())));
    root.put("utilizationPicked", plan.isPresent());
    root.put("tensorParallelSize", server.tensorParallelSize());
    root.put("kvCacheDtype", server.kvCacheDtype());
    root.put("budgetGiB", gib(estimate.budgetBytes()));
    root.put("bytesPerToken", estimate.bytesPerToken());
    root.put("maxModelLenGiB", gib(estimate.maxModelLenBytes()));
    root.put("largestFittingLen", estimate.largestFittingLen());
    root.put("fittingUtilization", estimate.fittingUtilization().orElse(null));
    root.put("activationModelled", estimate.activationModelled());
    try {
      return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the memory report as JSON", e);
    }
  }

  /** A fraction with at least 2 decimals: 1.00, 0.42, 0.425. */
  private static BigDecimal gib(long bytes) {
    return MemoryEstimate.gib(bytes);
  }
}
