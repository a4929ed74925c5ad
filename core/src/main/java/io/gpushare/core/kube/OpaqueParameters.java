package io.gpushare.core.kube;

import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.GpuSharing;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.SharingStrategy;
import io.gpushare.core.model.NvidiaDeviceConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NVIDIA driver's opaque configuration as the ordered map fabric8 carries in
 * {@code OpaqueDeviceConfiguration.parameters}, with the driver's JSON field names.
 */
final class OpaqueParameters {
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private OpaqueParameters() {}

  /**
   * Parameters as fabric8 may hold them (our ordered map, a {@code GenericKubernetesResource} when
   * read from YAML, a {@code RawExtension} {@code {value: {...}}}) as one ordered map; empty when they
   * are not a JSON object.
   */
  static java.util.Optional<Map<String, Object>> asMap(Object parameters) {
    if (parameters == null) {
      return java.util.Optional.empty();
    }
    Object converted = parameters instanceof Map<?, ?> ? parameters : MAPPER.convertValue(parameters, Object.class);
    if (!(converted instanceof Map<?, ?> map)) {
      return java.util.Optional.empty();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    if (copy.size() == 1 && copy.get("value") instanceof Map<?, ?> inner && !copy.containsKey("kind")) {
      return asMap(inner);
    }
    return java.util.Optional.of(copy);
  }

  static Map<String, Object> of(NvidiaDeviceConfig config) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("apiVersion", NvidiaDeviceConfig.API_VERSION);
    parameters.put("kind", config.kind());
    if (config instanceof GpuConfig gpu) {
      gpu.sharing().ifPresent(sharing -> parameters.put("sharing", sharing(sharing)));
    } else if (config instanceof MigDeviceConfig mig) {
      mig.mps().ifPresent(mps -> {
        Map<String, Object> sharing = new LinkedHashMap<>();
        sharing.put("strategy", SharingStrategy.MPS.wireName());
        sharing.put("mpsConfig", mps(mps));
        parameters.put("sharing", sharing);
      });
    } else {
      throw new IllegalArgumentException("no conversion for opaque config kind " + config.kind());
    }
    return parameters;
  }

  private static Map<String, Object> sharing(GpuSharing sharing) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("strategy", sharing.strategy().wireName());
    sharing.timeSlicingConfig().ifPresent(ts -> {
      Map<String, Object> timeSlicing = new LinkedHashMap<>();
      timeSlicing.put("interval", ts.interval().wireName());
      map.put("timeSlicingConfig", timeSlicing);
    });
    sharing.mpsConfig().ifPresent(mps -> map.put("mpsConfig", mps(mps)));
    return map;
  }

  private static Map<String, Object> mps(MpsConfig mps) {
    Map<String, Object> map = new LinkedHashMap<>();
    mps.defaultActiveThreadPercentage().ifPresent(p -> map.put("defaultActiveThreadPercentage", p));
    mps.defaultPinnedDeviceMemoryLimit().ifPresent(q -> map.put("defaultPinnedDeviceMemoryLimit", q));
    if (!mps.defaultPerDevicePinnedMemoryLimit().isEmpty()) {
      map.put("defaultPerDevicePinnedMemoryLimit", new LinkedHashMap<>(mps.defaultPerDevicePinnedMemoryLimit()));
    }
    return map;
  }
}
