package io.gpushare.core.yaml;

import java.util.Arrays;

/**
 * A mapping whose entries keep the order they were put in, each with the style policy's
 * {@link Shape.Field} for its key; {@link #order} sorts them by the fields' ranks, or by key for a free-form map. Backed by plain
 * arrays: mappings are small and many, and the renderer's cost is mostly allocation.
 */
final class YamlMapping implements YamlNode {
  private String[] keys;
  private Shape.Field[] fields;
  private YamlNode[] values;
  /** Null until an entry has comments: generated documents never pay for them. */
  private YamlComments[] comments;
  private java.util.List<String> endComments = java.util.List.of();
  private int size;

  YamlMapping(int expectedSize) {
    keys = new String[expectedSize];
    fields = new Shape.Field[expectedSize];
    values = new YamlNode[expectedSize];
  }

  void put(String key, Shape.Field field, YamlNode value) {
    if (size == keys.length) {
      int capacity = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, capacity);
      fields = Arrays.copyOf(fields, capacity);
      values = Arrays.copyOf(values, capacity);
      if (comments != null) {
        comments = Arrays.copyOf(comments, capacity);
      }
    }
    keys[size] = key;
    fields[size] = field;
    values[size] = value;
    size++;
  }

  /** Sets the comments of the entry last put. */
  void comment(YamlComments entryComments) {
    if (comments == null) {
      comments = new YamlComments[keys.length];
    }
    comments[size - 1] = entryComments;
  }

  YamlComments comments(int index) {
    YamlComments entry = comments == null ? null : comments[index];
    return entry == null ? YamlComments.NONE : entry;
  }

  /** Comment lines after the last entry. */
  void endComments(java.util.List<String> lines) {
    endComments = lines;
  }

  java.util.List<String> endComments() {
    return endComments;
  }

  int size() {
    return size;
  }

  String key(int index) {
    return keys[index];
  }

  Shape.Field field(int index) {
    return fields[index];
  }

  YamlNode value(int index) {
    return values[index];
  }

  /** Sorts the entries the way {@code shape} says: by key for a free-form map, else by rank. */
  void order(Shape shape) {
    if (shape.sortsKeys()) {
      sort(BY_KEY);
    } else {
      sort(BY_RANK);
    }
  }

  /** The order of two entries, by their keys and the policy's fields for them. */
  private interface EntryOrder {
    int compare(String key, Shape.Field field, String otherKey, Shape.Field otherField);
  }

  private static final EntryOrder BY_RANK = (key, field, otherKey, otherField) ->
      Integer.compare(field.rank, otherField.rank);
  // String order (UTF-16 code units), which for the ASCII keys of labels and quantities is the byte
  // order Go's encoding/json sorts map keys in
  private static final EntryOrder BY_KEY = (key, field, otherKey, otherField) -> key.compareTo(otherKey);

  /**
   * A stable insertion sort in place: entries that compare equal (keys the shape does not rank)
   * keep their relative order after the ranked ones. Maps are small, and often already in order.
   */
  private void sort(EntryOrder order) {
    for (int i = 1; i < size; i++) {
      String key = keys[i];
      Shape.Field field = fields[i];
      if (order.compare(keys[i - 1], fields[i - 1], key, field) <= 0) {
        continue;
      }
      YamlNode value = values[i];
      YamlComments comment = comments == null ? null : comments[i];
      int j = i - 1;
      while (j >= 0 && order.compare(keys[j], fields[j], key, field) > 0) {
        keys[j + 1] = keys[j];
        fields[j + 1] = fields[j];
        values[j + 1] = values[j];
        if (comments != null) {
          comments[j + 1] = comments[j];
        }
        j--;
      }
      keys[j + 1] = key;
      fields[j + 1] = field;
      values[j + 1] = value;
      if (comments != null) {
        comments[j + 1] = comment;
      }
    }
  }
}
