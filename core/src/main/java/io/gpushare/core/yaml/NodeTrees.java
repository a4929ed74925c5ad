package io.gpushare.core.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a fabric8 object (or any Jackson-serializable value, such as the opaque driver parameters)
 * into an ordered {@link YamlNode} tree. Jackson's serializers for the fabric8 model write straight
 * into a {@link NodeTreeGenerator}: no JSON text, no token buffer, no {@code JsonNode} tree.
 */
final class NodeTrees {
  // fabric8's model classes carry their own Jackson annotations (NON_NULL / NON_EMPTY inclusion,
  // IntOrString and Quantity serializers); a plain mapper honours them. Blackbird replaces Jackson 2's
  // reflective getter calls with generated lambdas, the largest single cost of serializing the model.
  // Shared: thread-safe once built.
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new BlackbirdModule());

  private NodeTrees() {}

  static YamlNode fromObject(Object value, Shape shape) {
    NodeTreeGenerator generator = new NodeTreeGenerator(shape);
    // fabric8 writes opaque values it does not know the type of (claim parameters without a kind)
    // with writeObject, which needs the mapper as the generator's codec
    generator.setCodec(MAPPER);
    try {
      MAPPER.writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot convert " + value.getClass().getName() + " to YAML", e);
    }
    return generator.root();
  }
}
