package io.gpushare.core.yaml;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The lines of a composed document, without the document: for each mapping its keys and the line
 * of each key, for each sequence the line of each item, and the same below them. What
 * {@link ReadManifests#location} needs to point a finding at its line, kept instead of SnakeYAML's
 * node tree (whose every node holds two marks and the marks the reader's buffer), so that a
 * directory of ten thousand files is not held in memory as node trees until its findings are printed.
 *
 * <pre>
 * spec:                 # key "spec", line 5
 *   containers:         # key "containers", line 6
 *   - name: vllm        # item 0, line 7
 * </pre>
 */
final class LineTree {
  /** A scalar: only its own line, which its parent already holds. */
  private static final LineTree SCALAR = new LineTree(0, null, null, null);

  private final int line;
  /** The keys of a mapping in order (null for a sequence); a key's line and value are at the same index. */
  private final String[] keys;
  /** The line of each key of a mapping, or of each item of a sequence. */
  private final int[] lines;
  private final LineTree[] children;

  private LineTree(int line, String[] keys, int[] lines, LineTree[] children) {
    this.line = line;
    this.keys = keys;
    this.lines = lines;
    this.children = children;
  }

  /** The lines of {@code root}; a node reached twice through an alias is indexed once. */
  static LineTree of(Node root) {
    return of(root, new IdentityHashMap<>());
  }

  private static LineTree of(Node node, Map<Node, LineTree> seen) {
    if (node instanceof ScalarNode) {
      return SCALAR;
    }
    LineTree known = seen.get(node);
    if (known != null) {
      return known;
    }
    LineTree tree;
    int line = node.getStartMark().getLine() + 1;
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> tuples = mapping.getValue();
      String[] keys = new String[tuples.size()];
      int[] lines = new int[tuples.size()];
      LineTree[] children = new LineTree[tuples.size()];
      for (int i = 0; i < tuples.size(); i++) {
        NodeTuple tuple = tuples.get(i);
        // a key that is no scalar is never found by a path: no name
        keys[i] = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue().intern() : null;
        lines[i] = tuple.getKeyNode().getStartMark().getLine() + 1;
        children[i] = of(tuple.getValueNode(), seen);
      }
      tree = new LineTree(line, keys, lines, children);
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      int[] lines = new int[items.size()];
      LineTree[] children = new LineTree[items.size()];
      for (int i = 0; i < items.size(); i++) {
        lines[i] = items.get(i).getStartMark().getLine() + 1;
        children[i] = of(items.get(i), seen);
      }
      tree = new LineTree(line, null, lines, children);
    } else {
      tree = SCALAR;
    }
    seen.put(node, tree);
    return tree;
  }

  /** The line of the document's first line. */
  int line() {
    return line;
  }

  /**
   * The line of a path such as {@code .spec.template.spec.containers[0].args[3]} under this node:
   * the line of the deepest key or item of the path that exists; this node's own line when none does.
   */
  int lineOf(String path) {
    LineTree node = this;
    int found = line;
    int i = 0;
    while (i < path.length() && node != null) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String key = path.substring(i + 1, end);
        LineTree next = null;
        if (node.keys != null) {
          for (int k = 0; k < node.keys.length; k++) {
            if (key.equals(node.keys[k])) {
              next = node.children[k];
              found = node.lines[k];
            }
          }
        }
        node = next;
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          break;
        }
        LineTree next = null;
        try {
          int index = Integer.parseInt(path.substring(i + 1, end));
          if (node.keys == null && node.lines != null && index < node.lines.length) {
            next = node.children[index];
            found = node.lines[index];
          }
        } catch (NumberFormatException e) {
          next = null;
        }
        node = next;
        i = end + 1;
      } else {
        break;
      }
    }
    return found;
  }
}
