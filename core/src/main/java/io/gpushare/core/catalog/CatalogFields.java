package io.gpushare.core.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The fields of one composed YAML mapping of a catalog file, checked against the keys it may have:
 * a duplicate or unknown key, a missing required one, or a value of the wrong YAML type is a
 * {@link CatalogParseException} at its line, naming the key and where it is ({@code gpus[0]}).
 */
final class CatalogFields {
  private final String source;
  private final String where;
  private final Node node;
  private final Map<String, Node> values = new LinkedHashMap<>();

  private CatalogFields(String source, String where, Node node) {
    this.source = source;
    this.where = where;
    this.node = node;
  }

  /** The mapping at {@code node}, which may have only the {@code keys} given. */
  static CatalogFields of(Node node, String where, String source, List<String> keys) {
    CatalogFields fields = new CatalogFields(source, where, node);
    if (!(node instanceof MappingNode mapping)) {
      throw fields.error(node, "expected " + where + " to be a mapping with " + String.join(", ", keys) + ", found "
          + kind(node));
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key) || !Tag.STR.equals(key.getTag())) {
        throw fields.error(tuple.getKeyNode(), "expected a plain key in " + where + ", found " + kind(tuple.getKeyNode()));
      }
      if (!keys.contains(key.getValue())) {
        throw fields.error(key, "unknown key '" + key.getValue() + "' in " + where + "; expected "
            + String.join(", ", keys));
      }
      if (fields.values.put(key.getValue(), tuple.getValueNode()) != null) {
        throw fields.error(key, "duplicate key '" + key.getValue() + "' in " + where
            + " (duplicate keys are refused: one of the values would be lost)");
      }
    }
    return fields;
  }

  /** The value of {@code key}, absent when the key is missing or its value is null. */
  Optional<Node> node(String key) {
    Node value = values.get(key);
    return value == null || Tag.NULL.equals(value.getTag()) ? Optional.empty() : Optional.of(value);
  }

  /** The scalar of a key that must be there, of one of the YAML types given. */
  ScalarNode required(String key, Set<Tag> types) {
    return scalar(key, types).orElseThrow(() -> error(node, "missing key '" + key + "' in " + where));
  }

  /** The scalar of an optional key, of one of the YAML types given. */
  Optional<ScalarNode> scalar(String key, Set<Tag> types) {
    Optional<Node> value = node(key);
    if (value.isPresent() && !(value.get() instanceof ScalarNode scalar && types.contains(scalar.getTag()))) {
      throw error(value.get(), "expected " + where + "." + key + " to be " + expected(types) + ", found "
          + kind(value.get()) + (types.equals(Set.of(Tag.STR)) && value.get() instanceof ScalarNode
          ? " (quote it to make it a string)" : ""));
    }
    return value.map(ScalarNode.class::cast);
  }

  /** A string that must be there and not blank. */
  String string(String key) {
    ScalarNode scalar = required(key, Set.of(Tag.STR));
    if (scalar.getValue().isBlank()) {
      throw error(scalar, "expected " + where + "." + key + " to be a name, found an empty string");
    }
    return scalar.getValue();
  }

  /** The items of an optional list of strings, empty when the key is missing. */
  List<ScalarNode> strings(String key) {
    Optional<Node> value = node(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      throw error(value.get(), "expected " + where + "." + key + " to be a list of strings, found " + kind(value.get()));
    }
    List<ScalarNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (!(item instanceof ScalarNode scalar) || !Tag.STR.equals(scalar.getTag()) || scalar.getValue().isBlank()) {
        throw error(item, "expected " + where + "." + key + " to be a list of strings, found " + kind(item)
            + " in it");
      }
      items.add(scalar);
    }
    return items;
  }

  String where() {
    return where;
  }

  CatalogParseException error(Node at, String problem) {
    return new CatalogParseException(source, at.getStartMark().getLine() + 1, problem);
  }

  private static String expected(Set<Tag> types) {
    return types.equals(Set.of(Tag.STR)) ? "a string" : types.contains(Tag.STR) ? "a string or a number" : "a number";
  }

  /** What a node is, in YAML's words: a mapping, a list, an int 3, a string 'x', a !custom tag. */
  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    if (Tag.NULL.equals(tag)) {
      return "nothing";
    }
    String type = Tag.STR.equals(tag) ? "a string" : Tag.INT.equals(tag) ? "an int" : Tag.FLOAT.equals(tag)
        ? "a float" : Tag.BOOL.equals(tag) ? "a boolean" : "a value tagged " + tag.getValue();
    return type + " '" + scalar.getValue() + "'";
  }
}
