package io.gpushare.core.yaml;

import io.gpushare.core.kube.KubeJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a fabric8 object (or any Jackson-serializable value, such as the opaque driver parameters)
 * into an ordered {@link YamlNode} tree. Jackson's serializers for the fabric8 model, those of
 * gpushare's one mapper ({@link KubeJson}, which switches to generated getters once warm), write
 * straight into a {@link NodeTreeGenerator}: no JSON text, no token buffer, no {@code JsonNode} tree.
 */
final class NodeTrees {
  private NodeTrees() {}

  static YamlNode fromObject(Object value, Shape shape) {
    NodeTreeGenerator generator = new NodeTreeGenerator(shape);
    try {
      KubeJson.writeTo(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot convert " + value.getClass().getName() + " to YAML", e);
    }
    return generator.root();
  }
}
