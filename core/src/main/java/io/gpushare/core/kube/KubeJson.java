package io.gpushare.core.kube;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gpushare's one home of Jackson for the fabric8 model: reading manifests into typed objects,
 * conversions between fabric8 objects and plain maps (a LeaderWorkerSet's pod templates, DRA objects
 * of another API version), deep copies, the strings the credential scan reads as the objects are
 * written and the sizes the API server limits. One mapper reads and converts, so each model class is
 * introspected once per process; its property deserializers are found when first needed
 * ({@link LazyPropertyDeserializers}), so a short command introspects only the classes its manifests hold. Unknown fields are kept out of the typed object
 * rather than failing: the rules report what they judge. Made on first use.
 *
 * <p>Writing (the credential scan's strings, sizes, the renderer's node trees) goes through this mapper
 * for the first {@value #PLAIN_WRITES} objects of a process, then through a second one with Jackson's
 * Blackbird module, which replaces reflective getter calls with generated lambdas: the largest single
 * cost of writing the model once warm (docs/performance.md), but a cost at start-up (a lambda class per
 * getter) that a command writing a handful of objects never earns back. Both write the same JSON.
 */
public final class KubeJson {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** How many objects are written before the Blackbird mapper takes over. */
  static final int PLAIN_WRITES = 256;
  private static final AtomicInteger WRITTEN = new AtomicInteger();

  private KubeJson() {}

  /** Made when a process first writes more than {@value #PLAIN_WRITES} objects. Thread-safe once built. */
  private static final class Warm {
    // fabric8's model classes carry their own Jackson annotations (NON_NULL / NON_EMPTY inclusion,
    // IntOrString and Quantity serializers); a plain mapper honours them
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new BlackbirdModule());
  }

  /** The mapper that writes the next object: the plain one at first, Blackbird's once warm. */
  private static ObjectMapper writer() {
    return WRITTEN.get() < PLAIN_WRITES && WRITTEN.incrementAndGet() <= PLAIN_WRITES ? Holder.MAPPER : Warm.MAPPER;
  }

  /** Holder: the mapper is built on the first conversion, not when the class is loaded. */
  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .registerModule(LazyPropertyDeserializers.module());
  }

  /** The value as a mutable map, in the order of its fields. */
  public static Map<String, Object> toMap(Object value) {
    return Holder.MAPPER.convertValue(value, MAP);
  }

  /**
   * The value (a map, such as a YAML document's, or another fabric8 object) as {@code type}; for
   * {@code KubernetesResource.class}, fabric8's registry picks the class of the map's apiVersion and kind.
   *
   * @throws IllegalArgumentException when the value does not fit the type, with Jackson's reason
   */
  public static <T> T convert(Object value, Class<T> type) {
    return Holder.MAPPER.convertValue(value, type);
  }

  /**
   * A Kubernetes object read from its map (a YAML document's): of the fabric8 model class of its
   * {@code apiVersion} and {@code kind}, or a {@link GenericKubernetesResource} when no model jar has one.
   *
   * @throws IllegalArgumentException when the map does not fit the class, with Jackson's reason
   */
  public static HasMetadata readObject(Map<String, Object> object, String apiVersion, String kind) {
    Optional<Class<? extends HasMetadata>> type = KubeKinds.typeOf(apiVersion, kind);
    return type.isPresent() ? convert(object, type.get()) : convert(object, GenericKubernetesResource.class);
  }

  /** A deep copy of the object, of its own class. */
  public static HasMetadata copy(HasMetadata resource) {
    return Holder.MAPPER.convertValue(resource, resource.getClass());
  }

  /**
   * Writes the value into the generator (the renderer's node-tree generator), with this mapper as
   * the generator's codec: fabric8 writes opaque values it does not know the type of with
   * {@code writeObject}, which needs one.
   */
  public static void writeTo(JsonGenerator generator, Object value) throws IOException {
    ObjectMapper mapper = writer();
    generator.setCodec(mapper);
    mapper.writeValue(generator, value);
  }

  /** The size in bytes of the value's JSON, as the API server measures it; 0 when it cannot be written. */
  public static int jsonSize(Object value) {
    try {
      return writer().writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
    } catch (JsonProcessingException e) {
      return 0;
    }
  }

  /** The JSON names of a model class's fields, in the model's order. */
  public static List<String> fieldNames(Class<?> type) {
    return Holder.MAPPER.getSerializationConfig().introspect(Holder.MAPPER.constructType(type)).findProperties()
        .stream().map(BeanPropertyDefinition::getName).toList();
  }
}
