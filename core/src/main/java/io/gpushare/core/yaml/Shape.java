package io.gpushare.core.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * The style of one kind of mapping (a Kubernetes type such as a container or a toleration): the
 * order of its keys, which keys hold flow sequences, how string values are quoted, and the shape of
 * each child mapping (or of each item, for a sequence of mappings). Keys the shape does not name come
 * after the named ones, in the order they arrived.
 *
 * <p>Shapes are built once, in {@link KubernetesStyle}, and are immutable after that. Everything the
 * tree builder and the emitter need about one key is one {@link Field}, found with one hash lookup
 * and then kept on the node, so walking a document does no matching per node.
 */
final class Shape {
  /** Any mapping the policy does not describe: keys keep their order, default styles everywhere. */
  static final Shape ANY = new Shape();

  /** What the policy says about one key of a shape. */
  static final class Field {
    final int rank;
    final Shape child;
    final ScalarStyle style;
    final boolean flow;
    /** Whether the key itself may be written plain; null when not known in advance. */
    final Boolean plainKey;

    Field(int rank, Shape child, ScalarStyle style, boolean flow, Boolean plainKey) {
      this.rank = rank;
      this.child = child;
      this.style = style;
      this.flow = flow;
      this.plainKey = plainKey;
    }
  }

  private static final Field UNKNOWN = new Field(Integer.MAX_VALUE, ANY, ScalarStyle.PLAIN, false, null);

  private final Map<String, Field> fields = new HashMap<>();

  private Shape() {}

  /** A shape whose keys come in the given order. */
  static Shape keys(String... order) {
    Shape shape = new Shape();
    for (int i = 0; i < order.length; i++) {
      shape.fields.put(order[i], new Field(i, ANY, ScalarStyle.PLAIN, false, PlainScalars.isPlainSafe(order[i])));
    }
    return shape;
  }

  /** The value of {@code key} (or each item of it, when it is a sequence) has {@code child}'s shape. */
  Shape child(String key, Shape child) {
    Field field = declared(key);
    fields.put(key, new Field(field.rank, child, field.style, field.flow, field.plainKey));
    return this;
  }

  /** The sequence under {@code key} is written in flow style, its items double-quoted. */
  Shape flowSequence(String key) {
    Field field = declared(key);
    fields.put(key, new Field(field.rank, field.child, ScalarStyle.DOUBLE_QUOTED, true, field.plainKey));
    return this;
  }

  /** String values under these keys are always double-quoted. */
  Shape doubleQuoted(String... keys) {
    for (String key : keys) {
      Field field = declared(key);
      fields.put(key, new Field(field.rank, field.child, ScalarStyle.DOUBLE_QUOTED, field.flow, field.plainKey));
    }
    return this;
  }

  private Field declared(String key) {
    Field field = fields.get(key);
    if (field == null) {
      throw new IllegalArgumentException("key '" + key + "' is styled but not in the shape's key order");
    }
    return field;
  }

  /** The field of {@code key}: its rank, child shape and styles; unknown keys get the defaults. */
  Field field(String key) {
    Field field = fields.get(key);
    return field == null ? UNKNOWN : field;
  }
}
