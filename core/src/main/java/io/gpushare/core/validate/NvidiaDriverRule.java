package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the NVIDIA DRA driver (v0.4.0) would refuse at NodePrepareResources, or silently ignore,
 * in the opaque configs of {@code gpu.nvidia.com}: its strict decoder (unknown fields), its
 * {@code Validate()} (strategy, interval, active thread percentage), its MPS limit parsing, and the
 * pairing of config kind with device type. Source: {@code nvidia-dra-driver.md} sections 1-3.
 */
final class NvidiaDriverRule implements Rule {
  static final String GPU_CLASS = "gpu.nvidia.com";
  static final String MIG_CLASS = "mig.nvidia.com";
  private static final long MIB = 1024L * 1024;
  private static final Pattern INDEX = Pattern.compile("[0-9]+");
  private static final Pattern UUID = Pattern.compile("(GPU|MIG)-[0-9a-fA-F-]+");
  private static final Pattern DECIMAL_SUFFIX = Pattern.compile(".*[0-9.](k|M|G|T|P|E)");
  private static final Map<String, Set<String>> FIELDS = Map.of(
      "GpuConfig", Set.of("apiVersion", "kind", "sharing"),
      "MigDeviceConfig", Set.of("apiVersion", "kind", "sharing"),
      "GpuConfig.sharing", Set.of("strategy", "timeSlicingConfig", "mpsConfig"),
      "MigDeviceConfig.sharing", Set.of("strategy", "mpsConfig"),
      "timeSlicingConfig", Set.of("interval"),
      "mpsConfig", Set.of("defaultActiveThreadPercentage", "defaultPinnedDeviceMemoryLimit",
          "defaultPerDevicePinnedMemoryLimit"));
  private static final List<String> INTERVALS = List.of("Default", "Short", "Medium", "Long");

