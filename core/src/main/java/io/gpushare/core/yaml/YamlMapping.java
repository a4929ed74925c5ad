package io.gpushare.core.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A mapping whose entries keep the order they were put in, each with the style policy's
 * {@link Shape.Field} for its key; {@link #order} sorts them by the fields' ranks.
 */
final class YamlMapping implements YamlNode {
  private final List<String> keys;
  private final List<YamlNode> values;
  private final List<Shape.Field> fields;

  YamlMapping(int expectedSize) {
    keys = new ArrayList<>(expectedSize);
    values = new ArrayList<>(expectedSize);
    fields = new ArrayList<>(expectedSize);
  }

  void put(String key, Shape.Field field, YamlNode value) {
    keys.add(key);
    fields.add(field);
    values.add(value);
  }

  int size() {
    return keys.size();
  }

  String key(int index) {
    return keys.get(index);
  }

  Shape.Field field(int index) {
    return fields.get(index);
  }

  YamlNode value(int index) {
    return values.get(index);
  }

  /**
   * Sorts the entries by rank in place; a stable insertion sort, so keys the shape does not rank keep
   * their relative order after the ranked ones. Maps are small, and often already in order.
   */
  void order() {
    int n = keys.size();
    for (int i = 1; i < n; i++) {
      Shape.Field field = fields.get(i);
      int rank = field.rank;
      if (fields.get(i - 1).rank <= rank) {
        continue;
      }
      String key = keys.get(i);
      YamlNode value = values.get(i);
      int j = i - 1;
      while (j >= 0 && fields.get(j).rank > rank) {
        keys.set(j + 1, keys.get(j));
        fields.set(j + 1, fields.get(j));
        values.set(j + 1, values.get(j));
        j--;
      }
      keys.set(j + 1, key);
      fields.set(j + 1, field);
      values.set(j + 1, value);
    }
  }
}
