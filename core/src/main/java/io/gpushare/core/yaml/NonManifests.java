package io.gpushare.core.yaml;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * YAML that is no Kubernetes object, found beside manifests: Helm values and tool configurations
 * (documents without {@code apiVersion} and {@code kind} at the top level), kustomize's own
 * {@code kustomize.config.k8s.io} kinds (a {@code Kustomization} looks like an object but the API
 * server has no such resource), and templates ({@code {{ ... }}}) that need rendering first.
 *
 * <pre>
 * # values.yaml: skipped, INFO NOT_A_KUBERNETES_OBJECT
 * nvidiaDriverRoot: /
 * featureGates:
 *   TimeSlicingSettings: true
 * </pre>
 */
final class NonManifests {
  private static final String KUSTOMIZE_GROUP = "kustomize.config.k8s.io/";
  /** A Helm action: what Go templates of a chart use and other text (a Jinja chat template) does not. */
  private static final Pattern HELM_ACTION = Pattern.compile(
      "\\{\\{-?\\s*(?:\\.Values|\\.Release|\\.Chart|\\.Capabilities|\\.Files|\\.Template|include\\s|template\\s"
          + "|if\\s|range\\s|with\\s|define\\s|end\\s*-?}}|else\\b)");
  private static final Pattern ANY_ACTION = Pattern.compile("\\{\\{.*?}}");

  private NonManifests() {}

  /** The line of the first Helm action in {@code text}, when there is one. */
  static OptionalInt helmAction(String text) {
    return lineOf(HELM_ACTION.matcher(text), text);
  }

  /** The line of the first {@code {{ ... }}} in {@code text}, when there is one. */
  static OptionalInt anyAction(String text) {
    return lineOf(ANY_ACTION.matcher(text), text);
  }

  private static OptionalInt lineOf(Matcher matcher, String text) {
    if (!matcher.find()) {
      return OptionalInt.empty();
    }
    int line = 1;
    for (int i = 0; i < matcher.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return OptionalInt.of(line);
  }

  /** Refuses a template ({@code {{ ... }}} markup), at its first action's line, before any YAML parser sees it. */
  static void refuseTemplate(String text, String source) {
    java.util.OptionalInt helm = helmAction(text);
    if (helm.isPresent()) {
      throw new ManifestParseException(source, helm.getAsInt(), templateMessage(helm.getAsInt()));
    }
  }

  /** What a template gets instead of a YAML parser's complaint. */
  static String templateMessage(int line) {
    return "template syntax {{ ... }} at line " + line + ": this is a Helm (or other) template, not Kubernetes YAML;"
        + " run `helm template RELEASE CHART > manifests.yaml` (or the tool that fills it in) first and lint its output";
  }

  /**
   * The INFO finding that skips {@code text} when none of its documents is a Kubernetes API object;
   * empty when one is, or when the text is a template or does not parse (the reader then says why).
   */
  static Optional<Finding> skipped(String text, String source) {
    if (helmAction(text).isPresent()) {
      return Optional.empty();
    }
    LoaderOptions options = ManifestReader.options();
    List<Object> documents = new ArrayList<>();
    try {
      KubernetesScalars.Values values = new KubernetesScalars.Values(options);
      for (Node node : ReadBounds.composeAll(text, source, options)) {
        Object document = values.construct(node);
        if (document != null) {
          documents.add(document);
        }
      }
    } catch (YAMLException | ManifestParseException | IllegalArgumentException | ClassCastException e) {
      return Optional.empty();
    }
    if (documents.isEmpty()) {
      return Optional.empty();
    }
    boolean kustomize = false;
    for (Object document : documents) {
      if (document instanceof Map<?, ?> object && object.get("apiVersion") instanceof String apiVersion
          && object.get("kind") instanceof String) {
        if (!apiVersion.startsWith(KUSTOMIZE_GROUP)) {
          return Optional.empty();
        }
        kustomize = true;
      }
    }
    String message = kustomize
        ? "expected Kubernetes API objects, found a kustomize configuration (" + KUSTOMIZE_GROUP + "...), which the"
            + " API server does not serve; skipped"
        : "expected Kubernetes objects with apiVersion and kind at the top level, found none (Helm values or a"
            + " tool's configuration); skipped";
    String hint = kustomize
        ? "lint the output of `kustomize build DIR` (or `kubectl kustomize DIR`) to check what it produces"
        : "nothing to do when the file is not meant for the cluster; name it on the command line to have it refused";
    return Optional.of(new Finding(FindingCode.NOT_A_KUBERNETES_OBJECT.name(),
        FindingCode.NOT_A_KUBERNETES_OBJECT.severity(), source, message, hint));
  }

  /**
   * Whether one of the composed documents is, at first sight, a Kubernetes API object: a mapping
   * whose top level has {@code apiVersion} (not kustomize's) and {@code kind} as plain strings, once
   * each, without a merge key. {@link #skipped(String, String)} never skips such a text, so a reader
   * that sees one needs no second look. Nothing is constructed: construction would change the nodes
   * (SnakeYAML drops a duplicate key's first value) before the reader checks them.
   */
  static boolean holdsObject(List<Node> documents) {
    for (Node document : documents) {
      if (document instanceof MappingNode mapping) {
        String apiVersion = null;
        String kind = null;
        int apiVersions = 0;
        int kinds = 0;
        boolean merge = false;
        for (NodeTuple tuple : mapping.getValue()) {
          if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            continue;
          }
          merge |= key.getTag().equals(Tag.MERGE);
          if (!key.getTag().equals(Tag.STR)) {
            continue;
          }
          String value = tuple.getValueNode() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)
              ? scalar.getValue() : null;
          if (key.getValue().equals("apiVersion")) {
            apiVersions++;
            apiVersion = value;
          } else if (key.getValue().equals("kind")) {
            kinds++;
            kind = value;
          }
        }
        if (!merge && apiVersions == 1 && kinds == 1 && apiVersion != null && kind != null
            && !apiVersion.startsWith(KUSTOMIZE_GROUP)) {
          return true;
        }
      }
    }
    return false;
  }
}
