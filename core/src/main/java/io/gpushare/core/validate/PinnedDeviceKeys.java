package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.gpushare.core.kube.KubeObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A per-device MPS limit keyed by the UUID of a device the claim cannot get. When every request's
 * selectors pin its devices by UUID, those are the only devices the driver is given, and a limit
 * keyed by another UUID makes {@code MpsPerDevicePinnedMemoryLimit.Normalize} fail with "invalid
 * device" at NodePrepareResources (driver {@code api/nvidia.com/resource/v1beta1/sharing.go}).
 *
 * <pre>
 * requests:
 * - name: gpu
 *   exactly:
 *     selectors:
 *     - cel: {expression: 'device.attributes["gpu.nvidia.com"].uuid == "GPU-aaaa..."'}
 * config:
 * - opaque:
 *     parameters:
 *       sharing:
 *         mpsConfig:
 *           defaultPerDevicePinnedMemoryLimit:
 *             GPU-bbbb...: 10Gi     # MPS_DEVICE_KEY_INVALID: not a device the claim can get
 * </pre>
 */
final class PinnedDeviceKeys {
  private static final Pattern UUID_PIN = Pattern.compile(
      "device\\.attributes\\[\\s*[\"']gpu\\.nvidia\\.com[\"']\\s*]\\.uuid\\s*==\\s*[\"']((?:GPU|MIG)-[^\"']+)[\"']");

  private PinnedDeviceKeys() {}

  static void check(DeviceClaim claim, String path, Findings findings) {
    Optional<Set<String>> pinned = pinned(claim);
    if (pinned.isEmpty()) {
      return;
    }
    var configs = Nulls.list(claim.getConfig());
    for (int c = 0; c < configs.size(); c++) {
      if (configs.get(c).getOpaque() == null
          || !io.gpushare.core.model.NvidiaDeviceConfig.DRIVER.equals(configs.get(c).getOpaque().getDriver())) {
        continue;
      }
      Map<String, Object> limits = perDevice(KubeObjects.parametersAsMap(configs.get(c).getOpaque().getParameters()));
      for (String key : limits.keySet()) {
        if ((key.startsWith("GPU-") || key.startsWith("MIG-")) && !pinned.get().contains(key)) {
          findings.add(FindingCode.MPS_DEVICE_KEY_INVALID, path + ".config[" + c
                  + "].opaque.parameters.sharing.mpsConfig.defaultPerDevicePinnedMemoryLimit." + key,
              "expected the UUID of a device the claim's selectors pin " + pinned.get() + ", found '" + key
                  + "'; the driver fails NodePrepareResources with \"invalid device\"",
              "key the limit by the pinned device's UUID, or by its index (0, 1, ...)");
        }
      }
    }
  }

  /** The UUIDs the selectors pin, when every request pins its devices; empty otherwise. */
  private static Optional<Set<String>> pinned(DeviceClaim claim) {
    Set<String> uuids = new TreeSet<>();
    List<DeviceRequest> requests = Nulls.list(claim.getRequests());
    for (DeviceRequest request : requests) {
      List<List<DeviceSelector>> alternatives = new ArrayList<>();
      if (request.getExactly() != null) {
        alternatives.add(Nulls.list(request.getExactly().getSelectors()));
      }
      Nulls.list(request.getFirstAvailable()).forEach(sub -> alternatives.add(Nulls.list(sub.getSelectors())));
      for (List<DeviceSelector> selectors : alternatives) {
        boolean pins = false;
        for (DeviceSelector selector : selectors) {
          Matcher matcher = UUID_PIN.matcher(selector.getCel() == null || selector.getCel().getExpression() == null
              ? "" : selector.getCel().getExpression());
          if (matcher.find() && !selector.getCel().getExpression().contains("||")) {
            uuids.add(matcher.group(1));
            pins = true;
          }
        }
        if (!pins) {
          return Optional.empty();
        }
      }
    }
    return requests.isEmpty() ? Optional.empty() : Optional.of(uuids);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> perDevice(Optional<Map<String, Object>> parameters) {
    Object sharing = parameters.orElse(Map.of()).get("sharing");
    Object mps = sharing instanceof Map<?, ?> s ? s.get("mpsConfig") : null;
    Object limits = mps instanceof Map<?, ?> m ? m.get("defaultPerDevicePinnedMemoryLimit") : null;
    return limits instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
