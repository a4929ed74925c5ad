package io.gpushare.core.validate;

import java.util.List;
import java.util.Map;

/**
 * fabric8 lists and maps are null when hand-written YAML says {@code key:} with no value; the rules
 * read them through here, so a malformed manifest gets findings instead of a NullPointerException.
 */
final class Nulls {
  private Nulls() {}

  /**
   * The list, empty for null, without null elements: an empty entry ({@code ports:} then {@code -})
   * has nothing to judge. The paths of the entries after it then count it out; the reader reports
   * such an entry itself, so only objects built in Java reach the rules with one.
   */
  static <T> List<T> list(List<T> list) {
    if (list == null) {
      return List.of();
    }
    for (T element : list) {
      if (element == null) {
        return list.stream().filter(java.util.Objects::nonNull).toList();
      }
    }
    return list;
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
