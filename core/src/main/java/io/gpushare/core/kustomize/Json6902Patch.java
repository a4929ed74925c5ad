package io.gpushare.core.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import io.gpushare.core.yaml.SourceNodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A JSON 6902 patch (a list of {@code op}s) applied to a resource by fabric8's {@code zjsonpatch},
 * then turned back into a node tree that keeps every node the operations did not change, so a
 * finding on an untouched field still names its line; a value an operation wrote points at the
 * patch.
 *
 * <pre>
 * - op: replace
 *   path: /spec/template/spec/containers/0/args/1
 *   value: --gpu-memory-utilization=0.42
 * </pre>
 */
final class Json6902Patch {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json6902Patch() {}

  /**
   * {@code resource} with the operations of {@code operations} applied.
   *
   * @throws IllegalArgumentException with zjsonpatch's reason when an operation does not apply (a
   *     path that does not exist, a failed {@code test})
   */
  static Node apply(Node resource, Node operations) {
    JsonNode patched;
    try {
      patched = JsonPatch.apply(json(operations), json(resource));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
    return rebuild(patched, resource, operations.getStartMark());
  }

  private static JsonNode json(Node node) {
    return MAPPER.valueToTree(SourceNodes.value(node));
  }

  /** {@code value} as a node tree, reusing {@code original}'s nodes where they hold the same value. */
  private static Node rebuild(JsonNode value, Node original, Mark mark) {
    if (original != null && json(original).equals(value)) {
      return original;
    }
    Mark at = original == null ? mark : original.getStartMark();
    if (value.isObject()) {
      List<NodeTuple> tuples = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        Optional<NodeTuple> old = original instanceof MappingNode map ? map.getValue().stream()
            .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(field.getKey())).findFirst()
            : Optional.empty();
        Node child = rebuild(field.getValue(), old.map(NodeTuple::getValueNode).orElse(null), mark);
        // a key whose value an operation wrote names the patch's line
        Node key = old.isPresent() && child == old.get().getValueNode() ? old.get().getKeyNode()
            : Nodes.string(field.getKey(), mark);
        tuples.add(new NodeTuple(key, child));
      }
      return new MappingNode(Tag.MAP, true, tuples, at, at, DumperOptions.FlowStyle.BLOCK);
    }
    if (value.isArray()) {
      List<Node> items = new ArrayList<>();
      List<Node> old = original instanceof SequenceNode list ? list.getValue() : List.of();
      for (int i = 0; i < value.size(); i++) {
        Node previous = i < old.size() ? old.get(i) : null;
        Node rebuilt = rebuild(value.get(i), previous, mark);
        items.add(rebuilt == previous ? previous : withMark(rebuilt, mark));
      }
      return new SequenceNode(Tag.SEQ, true, items, at, at, DumperOptions.FlowStyle.BLOCK);
    }
    Tag tag = value.isNull() ? Tag.NULL : value.isBoolean() ? Tag.BOOL : value.isIntegralNumber() ? Tag.INT
        : value.isNumber() ? Tag.FLOAT : Tag.STR;
    return new ScalarNode(tag, value.isNull() ? "null" : value.asText(), mark, mark, DumperOptions.ScalarStyle.PLAIN);
  }

  /** A written list item points at the patch. */
  private static Node withMark(Node node, Mark mark) {
    if (node instanceof ScalarNode scalar) {
      return new ScalarNode(scalar.getTag(), scalar.getValue(), mark, mark, scalar.getScalarStyle());
    }
    if (node instanceof MappingNode map) {
      return new MappingNode(map.getTag(), true, map.getValue(), mark, mark, map.getFlowStyle());
    }
    SequenceNode list = (SequenceNode) node;
    return new SequenceNode(list.getTag(), true, list.getValue(), mark, mark, list.getFlowStyle());
  }
}
