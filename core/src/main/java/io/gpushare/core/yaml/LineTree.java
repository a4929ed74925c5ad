package io.gpushare.core.yaml;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of a composed document is, without the document: for each mapping its keys and
 * the line and column of each key, for each sequence those of each item, and the same below them.
 * What {@link ReadManifests#location} and {@link ReadManifests#column} need to point a finding at its
 * field, kept instead of SnakeYAML's node tree (whose every node holds two marks, and the marks the
 * reader's buffer), so that a directory of ten thousand files is not held in memory as node trees
 * until its findings are printed. The one walk of a finding's path over a document.
 *
 * <pre>
 * spec:                 # key "spec", line 5, column 1
 *   containers:         # key "containers", line 6, column 3
 *   - name: vllm        # item 0, line 7, column 5
 * </pre>
 *
 * For a tree merged from several files (a kustomize resource with a patch laid over it:
 * {@link SourceNodes}) each key and item also keeps the file its mark names.
 */
final class LineTree {
  /** A scalar: only its own position, which its parent already holds. */
  private static final LineTree SCALAR = new LineTree(null, null, null, null, null);

  /** The keys of a mapping in order (null for a sequence); a key's position and value are at the same index. */
  private final String[] keys;
  /** The line (from 1) of each key of a mapping, or of each item of a sequence. */
  private final int[] lines;
  /** The column (from 1) of each key or item. */
  private final int[] columns;
  /** The file of each key or item, when the tree was merged from several files; else null. */
  private final String[] sources;
  private final LineTree[] children;

  /** Where a path's deepest existing key or item is: its file (null: the document's own), line and column from 1. */
  record Position(String source, int line, int column) {}

  private LineTree(String[] keys, int[] lines, int[] columns, String[] sources, LineTree[] children) {
    this.keys = keys;
    this.lines = lines;
    this.columns = columns;
    this.sources = sources;
    this.children = children;
  }

  /** The positions under {@code root}, a document of one file. */
  static Indexed of(Node root) {
    return new Indexed(position(root.getStartMark(), false), index(root, false, new IdentityHashMap<>()));
  }

  /** The positions under {@code root}, whose nodes' marks name the file each comes from. */
  static Indexed ofSources(Node root) {
    return new Indexed(position(root.getStartMark(), true), index(root, true, new IdentityHashMap<>()));
  }

  /** A document's tree with the position of the document itself (where a path that finds nothing points). */
  record Indexed(Position root, LineTree tree) {
    /** The position of a path such as {@code .spec.template.spec.containers[0].args[3]}. */
    Position positionOf(String path) {
      return tree.positionOf(path, root);
    }
  }

  private static Position position(Mark mark, boolean withSource) {
    return new Position(withSource ? mark.getName() : null, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static LineTree index(Node node, boolean withSources, Map<Node, LineTree> seen) {
    if (node instanceof ScalarNode) {
      return SCALAR;
    }
    LineTree known = seen.get(node);
    if (known != null) {
      return known; // a node reached twice through an alias is indexed once
    }
    LineTree tree;
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> tuples = mapping.getValue();
      int size = tuples.size();
      String[] keys = new String[size];
      int[] lines = new int[size];
      int[] columns = new int[size];
      String[] sources = withSources ? new String[size] : null;
      LineTree[] children = new LineTree[size];
      for (int i = 0; i < size; i++) {
        NodeTuple tuple = tuples.get(i);
        // a key that is no scalar is never found by a path: no name
        keys[i] = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue().intern() : null;
        Mark mark = tuple.getKeyNode().getStartMark();
        lines[i] = mark.getLine() + 1;
        columns[i] = mark.getColumn() + 1;
        if (withSources) {
          sources[i] = mark.getName();
        }
        children[i] = index(tuple.getValueNode(), withSources, seen);
      }
      tree = new LineTree(keys, lines, columns, sources, children);
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      int size = items.size();
      int[] lines = new int[size];
      int[] columns = new int[size];
      String[] sources = withSources ? new String[size] : null;
      LineTree[] children = new LineTree[size];
      for (int i = 0; i < size; i++) {
        Mark mark = items.get(i).getStartMark();
        lines[i] = mark.getLine() + 1;
        columns[i] = mark.getColumn() + 1;
        if (withSources) {
          sources[i] = mark.getName();
        }
        children[i] = index(items.get(i), withSources, seen);
      }
      tree = new LineTree(null, lines, columns, sources, children);
    } else {
      tree = SCALAR;
    }
    seen.put(node, tree);
    return tree;
  }

  /**
   * The position of the deepest key or item of the path that exists under this node; {@code found}
   * (the document's own) when none does.
   */
  private Position positionOf(String path, Position found) {
    LineTree node = this;
    int i = 0;
    while (i < path.length() && node != null) {
      char c = path.charAt(i);
      LineTree next = null;
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String key = path.substring(i + 1, end);
        if (node.keys != null) {
          for (int k = 0; k < node.keys.length; k++) {
            if (key.equals(node.keys[k])) {
              next = node.children[k];
              found = node.at(k);
            }
          }
        }
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          break;
        }
        try {
          int index = Integer.parseInt(path.substring(i + 1, end));
          if (node.keys == null && node.lines != null && index < node.lines.length) {
            next = node.children[index];
            found = node.at(index);
          }
        } catch (NumberFormatException e) {
          next = null;
        }
        i = end + 1;
      } else {
        break;
      }
      node = next;
    }
    return found;
  }

  private Position at(int index) {
    return new Position(sources == null ? null : sources[index], lines[index], columns[index]);
  }
}
