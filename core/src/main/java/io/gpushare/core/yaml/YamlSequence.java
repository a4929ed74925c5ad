package io.gpushare.core.yaml;

import java.util.ArrayList;
import java.util.List;

/** A sequence of nodes. */
final class YamlSequence implements YamlNode {
  private final List<YamlNode> items = new ArrayList<>();

  void add(YamlNode item) {
    items.add(item);
  }

  int size() {
    return items.size();
  }

  YamlNode item(int index) {
    return items.get(index);
  }

  boolean allScalars() {
    for (YamlNode item : items) {
      if (!(item instanceof YamlScalar)) {
        return false;
      }
    }
    return true;
  }
}
