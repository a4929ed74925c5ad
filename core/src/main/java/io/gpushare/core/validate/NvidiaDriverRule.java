package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.gpushare.core.kube.NvidiaConfigProblem;
import io.gpushare.core.kube.NvidiaConfigRead;
import io.gpushare.core.kube.NvidiaConfigs;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.NvidiaDeviceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the NVIDIA DRA driver (v0.4.0) would refuse at NodePrepareResources, or silently ignore, in
 * the opaque configs of {@code gpu.nvidia.com}: everything {@link NvidiaConfigs} finds in the
 * parameters themselves (its strict decoder, its {@code Validate()}, its MPS limit parsing), and the
 * pairing of config kind with the claim's devices. Source: {@code nvidia-dra-driver.md} sections 1-3.
 */
final class NvidiaDriverRule implements Rule {

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (DeviceClaims.DeviceClaimView claim : context.deviceClaims().all()) {
      checkClaim(claim.devices(), claim.claimDevices(), claim.devicesPath(), findings);
      if (claim.devices() != null) {
        PinnedDeviceKeys.check(claim.devices(), claim.devicesPath(), findings);
      }
    }
    FeatureGates.check(context, findings);
  }

  private static void checkClaim(DeviceClaim claim, ClaimDevices devices, String path, Findings findings) {
    if (claim == null) {
      return;
    }
    Map<String, String> classByRequest = new LinkedHashMap<>();
    for (DeviceRequest request : Nulls.list(claim.getRequests())) {
      if (request.getExactly() != null) {
        classByRequest.put(request.getName(), request.getExactly().getDeviceClassName());
      }
      Nulls.list(request.getFirstAvailable()).forEach(sub ->
          classByRequest.put(request.getName() + "/" + sub.getName(), sub.getDeviceClassName()));
    }
    List<DeviceClaimConfiguration> configs = Nulls.list(claim.getConfig());
    for (int c = 0; c < configs.size(); c++) {
      NvidiaConfigRead read = devices.config(c).orElse(null);
      if (read == null || !read.object()) {
        continue; // another driver's, or not an object, which the API server rule reports
      }
      String at = path + ".config[" + c + "].opaque.parameters";
      for (NvidiaConfigProblem problem : read.problems()) {
        findings.add(code(problem.type()), at + "." + problem.path(), problem.message(), problem.hint());
      }
      if (read.value().isPresent()) {
        checkDeviceKinds(Nulls.list(configs.get(c).getRequests()), read.value().get(), classByRequest, claim,
            path + ".config[" + c + "].requests", findings);
      }
    }
  }

  private static FindingCode code(NvidiaConfigProblem.Type type) {
    return switch (type) {
      case TYPE_MISSING -> FindingCode.NVIDIA_CONFIG_TYPE_MISSING;
      case API_VERSION_UNKNOWN -> FindingCode.NVIDIA_API_VERSION_UNKNOWN;
      case KIND_UNKNOWN -> FindingCode.NVIDIA_CONFIG_KIND_UNKNOWN;
      case UNKNOWN_FIELD -> FindingCode.NVIDIA_UNKNOWN_FIELD;
      case FIELD_TYPE -> FindingCode.NVIDIA_FIELD_TYPE;
      case STRATEGY_UNKNOWN -> FindingCode.SHARING_STRATEGY_UNKNOWN;
      case CONFIG_MISMATCH -> FindingCode.SHARING_CONFIG_MISMATCH;
      case MIG_TIME_SLICING -> FindingCode.MIG_TIME_SLICING_NO_EFFECT;
      case INTERVAL_UNKNOWN -> FindingCode.TIME_SLICE_INTERVAL_UNKNOWN;
      case THREAD_PERCENTAGE_RANGE -> FindingCode.MPS_THREAD_PERCENTAGE_RANGE;
      case THREAD_PERCENTAGE_ZERO -> FindingCode.MPS_THREAD_PERCENTAGE_ZERO;
      case PINNED_MEMORY_TOO_LOW -> FindingCode.MPS_PINNED_MEMORY_TOO_LOW;
      case PINNED_MEMORY_DECIMAL_UNITS -> FindingCode.MPS_PINNED_MEMORY_DECIMAL_UNITS;
      case DEVICE_KEY_INVALID -> FindingCode.MPS_DEVICE_KEY_INVALID;
    };
  }

  private static void checkDeviceKinds(List<String> requests, NvidiaDeviceConfig config,
      Map<String, String> classByRequest, DeviceClaim claim, String path, Findings findings) {
    String expected = config.deviceClass();
    String kind = config.kind();
    String otherKindHint = config instanceof GpuConfig
        ? "use kind: " + MigDeviceConfig.KIND + " for MIG slices" : "use kind: " + GpuConfig.KIND + " for whole GPUs";
    if (requests.isEmpty()) {
      // a config naming no request applies to all; the driver then skips the devices of the other
      // type silently, so a kind that fits none of them configures nothing
      boolean fitsOne = classByRequest.values().stream().anyMatch(expected::equals);
      if (!fitsOne && !classByRequest.isEmpty()) {
        findings.add(FindingCode.NVIDIA_CONFIG_DEVICE_MISMATCH, path,
            "expected a " + expected + " request for a " + kind + " that names no request, found only "
                + classByRequest.values().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList(),
            otherKindHint);
      }
      return;
    }
    List<String> names = new ArrayList<>(requests);
    for (int r = 0; r < names.size(); r++) {
      String request = names.get(r);
      String deviceClass = classByRequest.get(request);
      if (deviceClass != null && (deviceClass.equals(GpuConfig.DEVICE_CLASS)
          || deviceClass.equals(MigDeviceConfig.DEVICE_CLASS)) && !deviceClass.equals(expected)) {
        findings.add(FindingCode.NVIDIA_CONFIG_DEVICE_MISMATCH, path + "[" + r + "]",
            "expected a " + expected + " request for a " + kind + ", found request '" + request + "' of class "
                + deviceClass,
            deviceClass.equals(MigDeviceConfig.DEVICE_CLASS) ? "use kind: " + MigDeviceConfig.KIND + " for MIG slices"
                : "use kind: " + GpuConfig.KIND + " for whole GPUs");
      }
      boolean hasSubrequests = Nulls.list(claim.getRequests()).stream()
          .anyMatch(q -> request.equals(q.getName()) && !Nulls.list(q.getFirstAvailable()).isEmpty());
      if (hasSubrequests) {
        List<String> subs = new ArrayList<>();
        Nulls.list(claim.getRequests()).stream().filter(q -> request.equals(q.getName()))
            .forEach(q -> Nulls.list(q.getFirstAvailable()).forEach(s -> subs.add(request + "/" + s.getName())));
        findings.add(FindingCode.FIRST_AVAILABLE_CONFIG_REFERENCE, path + "[" + r + "]",
            "expected the subrequests " + subs + " (the driver matches the allocated request name exactly), found '"
                + request + "'",
            "list each request/subrequest the config applies to; '" + request + "' alone never matches");
      }
    }
  }
}
