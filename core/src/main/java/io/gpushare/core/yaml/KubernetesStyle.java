package io.gpushare.core.yaml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one declared style policy of every YAML document gpushare writes or formats: key order per
 * Kubernetes type, the few flow sequences, and the values that are always double-quoted. Everything
 * else follows fixed rules in {@link YamlEmitter}: block mappings, two-space indentation, block
 * sequences at the parent key's indentation, plain strings unless a YAML 1.1 or 1.2 reader would
 * read them as something else, LF line ends.
 *
 * <p>The policy is the table {@code key-order.tsv} beside this class: one row per Kubernetes type,
 * its fields in the order of the Kubernetes Go struct (and so of {@code kubectl get -o yaml}), where
 * gpushare's reference documents do not order them otherwise; the table names its sources and
 * every deviation. So a container comes out as
 *
 * <pre>
 * - name: vllm
 *   image: vllm/vllm-openai:v0.7.2
 *   command: ["python3", "-m", "vllm.entrypoints.openai.api_server"]
 *   args:
 *   - --port=8000
 * </pre>
 *
 * not in fabric8's alphabetical {@code @JsonPropertyOrder} ({@code args} before {@code name}).
 * Free-form maps (labels, annotations, selectors, {@code nodeSelector}, ConfigMap and Secret data,
 * resource quantities) are written with their keys sorted, whatever map the object was built
 * with: {@code Map.of} and {@code HashMap} iterate in an unspecified order. Keys a row does not name
 * follow the named ones in the order the object (or the file) gave them; a kind the table does not
 * know (a CRD) gets {@code apiVersion}, {@code kind}, {@code metadata} (ordered as ObjectMeta),
 * {@code spec}, {@code data}, {@code status} first and keeps the order of everything else.
 */
final class KubernetesStyle {
  static final String TABLE = "key-order.tsv";
  private static final String ANY_KIND = "*";

  private static final Table POLICY = Table.load();

  private KubernetesStyle() {}

  /** The shape of a top-level document of this {@code kind}; an unknown kind gets the fallback. */
  static Shape forKind(String kind) {
    Shape shape = kind == null ? null : POLICY.kinds.get(kind);
    return shape == null ? POLICY.kinds.get(ANY_KIND) : shape;
  }

  /** The shape of the type {@code name} of the table, for tests; null when the table has none. */
  static Shape forType(String name) {
    return POLICY.types.get(name);
  }

  /** The parsed table: a shape per type name, and the shape of each kind's documents. */
  static final class Table {
    final Map<String, Shape> types = new HashMap<>();
    final Map<String, Shape> kinds = new HashMap<>();

    static Table load() {
      try (InputStream in = KubernetesStyle.class.getResourceAsStream(TABLE)) {
        if (in == null) {
          throw new IllegalStateException("the style table " + TABLE + " is missing from the classpath");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
        }
        return parse(lines);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the style table " + TABLE, e);
      }
    }

    /** Two passes, so a row may name a type defined further down. */
    static Table parse(List<String> lines) {
      Table table = new Table();
      List<String[]> rows = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t", -1);
        if (row.length != 3 || !(row[0].equals("kind") || row[0].equals("type"))) {
          throw new IllegalStateException(TABLE + " line " + (i + 1)
              + ": expected kind|type <TAB> Name <TAB> fields, found: " + line);
        }
        if (table.types.put(row[1], Shape.empty()) != null) {
          throw new IllegalStateException(TABLE + " line " + (i + 1) + ": " + row[1] + " is declared twice");
        }
        if (row[0].equals("kind")) {
          table.kinds.put(row[1], table.types.get(row[1]));
        }
        rows.add(new String[] {Integer.toString(i + 1), row[1], row[2]});
      }
      for (String[] row : rows) {
        Shape shape = table.types.get(row[1]);
        for (String field : row[2].trim().split(" +")) {
          table.addField(shape, field, row[0]);
        }
      }
      if (!table.kinds.containsKey(ANY_KIND)) {
        throw new IllegalStateException(TABLE + " has no 'kind *' row for the kinds it does not list");
      }
      return table;
    }

    private void addField(Shape shape, String field, String line) {
      int colon = field.indexOf(':');
      String key = colon < 0 ? field : field.substring(0, colon);
      Shape child = Shape.ANY;
      ScalarStyle style = ScalarStyle.PLAIN;
      boolean flow = false;
      if (colon >= 0) {
        for (String attribute : field.substring(colon + 1).split(",")) {
          switch (attribute) {
            case "map" -> child = Shape.sortedMap();
            case "flow" -> {
              flow = true;
              style = ScalarStyle.DOUBLE_QUOTED;
            }
            case "quoted" -> style = ScalarStyle.DOUBLE_QUOTED;
            default -> {
              child = types.get(attribute);
              if (child == null) {
                throw new IllegalStateException(TABLE + " line " + line + ": field " + key
                    + " names the type " + attribute + ", which has no row");
              }
            }
          }
        }
      }
      shape.add(key, child, style, flow);
    }
  }
}
