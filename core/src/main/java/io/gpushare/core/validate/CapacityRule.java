package io.gpushare.core.validate;

import io.gpushare.core.catalog.GpuProduct;
import io.gpushare.core.catalog.ModelInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the model fits the device, from the catalogs: a vLLM server's weights must fit in its
 * share ({@code --gpu-memory-utilization} x device memory x tensor-parallel devices), and a MIG
 * profile must exist on the GPU it is asked of. It checks only what the set says (a
 * {@code productName} or memory selector, a {@code profile} selector) and what the catalogs know;
 * anything else is an INFO, never a guess.
 */
final class CapacityRule implements Rule {
  private static final long GIB = 1024L * 1024 * 1024;

  @Override
  public void check(ValidationContext context, Findings findings) {
    context.claims().forEach((name, claim) -> checkProfile(context.devicesOfClaim(name),
        () -> "ResourceClaim[" + name + "].spec.devices.requests", findings));
    context.templates().forEach((name, template) -> checkProfile(context.devicesOfTemplate(name),
        () -> "ResourceClaimTemplate[" + name + "].spec.spec.devices.requests", findings));
    for (PodGroup pods : context.podGroups()) {
      for (VllmContainer container : context.vllmContainers(pods)) {
        checkWeights(container, context, findings);
      }
    }
  }

  private static void checkProfile(ClaimDevices devices, java.util.function.Supplier<String> pathOf,
      Findings findings) {
    if (devices.unknownProductName().isEmpty() && devices.migProfile().isEmpty()) {
      return;
    }
    String path = pathOf.get();
    devices.unknownProductName().ifPresent(product -> findings.add(FindingCode.GPU_PRODUCT_UNKNOWN, path,
        "GPU product '" + product + "' is not in gpushare's catalog, so its memory and MIG profiles were not checked",
        "the catalog knows " + String.join(", ", io.gpushare.core.catalog.Catalog.standard().gpus().stream()
            .map(GpuProduct::productName).toList())));
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
    } else if (product.isEmpty() && io.gpushare.core.catalog.Catalog.standard().gpus().stream()
        .noneMatch(g -> g.migProfiles().contains(profile))) {
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
    String path = container.flags().last("--model").map(container::argPath).orElse(container.path());
    if (model.isEmpty()) {
      findings.add(FindingCode.MODEL_UNKNOWN, path,
          "model '" + modelId.get() + "' is not in gpushare's catalog, so whether its weights fit was not checked",
          "check the model's size against " + VllmContainer.UTILIZATION + " x the device's memory yourself");
      return;
    }
    if (container.claims().size() != 1 || container.utilization().isEmpty()
        || container.fromVariable("--tensor-parallel-size") || container.fromVariable("--pipeline-parallel-size")) {
      return;
    }
    VllmContainer.PodClaimUse use = container.claims().get(0);
    ClaimDevices devices = use.shared() ? context.devicesOfClaim(use.claimName())
        : context.devicesOfTemplate(use.templateName());
    OptionalLong memory = use.request() == null ? devices.memoryBytes() : devices.memoryBytes(use.request());
    if (memory.isEmpty()) {
      return;
    }
    int parallel = container.intFlag("--tensor-parallel-size", 1) * container.intFlag("--pipeline-parallel-size", 1);
    BigDecimal budget = container.utilization().get()
        .multiply(BigDecimal.valueOf(memory.getAsLong()))
        .multiply(BigDecimal.valueOf(Math.max(1, parallel)));
    long weights = model.get().weightBytes();
    if (BigDecimal.valueOf(weights).compareTo(budget) > 0) {
      findings.add(FindingCode.MODEL_DOES_NOT_FIT, path,
          "expected the weights of " + modelId.get() + " (" + gib(weights) + " GiB) to fit in "
              + container.utilization().get().toPlainString() + " x " + gib(memory.getAsLong()) + " GiB"
              + (parallel > 1 ? " x " + parallel + " devices" : "") + " = " + gib(budget.longValue()) + " GiB, found"
              + " they do not (and the KV cache needs room too)",
          "use a bigger device or MIG profile, more tensor-parallel devices, a higher " + VllmContainer.UTILIZATION
              + ", or a smaller model");
    }
  }

  private static String gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB), 1, RoundingMode.HALF_UP).toPlainString();
  }
}
