package io.gpushare.core.validate;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.GpuProduct;
import io.gpushare.core.catalog.ModelInfo;
import io.gpushare.core.kube.VllmArgs.Flag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Whether the model fits the device, from the catalogs: a vLLM server's weights must fit in its
 * share ({@code --gpu-memory-utilization} x the device's CUDA total x tensor-parallel devices), and a MIG
 * profile must exist on the GPU it is asked of. It checks only what the set says (a
 * {@code productName} or memory selector, a {@code profile} selector) and what the catalogs know;
 * anything else is an INFO, never a guess.
 */
final class CapacityRule implements Rule {
  private static final long GIB = 1024L * 1024 * 1024;

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (DeviceClaims.DeviceClaimView claim : context.deviceClaims().all()) {
      checkProfile(claim.claimDevices(), context.catalog(), () -> claim.devicesPath() + ".requests", findings);
    }
    for (PodGroup pods : context.podGroups()) {
      for (VllmContainer container : context.vllmContainers(pods)) {
        checkWeights(container, context, findings);
      }
    }
  }

  private static void checkProfile(ClaimDevices devices, Catalog catalog, java.util.function.Supplier<String> pathOf,
      Findings findings) {
    if (devices.unknownProductName().isEmpty() && devices.migProfile().isEmpty()) {
      return;
    }
    String path = pathOf.get();
    devices.unknownProductName().ifPresent(product -> findings.add(FindingCode.GPU_PRODUCT_UNKNOWN, path,
        "GPU product '" + product + "' is not in gpushare's catalog, so its memory and MIG profiles were not checked",
        "the catalog knows " + String.join(", ", catalog.gpus().stream().map(GpuProduct::productName).toList())
            + "; describe other GPUs in a catalog file (gpushare lint --catalog FILE)"));
    if (devices.migProfile().isEmpty()) {
      return;
    }
    String profile = devices.migProfile().get();
    Optional<GpuProduct> product = devices.product();
    if (product.isPresent() && !product.get().migProfiles().contains(profile)) {
      findings.add(FindingCode.MIG_PROFILE_UNKNOWN, path,
          "expected a MIG profile of " + product.get().productName() + " " + product.get().migProfiles() + ", found '"
              + profile + "'",
          product.get().supportsMig() ? "pick one of the listed profiles" : "this GPU has no MIG; share it with time"
              + " slicing or MPS");
    } else if (product.isEmpty() && catalog.gpus().stream().noneMatch(g -> g.migProfiles().contains(profile))) {
      findings.add(FindingCode.MIG_PROFILE_UNKNOWN, Severity.WARNING, path,
          "expected a MIG profile that some GPU has (e.g. 1g.10gb, 3g.40gb), found '" + profile + "'",
          "profile names follow the GPU's memory (A100 40GB: 3g.20gb, H100 80GB: 3g.40gb); take them from"
              + " the node's ResourceSlice");
    }
  }

  private static void checkWeights(VllmContainer container, ValidationContext context, Findings findings) {
    Optional<String> modelId = container.model();
    if (modelId.isEmpty()) {
      return;
    }
    Optional<ModelInfo> model = context.catalog().model(modelId.get());
    String path = container.args().last(Flag.MODEL).map(container::argPath).orElse(container.path());
    if (model.isEmpty()) {
      findings.add(FindingCode.MODEL_UNKNOWN, path,
          "model '" + modelId.get() + "' is not in gpushare's catalog, so whether its weights fit was not checked",
          "check the model's size against " + VllmContainer.UTILIZATION + " x the device's memory yourself, or"
              + " describe the model in a catalog file (gpushare lint --catalog FILE)");
      return;
    }
    if (container.claims().size() != 1 || container.utilization().isEmpty()) {
      return;
    }
    VllmContainer.PodClaimUse use = container.claims().get(0);
    ClaimDevices devices = context.deviceClaims()
        .devicesReferencedBy(context.namespace(container.pods()), use.claimName(), use.templateName());
    // what CUDA reports of the device, which vLLM's utilization multiplies (every memory finding's figure)
    OptionalLong memory = devices.cudaTotalBytes(use.request());
    if (memory.isEmpty()) {
      return;
    }
    OptionalInt tensor = container.intFlag(Flag.TENSOR_PARALLEL_SIZE, 1);
    OptionalInt pipeline = container.intFlag(Flag.PIPELINE_PARALLEL_SIZE, 1);
    if (tensor.isEmpty() || pipeline.isEmpty()) {
      return;
    }
    long parallel = (long) tensor.getAsInt() * pipeline.getAsInt();
    BigDecimal budget = weightBudget(container.utilization().get(), memory.getAsLong(), parallel);
    long weights = model.get().weightBytes();
    if (BigDecimal.valueOf(weights).compareTo(budget) > 0) {
      findings.add(FindingCode.MODEL_DOES_NOT_FIT, path,
          "expected the weights of " + modelId.get() + " (" + gib(weights) + " GiB) to fit in "
              + container.utilization().get().toPlainString() + " x " + gib(memory.getAsLong()) + " GiB"
              + (parallel > 1 ? " x " + parallel + " devices" : "") + " = " + gib(budget.longValue()) + " GiB, found"
              + " they do not (and the KV cache needs room too)",
          devices.migSlices(use.request())
              // one process sees one MIG slice: tensor parallelism cannot add slices (VLLM_PARALLEL_ACROSS_MIG)
              ? "use a bigger MIG profile or a whole GPU, a higher " + VllmContainer.UTILIZATION + ", or a smaller model"
              : "use a bigger device or MIG profile, more tensor-parallel devices, a higher " + VllmContainer.UTILIZATION
                  + ", or a smaller model");
    }
  }

  /** What the weights must fit in: utilization x the device's CUDA total x the devices of one server. */
  static BigDecimal weightBudget(BigDecimal utilization, long cudaTotalBytes, long parallel) {
    return utilization.multiply(BigDecimal.valueOf(cudaTotalBytes)).multiply(BigDecimal.valueOf(Math.max(1, parallel)));
  }

  private static String gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB), 1, RoundingMode.HALF_UP).toPlainString();
  }
}
