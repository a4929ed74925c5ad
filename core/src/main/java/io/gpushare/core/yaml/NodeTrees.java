package io.gpushare.core.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a fabric8 object (or any Jackson-serializable value, such as the opaque driver parameters)
 * into an ordered {@link YamlNode} tree. Jackson's serializers for the fabric8 model stream into a
 * {@link TokenBuffer} (no JSON text, no {@code JsonNode} tree), and the tokens become nodes ordered by
 * the kind's {@link Shape} as they are read.
 */
final class NodeTrees {
  // fabric8's model classes carry their own Jackson annotations (NON_NULL / NON_EMPTY inclusion,
  // IntOrString and Quantity serializers); a plain mapper honours them. Blackbird replaces Jackson 2's
  // reflective getter calls with generated lambdas, the largest single cost of serializing the model.
  // Shared: thread-safe once built.
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new BlackbirdModule());

  private NodeTrees() {}

  static YamlNode fromObject(Object value, Shape shape) {
    try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
      MAPPER.writeValue(buffer, value);
      try (JsonParser parser = buffer.asParser()) {
        parser.nextToken();
        return read(parser, shape);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot convert " + value.getClass().getName() + " to YAML", e);
    }
  }

  private static YamlNode read(JsonParser parser, Shape shape) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        YamlMapping mapping = new YamlMapping(8);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Shape.Field field = shape.field(key);
          parser.nextToken();
          mapping.put(key, field, read(parser, field.child));
        }
        mapping.order();
        return mapping;
      }
      case START_ARRAY -> {
        YamlSequence sequence = new YamlSequence();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          sequence.add(read(parser, shape));
        }
        return sequence;
      }
      case VALUE_STRING -> {
        return YamlScalar.string(parser.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return YamlScalar.number(parser.getNumberValue());
      }
      case VALUE_TRUE -> {
        return YamlScalar.TRUE;
      }
      case VALUE_FALSE -> {
        return YamlScalar.FALSE;
      }
      case VALUE_NULL -> {
        return YamlScalar.NULL;
      }
      default -> {
        Object embedded = parser.getEmbeddedObject();
        return embedded == null ? YamlScalar.NULL : YamlScalar.string(embedded.toString());
      }
    }
  }
}
