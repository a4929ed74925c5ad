package io.gpushare.core.yaml;

import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML documents as SnakeYAML node trees whose every node knows its file, for tools that build
 * objects out of several files (kustomize: a resource with a patch laid over it) and still want each
 * finding to point at the file and line that holds its field.
 *
 * <pre>{@code
 * List<Node> patch = SourceNodes.compose(text, "overlay/patch.yaml"); // bounded like ManifestReader
 * ReadManifests read = SourceNodes.manifests(List.of(merged), "base/vllm.yaml");
 * read.location("Deployment[vllm].spec.template.spec.containers[0].args[2]"); // overlay/patch.yaml:31
 * }</pre>
 */
public final class SourceNodes {
  private SourceNodes() {}

  /**
   * The documents of {@code text}, read with {@link ManifestReader}'s bounds and scalar rules; each
   * node's marks name {@code source}. Empty documents are left out.
   *
   * @throws ManifestParseException when the text cannot be read, with its line
   */
  public static List<Node> compose(String text, String source) {
    return compose(text, source, 0);
  }

  /**
   * The same for text that starts at line {@code firstLine + 1} of {@code source} (an inline patch in
   * a kustomization): each node's line is counted from there.
   */
  public static List<Node> compose(String text, String source, int firstLine) {
    try {
      return composeFrom(text, source, firstLine);
    } catch (YAMLException e) {
      throw YamlProblems.refusal(source, e, firstLine);
    } catch (ManifestParseException e) {
      // a bound, a duplicate key or a template refused in the text: at the file's line, as a syntax error is
      throw firstLine == 0 || e.line() == 0 ? e : new ManifestParseException(source, e.line() + firstLine, e.problem());
    }
  }

  private static List<Node> composeFrom(String text, String source, int firstLine) {
    LoaderOptions options = ManifestReader.options();
    NonManifests.refuseTemplate(text, source);
    List<Node> documents = new ArrayList<>();
    KubernetesScalars.Values values = new KubernetesScalars.Values(options);
    for (Node node : ReadBounds.composeAll(text, source, options)) {
      if (node != null && !(node instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
        // what ManifestReader refuses in a file it reads is refused in a kustomization's files too
        ManifestReader.refuseUnbounded(node, source, values);
        documents.add(named(node, source, firstLine));
      }
    }
    return documents;
  }

  /** The plain value of a node (maps, lists, strings, numbers), with Kubernetes' scalar rules. */
  public static Object value(Node node) {
    return new KubernetesScalars.Values(ManifestReader.options()).construct(node);
  }

  /**
   * The objects of node trees built from {@code source} (a resource file, perhaps with other files'
   * nodes merged into it): each becomes its manifest as {@link ManifestReader} would read it, and
   * {@link ReadManifests#location} names the file of the deepest node it finds.
   *
   * @throws ManifestParseException when a tree is no Kubernetes object
   */
  public static ReadManifests manifests(List<Node> roots, String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    String file = source.substring(slash + 1);
    List<Manifest> manifests = new ArrayList<>();
    List<Map.Entry<Manifest, LineTree.Indexed>> nodes = new ArrayList<>();
    for (Node root : roots) {
      int line = root.getStartMark().getLine() + 1;
      if (!(value(root) instanceof Map<?, ?> object)) {
        throw new ManifestParseException(source, line, "expected a mapping (a Kubernetes object), found a "
            + root.getNodeId() + "; write each document as apiVersion:, kind:, metadata: and its fields");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) object;
      Manifest manifest = ManifestReader.toManifest(map, file, source, line);
      manifests.add(manifest);
      nodes.add(Map.entry(manifest, LineTree.ofSources(root)));
    }
    return new ReadManifests(ManifestSet.of(manifests), nodes);
  }

  /**
   * A copy of the tree whose marks name {@code source}, {@code offset} lines further down. A node an
   * alias reaches twice is copied twice, as kustomize expands aliases: a patch applied through one
   * path must not change the other. {@link ManifestReader#refuseUnbounded} has bounded the expansion.
   */
  private static Node named(Node node, String source, int offset) {
    Mark start = rename(node.getStartMark(), source, offset);
    Mark end = rename(node.getEndMark(), source, offset);
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> tuples = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        tuples.add(new NodeTuple(named(tuple.getKeyNode(), source, offset),
            named(tuple.getValueNode(), source, offset)));
      }
      return new MappingNode(mapping.getTag(), true, tuples, start, end, mapping.getFlowStyle());
    }
    if (node instanceof SequenceNode sequence) {
      List<Node> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(named(item, source, offset));
      }
      return new SequenceNode(sequence.getTag(), true, items, start, end, sequence.getFlowStyle());
    }
    ScalarNode scalar = (ScalarNode) node;
    return new ScalarNode(scalar.getTag(), scalar.getValue(), start, end, scalar.getScalarStyle());
  }

  private static Mark rename(Mark mark, String source, int offset) {
    if (mark == null) {
      return new Mark(source, 0, offset, 0, new int[0], 0);
    }
    return new Mark(source, mark.getIndex(), mark.getLine() + offset, mark.getColumn(), new int[0], 0);
  }
}
