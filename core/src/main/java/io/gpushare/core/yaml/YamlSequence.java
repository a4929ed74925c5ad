package io.gpushare.core.yaml;

import java.util.Arrays;

/** A sequence of nodes, backed by an array. */
final class YamlSequence implements YamlNode {
  private YamlNode[] items = new YamlNode[4];
  private int size;

  void add(YamlNode item) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = item;
  }

  int size() {
    return size;
  }

  YamlNode item(int index) {
    return items[index];
  }

  boolean allScalars() {
    for (int i = 0; i < size; i++) {
      if (!(items[i] instanceof YamlScalar)) {
        return false;
      }
    }
    return true;
  }
}
