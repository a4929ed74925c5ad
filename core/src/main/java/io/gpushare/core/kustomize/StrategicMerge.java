package io.gpushare.core.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A strategic-merge patch laid over an object, on SnakeYAML node trees, as kustomize does it through
 * apimachinery's {@code strategicpatch} package: maps merge key by key, recursively; a {@code null}
 * deletes a key; the lists {@link PatchMergeKeys} names merge item by item on their merge key (items
 * the object lacks come first, in the patch's order, as {@code kustomize build} writes them); every
 * other list and every scalar is replaced. Directives:
 * {@code $patch: replace} in a map (the patch's map, whole) or as an item of a list (the patch's
 * list, whole), {@code $patch: delete} in a map (the map goes) or in a list item (the item with that
 * key goes). Other {@code $} directives ({@code $retainKeys}, {@code $setElementOrder}) only order
 * or prune what the merge keeps and are dropped.
 *
 * <pre>
 * # object                          # patch                          # result
 * containers:                       containers:                      containers:
 * - name: vllm                      - name: vllm                     - name: vllm
 *   image: vllm/vllm-openai:v0.10.0   args: [--max-model-len=1200]     image: vllm/vllm-openai:v0.10.0
 *   args: [--tensor-parallel-size=2]                                   args: [--max-model-len=1200]
 * </pre>
 *
 * <p>The result shares no node with a patch it could later change, and keeps each node's marks, so
 * a finding names the file (object or patch) that holds its field.
 */
final class StrategicMerge {
  static final String DIRECTIVE = "$patch";

  private StrategicMerge() {}

  /** {@code object} with {@code patch} laid over it; empty when the patch deletes the object. */
  static Optional<Node> apply(Node object, Node patch) {
    return merge(object, patch, "");
  }

  private static Optional<Node> merge(Node object, Node patch, String field) {
    if (patch instanceof MappingNode patchMap) {
      Optional<String> directive = Nodes.string(patchMap, DIRECTIVE);
      if (directive.filter("delete"::equals).isPresent()) {
        return Optional.empty();
      }
      if (directive.filter("replace"::equals).isPresent() || !(object instanceof MappingNode)) {
        return Optional.of(withoutDirectives(patchMap));
      }
      return Optional.of(mergeMaps((MappingNode) object, patchMap));
    }
    if (patch instanceof SequenceNode patchList && object instanceof SequenceNode objectList) {
      return Optional.of(mergeLists(objectList, patchList, field));
    }
    return Optional.of(patch);
  }

  private static MappingNode mergeMaps(MappingNode object, MappingNode patch) {
    List<NodeTuple> tuples = new ArrayList<>(object.getValue());
    for (NodeTuple entry : patch.getValue()) {
      if (!(entry.getKeyNode() instanceof ScalarNode key) || key.getValue().startsWith("$")) {
        continue;
      }
      int at = indexOf(tuples, key.getValue());
      Node value = entry.getValueNode();
      if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
        if (at >= 0) {
          tuples.remove(at);
        }
        continue;
      }
      if (at < 0) {
        if (!(value instanceof MappingNode map && Nodes.string(map, DIRECTIVE).filter("delete"::equals).isPresent())) {
          tuples.add(new NodeTuple(key, withoutDirectives(value)));
        }
        continue;
      }
      Node current = tuples.get(at).getValueNode();
      Optional<Node> merged = merge(current, value, key.getValue());
      if (merged.isEmpty()) {
        tuples.remove(at);
      } else {
        boolean recursive = current instanceof MappingNode && value instanceof MappingNode
            && Nodes.string(value, DIRECTIVE).isEmpty() || current instanceof SequenceNode
            && value instanceof SequenceNode && merged.get() != value;
        // a value merged into the object's keeps the object's key; a replaced value names the patch's line
        tuples.set(at, new NodeTuple(recursive ? tuples.get(at).getKeyNode() : key, merged.get()));
      }
    }
    return new MappingNode(object.getTag(), true, tuples, object.getStartMark(), object.getEndMark(), object.getFlowStyle());
  }

  private static Node mergeLists(SequenceNode object, SequenceNode patch, String field) {
    boolean containerPorts = patch.getValue().stream().anyMatch(item -> Nodes.get(item, "containerPort").isPresent())
        || object.getValue().stream().anyMatch(item -> Nodes.get(item, "containerPort").isPresent());
    List<Node> patchItems = new ArrayList<>();
    for (Node item : patch.getValue()) {
      if (item instanceof MappingNode map && map.getValue().size() == 1
          && Nodes.string(map, DIRECTIVE).filter("replace"::equals).isPresent()) {
        List<Node> rest = new ArrayList<>(patch.getValue());
        rest.remove(item);
        return new SequenceNode(patch.getTag(), true, rest.stream().map(StrategicMerge::withoutDirectives).toList(),
            patch.getStartMark(), patch.getEndMark(), patch.getFlowStyle());
      }
      patchItems.add(item);
    }
    Optional<String> mergeKey = PatchMergeKeys.of(field, containerPorts);
    if (mergeKey.isEmpty()) {
      return patch;
    }
    List<Node> items = new ArrayList<>(object.getValue());
    List<Node> added = new ArrayList<>();
    for (Node item : patchItems) {
      Optional<String> key = Nodes.string(item, mergeKey.get());
      int at = key.isEmpty() ? -1 : indexOfItem(items, mergeKey.get(), key.get());
      boolean delete = Nodes.string(item, DIRECTIVE).filter("delete"::equals).isPresent();
      if (at < 0) {
        if (!delete) {
          added.add(withoutDirectives(item));
        }
      } else if (delete) {
        items.remove(at);
      } else {
        Optional<Node> merged = merge(items.get(at), item, "");
        if (merged.isPresent()) {
          items.set(at, merged.get());
        } else {
          items.remove(at);
        }
      }
    }
    // kustomize (kyaml's merge) puts the items only the patch has first, in the patch's order
    added.addAll(items);
    return new SequenceNode(object.getTag(), true, added, object.getStartMark(), object.getEndMark(), object.getFlowStyle());
  }

  /** A patch's node as it goes into the result: without {@code $} directives, at any depth. */
  static Node withoutDirectives(Node node) {
    if (node instanceof MappingNode map) {
      List<NodeTuple> tuples = new ArrayList<>();
      for (NodeTuple tuple : map.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key && key.getValue().startsWith("$"))) {
          tuples.add(new NodeTuple(tuple.getKeyNode(), withoutDirectives(tuple.getValueNode())));
        }
      }
      return new MappingNode(map.getTag(), true, tuples, map.getStartMark(), map.getEndMark(), map.getFlowStyle());
    }
    if (node instanceof SequenceNode list) {
      return new SequenceNode(list.getTag(), true, list.getValue().stream().map(StrategicMerge::withoutDirectives).toList(),
          list.getStartMark(), list.getEndMark(), list.getFlowStyle());
    }
    return node;
  }

  private static int indexOf(List<NodeTuple> tuples, String key) {
    for (int i = 0; i < tuples.size(); i++) {
      if (tuples.get(i).getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfItem(List<Node> items, String mergeKey, String value) {
    for (int i = 0; i < items.size(); i++) {
      if (Nodes.string(items.get(i), mergeKey).filter(value::equals).isPresent()) {
        return i;
      }
    }
    return -1;
  }
}
