package io.gpushare.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Compares YAML streams as ordered trees: the same documents, with the same keys in the same order
 * and the same values (and value types: {@code 8000} is not {@code "8000"}), whatever the
 * indentation, quoting or blank lines. Each difference is reported with its path.
 *
 * <pre>{@code
 * List<String> differences = YamlTrees.differences(publishedGuideYaml, renderedYaml);
 * // ["[1].spec.ports[0].port: expected 8000 (Integer) but was \"8000\" (String)"]
 * }</pre>
 */
public final class YamlTrees {
  private YamlTrees() {}

  /** The differences, in document order; empty when the streams are equivalent. */
  public static List<String> differences(String expectedYaml, String actualYaml) {
    return differences(expectedYaml, actualYaml, true);
  }

  /**
   * The differences in meaning only, as a Kubernetes API server reads the documents: keys in any
   * order, and a key whose value is null or an empty list or map counts as absent (the API's
   * {@code omitempty}). For formatted files, whose keys are reordered and empty values dropped.
   */
  public static List<String> differencesIgnoringKeyOrder(String expectedYaml, String actualYaml) {
    return differences(expectedYaml, actualYaml, false);
  }

  private static List<String> differences(String expectedYaml, String actualYaml, boolean keyOrder) {
    List<Object> expected = load(expectedYaml);
    List<Object> actual = load(actualYaml);
    List<String> differences = new ArrayList<>();
    if (expected.size() != actual.size()) {
      differences.add("documents: expected " + expected.size() + " but was " + actual.size());
    }
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      compare("[" + i + "]", expected.get(i), actual.get(i), keyOrder, differences);
    }
    return differences;
  }

  private static List<Object> load(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    List<Object> documents = new ArrayList<>();
    for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
      if (document != null) {
        documents.add(document);
      }
    }
    return documents;
  }

  private static void compare(String path, Object expected, Object actual, boolean keyOrder,
      List<String> differences) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      List<Object> expectedKeys = keys(e, keyOrder);
      List<Object> actualKeys = keys(a, keyOrder);
      boolean sameKeys = keyOrder ? expectedKeys.equals(actualKeys)
          : expectedKeys.size() == actualKeys.size() && actualKeys.containsAll(expectedKeys);
      if (!sameKeys) {
        differences.add(path + ": expected keys " + expectedKeys + " but were " + actualKeys);
      }
      for (Object key : expectedKeys) {
        if (a.containsKey(key)) {
          compare(path + "." + key, e.get(key), a.get(key), keyOrder, differences);
        }
      }
    } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        differences.add(path + ": expected " + e.size() + " items but was " + a.size());
      }
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        compare(path + "[" + i + "]", e.get(i), a.get(i), keyOrder, differences);
      }
    } else if (!Objects.equals(expected, actual)) {
      differences.add(path + ": expected " + describe(expected) + " but was " + describe(actual));
    }
  }

  private static List<Object> keys(Map<?, ?> map, boolean all) {
    List<Object> keys = new ArrayList<>();
    map.forEach((key, value) -> {
      boolean empty = value == null || (value instanceof Map<?, ?> m && m.isEmpty())
          || (value instanceof List<?> l && l.isEmpty());
      if (all || !empty) {
        keys.add(key);
      }
    });
    return keys;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof String s ? "\"" + s.replace("\n", "\\n") + "\"" : String.valueOf(value);
    return text + " (" + value.getClass().getSimpleName() + ")";
  }
}
