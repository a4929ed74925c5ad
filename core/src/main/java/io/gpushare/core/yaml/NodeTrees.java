package io.gpushare.core.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.gpushare.core.kube.KubeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a fabric8 object (or any Jackson-serializable value, such as the opaque driver parameters)
 * into an ordered {@link YamlNode} tree. Jackson's serializers for the fabric8 model write straight
 * into a {@link NodeTreeGenerator}: no JSON text, no token buffer, no {@code JsonNode} tree.
 *
 * <p>Two mappers, in turn, write the same trees. The first {@value #PLAIN_OBJECTS} objects of a
 * process go through gpushare's one mapper ({@link KubeJson}, whose serializers the validator has
 * usually built already); after that, through a mapper with Jackson's Blackbird module, which
 * replaces reflective getter calls with generated lambdas: the largest single cost of serializing
 * the model once warm (docs/performance.md), but a cost at start-up (a lambda class per getter)
 * that a command rendering a handful of objects never earns back.
 */
final class NodeTrees {
  /** How many objects are written before the Blackbird mapper takes over. */
  static final int PLAIN_OBJECTS = 256;
  private static final AtomicInteger WRITTEN = new AtomicInteger();

  private NodeTrees() {}

  /** Made when the first process writes more than {@value #PLAIN_OBJECTS} objects. Thread-safe once built. */
  private static final class Warm {
    // fabric8's model classes carry their own Jackson annotations (NON_NULL / NON_EMPTY inclusion,
    // IntOrString and Quantity serializers); a plain mapper honours them
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new BlackbirdModule());
  }

  static YamlNode fromObject(Object value, Shape shape) {
    NodeTreeGenerator generator = new NodeTreeGenerator(shape);
    try {
      if (WRITTEN.get() < PLAIN_OBJECTS && WRITTEN.incrementAndGet() <= PLAIN_OBJECTS) {
        KubeJson.writeTo(generator, value);
      } else {
        // fabric8 writes opaque values it does not know the type of (claim parameters without a kind)
        // with writeObject, which needs the mapper as the generator's codec
        generator.setCodec(Warm.MAPPER);
        Warm.MAPPER.writeValue(generator, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot convert " + value.getClass().getName() + " to YAML", e);
    }
    return generator.root();
  }
}
