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
 * TimeSlicingSettings}, {@code MPSSupport}), and {@code DynamicMIG} for MIG slices that the driver
 * creates on demand (MIG requests without MPS; MPS on MIG works only on pre-created, static MIG
 * slices).
 */
final class FeatureGates {
  static final String DYNAMIC_MIG = "DynamicMIG";
  private static final String MPS = SharingStrategy.MPS.featureGate();

  private FeatureGates() {}

  /** Each gate needed, with the path of the first object that needs it. */
  static Map<String, String> required(ValidationContext context) {
    Map<String, String> gates = new LinkedHashMap<>();
    for (DeviceClaims.DeviceClaimView claim : context.deviceClaims().all()) {
      collect(claim, gates);
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

  private static void collect(DeviceClaims.DeviceClaimView claim, Map<String, String> gates) {
    if (claim.devices() == null) {
      return;
    }
    boolean mps = false;
    for (NvidiaConfigRead config : claim.claimDevices().nvidiaConfigs()) {
      if (config.strategy().isPresent()) {
        gates.putIfAbsent(config.strategy().get().featureGate(), claim.id());
        mps |= config.strategy().get() == SharingStrategy.MPS;
      }
    }
    for (DeviceRequest request : Nulls.list(claim.devices().getRequests())) {
      boolean mig = request.getExactly() != null
          && MigDeviceConfig.DEVICE_CLASS.equals(request.getExactly().getDeviceClassName())
          || Nulls.list(request.getFirstAvailable()).stream()
              .anyMatch(s -> MigDeviceConfig.DEVICE_CLASS.equals(s.getDeviceClassName()));
      if (mig && !mps) {
        gates.putIfAbsent(DYNAMIC_MIG, claim.id());
      }
    }
  }
}
