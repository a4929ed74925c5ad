package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.gpushare.core.kube.NvidiaConfigRead;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.SharingStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NVIDIA DRA driver feature gates a set needs (they are cluster-wide Helm values, not per
 * claim): each sharing strategy's gate ({@link SharingStrategy#featureGate()}: {@code
 * TimeSlicingSettings}, {@code MPSSupport}), and {@code DynamicMIG} only for MIG slices that the
 * driver creates on demand, which a bundle asks for with {@link
 * io.gpushare.core.model.DeviceRequestSpec#dynamicMig()}. A claim read from YAML that selects a MIG
 * profile cannot say whether its slices are pre-created (static MIG, no gate) or dynamic, so it is
 * taken as static: turning {@code DynamicMIG} on destroys the slices the driver did not create. MPS
 * works only on static slices: {@code MPSSupport} with {@code DynamicMIG} is an error.
 */
final class FeatureGates {
  static final String DYNAMIC_MIG = "DynamicMIG";
  private static final String MPS = SharingStrategy.MPS.featureGate();

  private FeatureGates() {}

  /** Each gate needed, with the path of the first object that needs it. */
  static Map<String, String> required(ValidationContext context) {
    Map<String, String> gates = new LinkedHashMap<>();
    for (DeviceClaims.DeviceClaimView claim : context.deviceClaims().all()) {
      collect(context, claim, gates);
    }
    return gates;
  }

  static Set<String> names(ValidationContext context) {
    return new TreeSet<>(context.featureGates().keySet());
  }

  static void check(ValidationContext context, Findings findings) {
    Map<String, String> gates = context.featureGates();
    if (gates.containsKey(DYNAMIC_MIG) && gates.containsKey(MPS)) {
      findings.add(FindingCode.FEATURE_GATES_INCOMPATIBLE, gates.get(MPS),
          "expected driver feature gates that can be combined, found " + MPS + " (for " + gates.get(MPS)
              + ") with " + DYNAMIC_MIG + " (for " + gates.get(DYNAMIC_MIG) + "); the driver refuses to start with both",
          "share MIG slices with MPS only on static (pre-created) MIG, or use time slicing or whole GPUs next to dynamic MIG");
    }
  }

  private static void collect(ValidationContext context, DeviceClaims.DeviceClaimView claim,
      Map<String, String> gates) {
    if (claim.devices() == null) {
      return;
    }
    for (NvidiaConfigRead config : claim.claimDevices().nvidiaConfigs()) {
      if (config.strategy().isPresent()) {
        gates.putIfAbsent(config.strategy().get().featureGate(), claim.id());
      }
    }
    if (!context.set().dynamicMig(claim.resource())) {
      return;
    }
    for (DeviceRequest request : Nulls.list(claim.devices().getRequests())) {
      boolean mig = request.getExactly() != null
          && MigDeviceConfig.DEVICE_CLASS.equals(request.getExactly().getDeviceClassName())
          || Nulls.list(request.getFirstAvailable()).stream()
              .anyMatch(s -> MigDeviceConfig.DEVICE_CLASS.equals(s.getDeviceClassName()));
      if (mig) {
        gates.putIfAbsent(DYNAMIC_MIG, claim.id());
      }
    }
  }
}