  @Override
  public void check(ValidationContext context, Findings findings) {
    context.claims().forEach((name, claim) -> {
      ClaimDevices devices = context.devicesOfClaim(name);
      checkClaim(claim.getSpec() == null ? null : claim.getSpec().getDevices(), devices,
          "ResourceClaim[" + name + "].spec.devices", findings);
    });
    context.templates().forEach((name, template) -> {
      var spec = template.getSpec() == null ? null : template.getSpec().getSpec();
      checkClaim(spec == null ? null : spec.getDevices(), context.devicesOfTemplate(name),
          "ResourceClaimTemplate[" + name + "].spec.spec.devices", findings);
    });
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
      DeviceClaimConfiguration config = configs.get(c);
      if (config.getOpaque() == null || !GPU_CLASS.equals(config.getOpaque().getDriver())) {
        continue;
      }
      String at = path + ".config[" + c + "].opaque.parameters";
      NvidiaConfig parameters = NvidiaConfig.read(config.getOpaque().getParameters());
      if (!parameters.isObject()) {
        continue; // the API server rule reports it
      }
      String kind = checkType(parameters, at, findings);
      if (kind == null) {
        continue;
      }
      unknownFields(parameters.map(), kind, kind, at, findings);
      checkSharing(parameters, kind, devices, at, findings);
      checkDeviceKinds(Nulls.list(config.getRequests()), kind, classByRequest, claim, path + ".config[" + c + "].requests", findings);
    }
  }

  /** The kind when apiVersion and kind are right, else null after reporting. */
  private static String checkType(NvidiaConfig parameters, String at, Findings findings) {
    String apiVersion = parameters.apiVersion().orElse(null);
    if (!NvidiaConfig.API_VERSION.equals(apiVersion)) {
      findings.add(FindingCode.NVIDIA_CONFIG_TYPE_MISSING, at + ".apiVersion",
          "expected apiVersion " + NvidiaConfig.API_VERSION + ", found " + Names.quoted(apiVersion),
          "the driver decodes parameters by apiVersion and kind; write both");
    }
    String kind = parameters.kind().orElse(null);
    if (kind == null) {
      findings.add(FindingCode.NVIDIA_CONFIG_TYPE_MISSING, at + ".kind", "expected kind GpuConfig or MigDeviceConfig, found nothing",
          "GpuConfig for whole GPUs (gpu.nvidia.com), MigDeviceConfig for MIG slices (mig.nvidia.com)");
      return null;
    }
    if (!FIELDS.containsKey(kind)) {
      findings.add(FindingCode.NVIDIA_CONFIG_KIND_UNKNOWN, at + ".kind",
          "expected GpuConfig or MigDeviceConfig, found '" + kind + "'",
          "kinds are case-sensitive; VfioDeviceConfig is for passthrough, not sharing");
      return null;
    }
    return apiVersion == null ? null : kind;
  }

  @SuppressWarnings("unchecked")
  private static void unknownFields(Map<String, Object> object, String fieldsKey, String kind, String at,
      Findings findings) {
    Set<String> known = FIELDS.get(fieldsKey);
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      String field = entry.getKey();
      if (!known.contains(field)) {
        String hint = field.equals("timeSlicingConfig") && kind.equals("MigDeviceConfig")
            ? "MIG slices cannot be time-sliced; remove timeSlicingConfig (use MPS to share a slice)"
            : field.equals("multiUser")
                ? "mpsConfig.multiUser exists only in drivers after 0.4.0; remove it for 0.4.0"
                : "remove it: the driver's strict decoder rejects unknown fields at NodePrepareResources";
        findings.add(FindingCode.NVIDIA_UNKNOWN_FIELD, at + "." + field,
            "expected one of " + known.stream().sorted().toList() + " in " + kind + ", found '" + field + "'", hint);
        continue;
      }
      String childKey = field.equals("sharing") ? kind + ".sharing"
          : field.equals("timeSlicingConfig") || field.equals("mpsConfig") ? field : null;
      if (childKey != null && entry.getValue() instanceof Map<?, ?> child) {
        unknownFields((Map<String, Object>) child, childKey, kind, at + "." + field, findings);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkSharing(NvidiaConfig parameters, String kind, ClaimDevices devices, String at,
      Findings findings) {
    Object rawSharing = parameters.map().get("sharing");
    if (rawSharing != null && !(rawSharing instanceof Map)) {
      typeMismatch(at + ".sharing", "an object with strategy", rawSharing, findings);
      return;
    }
    Map<String, Object> sharing = parameters.sharing().orElse(null);
    if (sharing == null) {
      return;
    }
    String path = at + ".sharing";
    for (String field : List.of("timeSlicingConfig", "mpsConfig")) {
      Object value = sharing.get(field);
      if (value != null && !(value instanceof Map)) {
        typeMismatch(path + "." + field, "an object", value, findings);
      }
    }
    Object strategy = sharing.get("strategy");
    if (!"TimeSlicing".equals(strategy) && !"MPS".equals(strategy)) {
      String found = strategy == null ? "nothing" : "'" + strategy + "'";
      String hint = strategy instanceof String s && (s.equalsIgnoreCase("TimeSlicing") || s.equalsIgnoreCase("MPS"))
          ? "strategies are case-sensitive: write " + (s.equalsIgnoreCase("MPS") ? "MPS" : "TimeSlicing")
          : "use TimeSlicing or MPS; omit sharing for exclusive use";
      findings.add(FindingCode.SHARING_STRATEGY_UNKNOWN, path + ".strategy", "expected TimeSlicing or MPS, found " + found, hint);
    }
    if (sharing.containsKey("timeSlicingConfig") && "MPS".equals(strategy) && kind.equals("GpuConfig")) {
      findings.add(FindingCode.SHARING_CONFIG_MISMATCH, path + ".timeSlicingConfig",
          "expected timeSlicingConfig only with strategy TimeSlicing, found strategy MPS",
          "remove timeSlicingConfig, or set strategy: TimeSlicing");
    }
    if (sharing.containsKey("mpsConfig") && "TimeSlicing".equals(strategy)) {
      findings.add(FindingCode.SHARING_CONFIG_MISMATCH, path + ".mpsConfig",
          "expected mpsConfig only with strategy MPS, found strategy TimeSlicing",
          "remove mpsConfig, or set strategy: MPS");
    }
    if ("TimeSlicing".equals(strategy) && kind.equals("MigDeviceConfig")) {
      findings.add(FindingCode.MIG_TIME_SLICING_NO_EFFECT, path + ".strategy",
          "expected MPS to share a MIG slice, found TimeSlicing, which the driver accepts and ignores on MIG devices",
          "use strategy: MPS to share a MIG slice between containers");
    }
    if (sharing.get("timeSlicingConfig") instanceof Map<?, ?> timeSlicing && kind.equals("GpuConfig")) {
      Object interval = timeSlicing.get("interval");
      if (interval == null) {
        findings.add(FindingCode.TIME_SLICE_INTERVAL_UNKNOWN, path + ".timeSlicingConfig.interval",
            "expected an interval (Default, Short, Medium or Long), found none; the driver (0.4.0) dereferences it and"
                + " crashes",
            "write interval: Default, or remove timeSlicingConfig");
      } else if (!INTERVALS.contains(interval)) {
        findings.add(FindingCode.TIME_SLICE_INTERVAL_UNKNOWN, path + ".timeSlicingConfig.interval",
            "expected Default, Short, Medium or Long, found '" + interval + "'", "intervals are case-sensitive");
      }
    }
    if (sharing.get("mpsConfig") instanceof Map<?, ?> mps) {
      checkMps((Map<String, Object>) mps, devices, path + ".mpsConfig", findings);
    }
  }

  private static void checkMps(Map<String, Object> mps, ClaimDevices devices, String path, Findings findings) {
    Object percentage = mps.get("defaultActiveThreadPercentage");
    if (percentage != null) {
      if (!(percentage instanceof Integer || percentage instanceof Long)) {
        findings.add(FindingCode.MPS_THREAD_PERCENTAGE_RANGE, path + ".defaultActiveThreadPercentage",
            "expected a whole number in 0..100, found '" + percentage + "'", "write e.g. 50 for half the GPU's threads");
      } else {
        long value = ((Number) percentage).longValue();
        if (value < 0 || value > 100) {
          findings.add(FindingCode.MPS_THREAD_PERCENTAGE_RANGE, path + ".defaultActiveThreadPercentage",
              "expected 0..100, found " + value, "write e.g. 50 for half the GPU's threads");
        } else if (value == 0) {
          findings.add(FindingCode.MPS_THREAD_PERCENTAGE_ZERO, path + ".defaultActiveThreadPercentage",
              "expected 1..100, found 0: the driver accepts it and every client gets no threads to run on",
              "give each client a share, e.g. 100 / replicas");
        }
      }
    }
    Object limit = mps.get("defaultPinnedDeviceMemoryLimit");
    if (limit != null) {
      checkLimit(String.valueOf(limit), path + ".defaultPinnedDeviceMemoryLimit", findings);
    }
    Object perDeviceValue = mps.get("defaultPerDevicePinnedMemoryLimit");
    if (perDeviceValue != null && !(perDeviceValue instanceof Map)) {
      typeMismatch(path + ".defaultPerDevicePinnedMemoryLimit", "an object of device to quantity", perDeviceValue, findings);
    }
    if (perDeviceValue instanceof Map<?, ?> perDevice) {
      OptionalLong count = devices.deviceCount();
      for (Map.Entry<?, ?> entry : perDevice.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String at = path + ".defaultPerDevicePinnedMemoryLimit." + key;
        boolean validKey = UUID.matcher(key).matches();
        if (!validKey && INDEX.matcher(key).matches()) {
          validKey = count.isEmpty() || new BigInteger(key).compareTo(BigInteger.valueOf(count.getAsLong())) < 0;
          if (!validKey) {
            findings.add(FindingCode.MPS_DEVICE_KEY_INVALID, at,
                "expected a device index below " + count.getAsLong() + " (the claim's device count) or a GPU UUID, found "
                    + key,
                "indices count the claim's devices in the order of their sorted UUIDs, from 0");
            continue;
          }
        }
        if (!validKey) {
          findings.add(FindingCode.MPS_DEVICE_KEY_INVALID, at, "expected a device index or a UUID (GPU-... / MIG-...), found '"
              + key + "'", "key the limit by index (0, 1, ...) or by the device's UUID");
          continue;
        }
        checkLimit(String.valueOf(entry.getValue()), at, findings);
      }
    }
  }

  private static void typeMismatch(String path, String expected, Object found, Findings findings) {
    findings.add(FindingCode.NVIDIA_FIELD_TYPE, path,
        "expected " + expected + ", found " + (found instanceof String ? "the string '" + found + "'" : String.valueOf(found)),
        "the driver's decoder refuses a field of the wrong type; see the driver's GpuConfig in docs/validation.md");
  }

  private static void checkLimit(String limit, String path, Findings findings) {
    BigDecimal bytes;
    try {
      bytes = Quantity.getAmountInBytes(new Quantity(limit));
    } catch (IllegalArgumentException | ArithmeticException e) {
      findings.add(FindingCode.MPS_PINNED_MEMORY_TOO_LOW, path, "expected a quantity of at least 1Mi, found '" + limit + "'",
          "write a binary quantity such as 15Gi");
      return;
    }
    long mib = bytes.divideToIntegralValue(BigDecimal.valueOf(MIB)).longValue();
    if (mib < 1) {
      findings.add(FindingCode.MPS_PINNED_MEMORY_TOO_LOW, path,
          "expected at least 1Mi, found " + limit + " (the driver applies whole MiB and refuses 0)",
          "write a binary quantity such as 15Gi");
    } else if (DECIMAL_SUFFIX.matcher(limit).matches()) {
      findings.add(FindingCode.MPS_PINNED_MEMORY_DECIMAL_UNITS, path,
          "expected binary units (Mi, Gi), found " + limit + ", which the driver applies as " + mib + "M ("
              + mib + " MiB)",
          "write " + binary(mib) + " to say what the driver applies");
    }
  }

  private static String binary(long mib) {
    return mib % 1024 == 0 ? (mib / 1024) + "Gi" : mib + "Mi";
  }

  private static void checkDeviceKinds(List<String> requests, String kind, Map<String, String> classByRequest,
      DeviceClaim claim, String path, Findings findings) {
    String expected = kind.equals("GpuConfig") ? GPU_CLASS : MIG_CLASS;
    if (requests.isEmpty()) {
      // a config naming no request applies to all; the driver then skips the devices of the other
      // type silently, so a kind that fits none of them configures nothing
      boolean fitsOne = classByRequest.values().stream().anyMatch(expected::equals);
      if (!fitsOne && !classByRequest.isEmpty()) {
        findings.add(FindingCode.NVIDIA_CONFIG_DEVICE_MISMATCH, path,
            "expected a " + expected + " request for a " + kind + " that names no request, found only "
                + classByRequest.values().stream().distinct().sorted().toList(),
            expected.equals(GPU_CLASS) ? "use kind: MigDeviceConfig for MIG slices" : "use kind: GpuConfig for whole GPUs");
      }
      return;
    }
    List<String> names = new ArrayList<>(requests);
    for (int r = 0; r < names.size(); r++) {
      String request = names.get(r);
      String deviceClass = classByRequest.get(request);
      if (deviceClass != null && (deviceClass.equals(GPU_CLASS) || deviceClass.equals(MIG_CLASS))
          && !deviceClass.equals(expected)) {
        findings.add(FindingCode.NVIDIA_CONFIG_DEVICE_MISMATCH, path + "[" + r + "]",
            "expected a " + expected + " request for a " + kind + ", found request '" + request + "' of class "
                + deviceClass,
            deviceClass.equals(MIG_CLASS) ? "use kind: MigDeviceConfig for MIG slices"
                : "use kind: GpuConfig for whole GPUs");
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
