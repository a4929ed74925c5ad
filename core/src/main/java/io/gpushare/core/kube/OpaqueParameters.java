package io.gpushare.core.kube;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A claim's opaque {@code parameters} as one ordered map, however fabric8 holds them: the map
 * gpushare writes, a {@code GenericKubernetesResource} when read from YAML, a {@code RawExtension}
 * {@code {value: {...}}}.
 */
final class OpaqueParameters {

  private OpaqueParameters() {}

  /** The parameters as an ordered map; empty when they are not a JSON object. */
  static Optional<Map<String, Object>> asMap(Object parameters) {
    if (parameters == null) {
      return Optional.empty();
    }
    Object converted = parameters instanceof Map<?, ?> ? parameters : KubeJson.convert(parameters, Object.class);
    if (!(converted instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    if (copy.size() == 1 && copy.get("value") instanceof Map<?, ?> inner && !copy.containsKey("kind")) {
      return asMap(inner);
    }
    return Optional.of(copy);
  }
}
