package io.gpushare.core.validate;

import java.util.List;
import java.util.Map;

/**
 * fabric8 lists and maps are null when hand-written YAML says {@code key:} with no value; the rules
 * read them through here, so a malformed manifest gets findings instead of a NullPointerException.
 */
final class Nulls {
  private Nulls() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
