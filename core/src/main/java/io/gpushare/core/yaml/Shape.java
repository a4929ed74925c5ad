package io.gpushare.core.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * The style of one kind of mapping (a Kubernetes type such as a container or a toleration): the
 * order of its keys, which keys hold flow sequences, how string values are quoted, and the shape of
 * each child mapping (or of each item, for a sequence of mappings). Keys the shape does not name come
 * after the named ones, in the order they arrived. A {@link #sortedMap() sorted map} has no named
 * keys: all of them are written in sorted order.
 *
 * <p>Shapes are built once, in {@link KubernetesStyle} from its table, and are not changed after that. Everything the
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
  private final boolean sortedKeys;

  private Shape() {
    this(false);
  }

  private Shape(boolean sortedKeys) {
    this.sortedKeys = sortedKeys;
  }

  /** A shape with no keys yet; {@link #add} appends them in order. */
  static Shape empty() {
    return new Shape();
  }

  /**
   * A free-form map (labels, a selector, ConfigMap data, resource quantities): its keys are written
   * sorted, so the text does not depend on the map implementation the object was built with.
   */
  static Shape sortedMap() {
    return new Shape(true);
  }

  /** Whether this mapping's keys are written sorted rather than by rank. */
  boolean sortsKeys() {
    return sortedKeys;
  }

  /**
   * Appends {@code key} after the keys already added; its value (or each item of it, when it is a
   * sequence) has {@code child}'s shape. {@code flow}: a sequence in flow style.
   */
  Shape add(String key, Shape child, ScalarStyle style, boolean flow) {
    if (sortedKeys) {
      throw new IllegalStateException("a sorted map has no declared keys: " + key);
    }
    if (fields.containsKey(key)) {
      throw new IllegalArgumentException("key '" + key + "' is declared twice");
    }
    fields.put(key, new Field(fields.size(), child, style, flow, PlainScalars.isPlainSafe(key)));
    return this;
  }

  /** The keys added, in order. */
  java.util.List<String> keys() {
    String[] keys = new String[fields.size()];
    fields.forEach((key, field) -> keys[field.rank] = key);
    return java.util.List.of(keys);
  }

  /** The field of {@code key}: its rank, child shape and styles; unknown keys get the defaults. */
  Field field(String key) {
    Field field = fields.get(key);
    return field == null ? UNKNOWN : field;
  }
}
