package io.gpushare.core.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a document as SnakeYAML composed it (with its comments) into the ordered {@link YamlNode}
 * tree the emitter writes, with the {@link KubernetesStyle} shape of its kind: keys sorted, comment
 * lines carried with the entry they stand before or on. Scalars keep their meaning for Kubernetes
 * ({@link KubernetesScalars}): a number keeps the text it was written with ({@code 012},
 * {@code 1e3}), a string is quoted when a reader could take it for something else, a boolean or
 * null is written {@code true}, {@code false}, {@code null}.
 *
 * <p>What the emitter cannot write faithfully is refused with a {@link ManifestParseException}: a
 * key that is not a string ({@code 1:}, {@code ? [a, b]}), a merge key ({@code <<}), a lone UTF-16
 * surrogate, a tag other than the standard scalar ones.
 */
final class SourceTrees {
  private final String source;
  /** The comment lists already taken, per node: an aliased node is written twice, its comments once. */
  private final java.util.Map<Node, Set<Object>> takenLists = new IdentityHashMap<>();
  /** The comment lists already taken, per node: an aliased node is written twice, its comments once. */
  SourceTrees(String source) {
    this.source = source;
  }

  YamlNode document(Node root) {
    String kind = null;
    if (root instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("kind")
            && tuple.getValueNode() instanceof ScalarNode value) {
          kind = value.getValue();
        }
      }
    }
    return node(root, KubernetesStyle.forKind(kind));
  }

  private YamlNode node(Node node, Shape shape) {
    if (node instanceof MappingNode mapping) {
      YamlMapping result = new YamlMapping(Math.max(1, mapping.getValue().size()));
      for (NodeTuple tuple : mapping.getValue()) {
        String key = key(tuple.getKeyNode());
        Shape.Field field = shape.field(key);
        result.put(key, field, node(tuple.getValueNode(), field.child));
        YamlComments comments = comments(tuple.getKeyNode(), tuple.getValueNode());
        if (!comments.isEmpty()) {
          result.comment(comments);
        }
      }
      result.order(shape);
      result.endComments(lines(mapping, mapping.getEndComments()));
      return result;
    }
    if (node instanceof SequenceNode sequence) {
      YamlSequence result = new YamlSequence();
      for (Node item : sequence.getValue()) {
        result.add(node(item, shape));
        YamlComments comments = comments(item, null);
        if (!comments.isEmpty()) {
          result.comment(comments);
        }
      }
      result.endComments(lines(sequence, sequence.getEndComments()));
      return result;
    }
    return scalar((ScalarNode) node);
  }

  private String key(Node key) {
    int line = key.getStartMark().getLine() + 1;
    if (!(key instanceof ScalarNode scalar)) {
      throw new ManifestParseException(source, line, "a key is a " + key.getNodeId() + ", not a string; fmt"
          + " writes only string keys, as Kubernetes objects have");
    }
    if (scalar.getTag().equals(Tag.MERGE)) {
      throw new ManifestParseException(source, line, "a merge key (<<) cannot be kept by fmt; write the"
          + " merged keys out");
    }
    if (!scalar.getTag().equals(Tag.STR)) {
      throw new ManifestParseException(source, line, "the key " + scalar.getValue() + " is read as a "
          + scalar.getTag().getValue().replace(Tag.PREFIX, "") + ", not a string; quote it (\"" + scalar.getValue()
          + "\") if a string is meant");
    }
    refuseLoneSurrogates(scalar);
    return scalar.getValue();
  }

  private YamlScalar scalar(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
      refuseLoneSurrogates(scalar);
      return YamlScalar.string(text);
    }
    if (tag.equals(Tag.INT) && KubernetesScalars.integer(text.replace("_", "")) != null) {
      return new YamlScalar(text, YamlScalar.Type.INTEGER);
    }
    if (tag.equals(Tag.FLOAT) && KubernetesScalars.tagOf(text) == Tag.FLOAT) {
      return new YamlScalar(text, YamlScalar.Type.FLOAT);
    }
    if (tag.equals(Tag.BOOL) && KubernetesScalars.tagOf(text) == Tag.BOOL) {
      return KubernetesScalars.isTrue(text) ? YamlScalar.TRUE : YamlScalar.FALSE;
    }
    if (tag.equals(Tag.NULL) && KubernetesScalars.tagOf(text) == Tag.NULL) {
      return YamlScalar.NULL;
    }
    throw new ManifestParseException(source, scalar.getStartMark().getLine() + 1, "the value " + text
        + " with the tag " + tag.getValue() + " cannot be written faithfully by fmt; remove the tag");
  }

  private void refuseLoneSurrogates(ScalarNode scalar) {
    String text = scalar.getValue();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ManifestParseException(source, scalar.getStartMark().getLine() + 1, String.format(
            java.util.Locale.ROOT, "the text has a lone UTF-16 surrogate \\u%04x, which no UTF-8 file can hold;"
                + " write the character it was meant to be", (int) c));
      }
    }
  }

  /** The lines before the key (or item), and the comments on the line of the key and its value. */
  private YamlComments comments(Node key, Node value) {
    List<String> before = lines(key, key.getBlockComments());
    List<String> inline = new ArrayList<>(lines(key, key.getInLineComments()));
    if (value != null) {
      inline.addAll(lines(value, value.getInLineComments()));
      if (value instanceof ScalarNode) {
        // a scalar value has no entries for its own block comments to stand before
        before = concat(before, lines(value, value.getBlockComments()));
      }
    }
    return before.isEmpty() && inline.isEmpty() ? YamlComments.NONE : new YamlComments(before, inline);
  }

  private List<String> lines(Node owner, List<CommentLine> comments) {
    if (comments == null || comments.isEmpty() || !commentedOnce(owner, comments)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(comments.size());
    for (CommentLine comment : comments) {
      if (comment.getCommentType() != CommentType.BLANK_LINE) {
        lines.add(comment.getValue());
      }
    }
    return lines;
  }

  /** Whether these comments of the node were not taken before (through an alias). */
  private boolean commentedOnce(Node owner, List<CommentLine> comments) {
    Set<Object> taken = takenLists.computeIfAbsent(owner, n -> Collections.newSetFromMap(new IdentityHashMap<>()));
    return taken.add(comments);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
