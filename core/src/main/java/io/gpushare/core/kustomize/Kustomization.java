package io.gpushare.core.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One kustomization file as read: the fields gpushare applies, and the names of those it does not.
 *
 * <pre>
 * apiVersion: kustomize.config.k8s.io/v1beta1
 * kind: Kustomization
 * namespace: inference          # set on every namespaced resource
 * resources:                    # files and directories with their own kustomization, linted whole
 * - ../base
 * patches:                      # partial objects, merged into their target (or JSON 6902 operations)
 * - path: patch.yaml
 * images:                       # newName / newTag / digest of matching containers
 * - name: vllm/vllm-openai
 *   newTag: v0.11.0
 * </pre>
 *
 * @param file the kustomization file
 * @param source its name in messages
 * @param root its document
 */
record Kustomization(Path file, String source, Node root) {
  /** The names kustomize looks for in a directory, in its order. */
  static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** The fields gpushare reads; every other top-level field is a transformer or generator it does not apply. */
  private static final Set<String> APPLIED = Set.of("apiVersion", "kind", "metadata", "resources", "bases",
      "patches", "patchesStrategicMerge", "patchesJson6902", "namespace", "images");

  /** The kustomization file of a directory, when it has one. */
  static Optional<Path> in(Path directory) {
    return FILE_NAMES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst();
  }

  /** The directory the kustomization's paths are relative to. */
  Path directory() {
    Path parent = file.getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /** {@code resources:} and the deprecated {@code bases:}, in order. */
  List<Node> resources() {
    List<Node> entries = new ArrayList<>(Nodes.items(root, "resources"));
    entries.addAll(Nodes.items(root, "bases"));
    return entries;
  }

  /** {@code patchesStrategicMerge:} entries (file names or inline patches), then {@code patches:} entries. */
  List<Node> patchesStrategicMerge() {
    return Nodes.items(root, "patchesStrategicMerge");
  }

  /** {@code patchesJson6902:} entries, each a {@code target:} and operations ({@code path:} or {@code patch:}). */
  List<Node> patchesJson6902() {
    return Nodes.items(root, "patchesJson6902");
  }

  List<Node> patches() {
    return Nodes.items(root, "patches");
  }

  /** The {@code namespace:} value node, when there is one. */
  Optional<Node> namespace() {
    return Nodes.get(root, "namespace").filter(n -> Nodes.text(n).filter(s -> !s.isEmpty()).isPresent());
  }

  List<Node> images() {
    return Nodes.items(root, "images");
  }

  /** The top-level fields gpushare does not apply ({@code namePrefix}, {@code replicas}, generators...), in order. */
  List<String> unapplied() {
    List<String> names = new ArrayList<>();
    if (root instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && !APPLIED.contains(key.getValue())) {
          names.add(key.getValue());
        }
      }
    }
    return names;
  }
}
