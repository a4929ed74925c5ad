package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NVIDIA DRA driver feature gates a set needs (they are cluster-wide Helm values, not per
 * claim): {@code TimeSlicingSettings} for a TimeSlicing strategy, {@code MPSSupport} for MPS, and
 * {@code DynamicMIG} for MIG slices that the driver creates on demand (MIG requests without MPS; MPS
 * on MIG works only on pre-created, static MIG slices).
 */
final class FeatureGates {
  static final String TIME_SLICING = "TimeSlicingSettings";
  static final String MPS = "MPSSupport";
  static final String DYNAMIC_MIG = "DynamicMIG";

  private FeatureGates() {}

  /** Each gate needed, with the path of the first object that needs it. */
  static Map<String, String> required(ValidationContext context) {
    Map<String, String> gates = new LinkedHashMap<>();
    context.claims().forEach((name, claim) -> collect(
        claim.getSpec() == null ? null : claim.getSpec().getDevices(), "ResourceClaim[" + name + "]", gates));
    context.templates().forEach((name, template) -> collect(
        template.getSpec() == null || template.getSpec().getSpec() == null ? null
            : template.getSpec().getSpec().getDevices(),
        "ResourceClaimTemplate[" + name + "]", gates));
    return gates;
  }

  static Set<String> names(ValidationContext context) {
    return new TreeSet<>(context.featureGates().keySet());
  }

  static void check(ValidationContext context, Findings findings) {
    Map<String, String> gates = context.featureGates();
    if (gates.containsKey(DYNAMIC_MIG) && gates.containsKey(MPS)) {
      findings.add(FindingCode.FEATURE_GATES_INCOMPATIBLE, gates.get(MPS),
          "expected driver feature gates that can be combined, found MPSSupport (for " + gates.get(MPS)
              + ") with DynamicMIG (for " + gates.get(DYNAMIC_MIG) + "); the driver refuses to start with both",
          "share MIG slices with MPS only on static (pre-created) MIG, or use time slicing or whole GPUs next to dynamic MIG");
    }
  }

  private static void collect(DeviceClaim claim, String id, Map<String, String> gates) {
    if (claim == null) {
      return;
    }
    boolean mps = false;
    for (var config : Nulls.list(claim.getConfig())) {
      if (config.getOpaque() == null || !NvidiaConfig.DRIVER.equals(config.getOpaque().getDriver())) {
        continue;
      }
      String strategy = NvidiaConfig.read(config.getOpaque().getParameters()).strategy().orElse("");
      if (strategy.equals("TimeSlicing")) {
        gates.putIfAbsent(TIME_SLICING, id);
      } else if (strategy.equals("MPS")) {
        gates.putIfAbsent(MPS, id);
        mps = true;
      }
    }
    for (DeviceRequest request : Nulls.list(claim.getRequests())) {
      boolean mig = request.getExactly() != null && NvidiaDriverRule.MIG_CLASS.equals(request.getExactly().getDeviceClassName())
          || Nulls.list(request.getFirstAvailable()).stream().anyMatch(s -> NvidiaDriverRule.MIG_CLASS.equals(s.getDeviceClassName()));
      if (mig && !mps) {
        gates.putIfAbsent(DYNAMIC_MIG, id);
      }
    }
  }
}
