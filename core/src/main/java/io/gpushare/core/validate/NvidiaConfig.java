package io.gpushare.core.validate;

import io.gpushare.core.kube.KubeObjects;
import java.util.Map;
import java.util.Optional;

/**
 * The NVIDIA driver's opaque parameters read back from a claim as a plain ordered map (whatever
 * fabric8 holds them as: a map, a {@code GenericKubernetesResource}, a {@code RawExtension}), with
 * typed accessors for what the rules need.
 */
final class NvidiaConfig {
  static final String DRIVER = "gpu.nvidia.com";
  static final String API_VERSION = "resource.nvidia.com/v1beta1";

  private final Map<String, Object> parameters;

  private NvidiaConfig(Map<String, Object> parameters) {
    this.parameters = parameters;
  }

  @SuppressWarnings("unchecked")
  static NvidiaConfig read(Object parameters) {
    if (parameters == null) {
      return new NvidiaConfig(Map.of());
    }
    return new NvidiaConfig(KubeObjects.parametersAsMap(parameters).orElse(null));
  }

  /** Whether the parameters are a JSON object at all. */
  boolean isObject() {
    return parameters != null;
  }

  Map<String, Object> map() {
    return parameters == null ? Map.of() : parameters;
  }

  Optional<String> kind() {
    return string(map().get("kind"));
  }

  Optional<String> apiVersion() {
    return string(map().get("apiVersion"));
  }

  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> sharing() {
    return map().get("sharing") instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
  }

  Optional<String> strategy() {
    return sharing().flatMap(s -> string(s.get("strategy")));
  }

  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> mpsConfig() {
    return sharing().flatMap(s -> s.get("mpsConfig") instanceof Map<?, ?> m
        ? Optional.of((Map<String, Object>) m) : Optional.empty());
  }

  /** The MPS pinned memory limit every client gets, as written. */
  Optional<String> defaultPinnedDeviceMemoryLimit() {
    return mpsConfig().flatMap(m -> Optional.ofNullable(m.get("defaultPinnedDeviceMemoryLimit")).map(String::valueOf));
  }

  static Optional<String> string(Object value) {
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
