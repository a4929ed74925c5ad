package io.gpushare.core.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small reads and edits of SnakeYAML node trees: a key's value, a string, a new string value. */
final class Nodes {
  private Nodes() {}

  /** The value of {@code key} in a mapping node; empty for another node or a missing key. */
  static Optional<Node> get(Node node, String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(tuple.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  /** The text of a scalar value of {@code key}; empty when missing, null or not a scalar. */
  static Optional<String> string(Node node, String key) {
    return get(node, key).flatMap(Nodes::text);
  }

  /** The text of a scalar node that is not null. */
  static Optional<String> text(Node node) {
    return node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)
        ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  /** The items of a sequence value of {@code key}; none when missing or not a sequence. */
  static List<Node> items(Node node, String key) {
    return get(node, key).filter(SequenceNode.class::isInstance).map(n -> ((SequenceNode) n).getValue())
        .orElse(List.of());
  }

  /** Sets {@code key} of a mapping to {@code value}, replacing it or adding it last. */
  static void put(MappingNode mapping, String key, Node value, Mark mark) {
    List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
    for (int i = 0; i < tuples.size(); i++) {
      if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
        mapping.setValue(tuples);
        return;
      }
    }
    tuples.add(new NodeTuple(string(key, mark), value));
    mapping.setValue(tuples);
  }

  /** A string scalar whose marks are {@code mark}: where a kustomization's setting came from. */
  static ScalarNode string(String value, Mark mark) {
    return new ScalarNode(Tag.STR, value, mark, mark, DumperOptions.ScalarStyle.PLAIN);
  }

  /** A new empty mapping at {@code mark}. */
  static MappingNode mapping(Mark mark) {
    return new MappingNode(Tag.MAP, true, new ArrayList<>(), mark, mark, DumperOptions.FlowStyle.BLOCK);
  }
}
