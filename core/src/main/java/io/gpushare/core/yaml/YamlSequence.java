package io.gpushare.core.yaml;

import java.util.Arrays;

/** A sequence of nodes, backed by an array. */
final class YamlSequence implements YamlNode {
  private YamlNode[] items = new YamlNode[4];
  /** Null until an item has comments. */
  private YamlComments[] comments;
  private java.util.List<String> endComments = java.util.List.of();
  private int size;

  void add(YamlNode item) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      if (comments != null) {
        comments = Arrays.copyOf(comments, items.length);
      }
    }
    items[size++] = item;
  }

  /** Sets the comments of the item last added. */
  void comment(YamlComments itemComments) {
    if (comments == null) {
      comments = new YamlComments[items.length];
    }
    comments[size - 1] = itemComments;
  }

  YamlComments comments(int index) {
    YamlComments item = comments == null ? null : comments[index];
    return item == null ? YamlComments.NONE : item;
  }

  /** Comment lines after the last item. */
  void endComments(java.util.List<String> lines) {
    endComments = lines;
  }

  java.util.List<String> endComments() {
    return endComments;
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
