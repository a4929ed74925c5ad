package io.gpushare.core.kube;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one Jackson mapper of the package's conversions between fabric8 objects and the plain maps of
 * a generic resource (a LeaderWorkerSet's pod templates), and of its deep copies. Loaded on the
 * first conversion only.
 */
final class KubeJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private KubeJson() {}

  /** The value as a mutable map, in the order of its fields. */
  static Map<String, Object> toMap(Object value) {
    return MAPPER.convertValue(value, MAP);
  }

  /** The value (a map or another fabric8 object) as {@code type}. */
  static <T> T convert(Object value, Class<T> type) {
    return MAPPER.convertValue(value, type);
  }

  /** A deep copy of the object, of its own class. */
  static HasMetadata copy(HasMetadata resource) {
    return MAPPER.convertValue(resource, resource.getClass());
  }
}
