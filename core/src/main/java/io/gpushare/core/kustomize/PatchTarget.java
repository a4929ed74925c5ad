package io.gpushare.core.kustomize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Which resources a patch applies to: a {@code target:} selector of a {@code patches:} entry, or the
 * patch's own {@code kind} and {@code metadata.name} (and {@code namespace}, when it says one).
 * As in kustomize, {@code name}, {@code namespace} and {@code kind} are regular expressions matched
 * whole, and {@code labelSelector} / {@code annotationSelector} are label selectors; gpushare reads
 * those of equality terms only ({@code app=vllm,tier=gpu}).
 *
 * <pre>
 * target:
 *   kind: Deployment
 *   name: vllm-.*
 *   labelSelector: app=vllm
 * </pre>
 */
final class PatchTarget {
  private final String group;
  private final String version;
  private final String kind;
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;

  private PatchTarget(String group, String version, String kind, String name, String namespace,
      Map<String, String> labels, Map<String, String> annotations) {
    this.group = group;
    this.version = version;
    this.kind = kind;
    this.name = name;
    this.namespace = namespace;
    this.labels = labels;
    this.annotations = annotations;
  }

  /** The target a {@code target:} node selects; empty when a selector is more than equality terms. */
  static Optional<PatchTarget> of(Node target) {
    Optional<Map<String, String>> labels = selector(Nodes.string(target, "labelSelector").orElse(""));
    Optional<Map<String, String>> annotations = selector(Nodes.string(target, "annotationSelector").orElse(""));
    if (labels.isEmpty() || annotations.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PatchTarget(Nodes.string(target, "group").orElse(null),
        Nodes.string(target, "version").orElse(null), Nodes.string(target, "kind").orElse(null),
        Nodes.string(target, "name").orElse(null), Nodes.string(target, "namespace").orElse(null),
        labels.get(), annotations.get()));
  }

  /** The resource a patch without {@code target:} names: its kind, name and namespace, matched literally. */
  static PatchTarget ofPatch(Node patch) {
    Optional<Node> metadata = Nodes.get(patch, "metadata");
    return new PatchTarget(null, null, Nodes.string(patch, "kind").map(Pattern::quote).orElse(null),
        metadata.flatMap(m -> Nodes.string(m, "name")).map(Pattern::quote).orElse(null),
        metadata.flatMap(m -> Nodes.string(m, "namespace")).map(Pattern::quote).orElse(null), Map.of(), Map.of());
  }

  /** Whether {@code resource} is selected. */
  boolean matches(Node resource) {
    String apiVersion = Nodes.string(resource, "apiVersion").orElse("");
    int slash = apiVersion.indexOf('/');
    String resourceGroup = slash < 0 ? "" : apiVersion.substring(0, slash);
    String resourceVersion = apiVersion.substring(slash + 1);
    Optional<Node> metadata = Nodes.get(resource, "metadata");
    return (group == null || group.equals(resourceGroup)) && (version == null || version.equals(resourceVersion))
        && whole(kind, Nodes.string(resource, "kind").orElse(""))
        && whole(name, metadata.flatMap(m -> Nodes.string(m, "name")).orElse(""))
        && whole(namespace, metadata.flatMap(m -> Nodes.string(m, "namespace")).orElse(""))
        && has(metadata.flatMap(m -> Nodes.get(m, "labels")), labels)
        && has(metadata.flatMap(m -> Nodes.get(m, "annotations")), annotations);
  }

  /** How the target reads in a message: {@code Deployment[vllm-gemma-deployment]}. */
  String describe() {
    return (kind == null ? "any kind" : unquote(kind)) + "[" + (name == null ? "any name" : unquote(name)) + "]"
        + (namespace == null ? "" : " in namespace " + unquote(namespace))
        + (labels.isEmpty() ? "" : " with labels " + labels) + (annotations.isEmpty() ? "" : " with annotations "
        + annotations);
  }

  private static String unquote(String pattern) {
    return pattern.startsWith("\\Q") && pattern.endsWith("\\E") ? pattern.substring(2, pattern.length() - 2) : pattern;
  }

  private static boolean whole(String pattern, String value) {
    if (pattern == null) {
      return true;
    }
    try {
      return Pattern.compile(pattern).matcher(value).matches();
    } catch (PatternSyntaxException e) {
      return pattern.equals(value);
    }
  }

  private static boolean has(Optional<Node> map, Map<String, String> wanted) {
    for (Map.Entry<String, String> entry : wanted.entrySet()) {
      if (!map.flatMap(m -> Nodes.string(m, entry.getKey())).filter(entry.getValue()::equals).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** {@code a=b,c==d} as a map; empty when the selector has another kind of term ({@code !=}, {@code in}). */
  private static Optional<Map<String, String>> selector(String text) {
    Map<String, String> terms = new LinkedHashMap<>();
    for (String term : text.split(",")) {
      if (term.isBlank()) {
        continue;
      }
      String[] parts = term.split("==?", 2);
      if (parts.length != 2 || term.contains("!") || parts[0].isBlank()) {
        return Optional.empty();
      }
      terms.put(parts[0].trim(), parts[1].trim());
    }
    return Optional.of(terms);
  }
}
