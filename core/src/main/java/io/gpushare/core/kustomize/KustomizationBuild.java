package io.gpushare.core.kustomize;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.FindingCode;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ManifestReader;
import io.gpushare.core.yaml.SourceNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What {@code kustomize build DIR} would produce, as far as gpushare applies it: the resources
 * (files, and directories with their own kustomization, recursively), the strategic-merge patches
 * laid over their targets, then {@code namespace:} and {@code images:}. What it cannot apply is
 * said in INFO findings; what kustomize itself would refuse (a missing file, a cycle, a directory
 * without a kustomization) is a {@link ManifestParseException} naming the kustomization's line.
 */
final class KustomizationBuild {
  /** Kinds kustomize's namespace transformer leaves alone: cluster-scoped objects. */
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "DeviceClass", "ResourceSlice",
      "DeviceTaintRule", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
      "StorageClass", "PriorityClass", "RuntimeClass", "Node", "ValidatingWebhookConfiguration",
      "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
      "IngressClass", "CSIDriver", "APIService");

  /** One object of the output and the file it came from. */
  record Resource(Node root, String source) {}

  private final Set<Path> stack = new LinkedHashSet<>();
  private final Set<Path> files = new LinkedHashSet<>();
  private final Set<Path> kustomizations = new LinkedHashSet<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<ManifestParseException> unreadable = new ArrayList<>();

  /** Every file read (kustomizations, resources, patches), absolute and normalized. */
  Set<Path> files() {
    return files;
  }

  /** Every kustomization directory built, absolute and normalized, the first one included. */
  Set<Path> kustomizations() {
    return kustomizations;
  }

  List<Finding> findings() {
    return findings;
  }

  List<ManifestParseException> unreadable() {
    return unreadable;
  }

  /** The output of the kustomization in {@code directory}; none when it cannot be read. */
  List<Resource> build(Path directory) {
    Path key = directory.toAbsolutePath().normalize();
    Optional<Path> file = Kustomization.in(directory);
    if (file.isEmpty()) {
      unreadable.add(new ManifestParseException(directory.toString(), 0, "expected a kustomization.yaml,"
          + " kustomization.yml or Kustomization in this directory, found none; add one that lists the"
          + " directory's files under resources:, or name the files instead of the directory"));
      return List.of();
    }
    String source = file.get().normalize().toString();
    if (!stack.add(key)) {
      unreadable.add(new ManifestParseException(source, 0, "the kustomization includes itself through "
          + String.join(" -> ", stack.stream().map(Path::toString).toList()) + " -> " + key
          + ": kustomize refuses a cycle; remove one of the references"));
      return List.of();
    }
    try {
      kustomizations.add(key);
      files.add(file.get().toAbsolutePath().normalize());
      List<Node> documents = compose(file.get(), source);
      if (documents.size() != 1 || !(documents.get(0) instanceof MappingNode)) {
        unreadable.add(new ManifestParseException(source, 1, "expected one mapping (a Kustomization), found "
            + (documents.size() == 1 ? "a " + documents.get(0).getNodeId() : documents.size() + " documents")
            + "; write the kustomization as one mapping of resources:, patches:, namespace:, images:"));
        return List.of();
      }
      Kustomization kustomization = new Kustomization(file.get(), source, documents.get(0));
      List<Resource> resources = resources(kustomization);
      for (Node patch : kustomization.patchesStrategicMerge()) {
        // an entry of patchesStrategicMerge is a file name or an inline patch: told apart by its text
        String text = Nodes.text(patch).orElse("");
        boolean named = !text.contains("\n") && !text.contains(": ") && !text.isBlank();
        resources = patch(kustomization, resources, patch, named, Optional.empty());
      }
      for (List<Node> entries : List.of(kustomization.patchesJson6902(), kustomization.patches())) {
        for (Node entry : entries) {
          // path: always names a file, patch: always holds the patch (a one-line JSON list too)
          Optional<Node> path = Nodes.get(entry, "path");
          Optional<Node> patch = path.or(() -> Nodes.get(entry, "patch"));
          if (patch.isPresent()) {
            resources = patch(kustomization, resources, patch.get(), path.isPresent(), Nodes.get(entry, "target"));
          }
        }
      }
      List<Resource> output = resources;
      kustomization.namespace().ifPresent(namespace -> output.forEach(r -> setNamespace(r.root(), namespace)));
      output.forEach(r -> ImageOverrides.apply(r.root(), kustomization.images()));
      List<String> unapplied = kustomization.unapplied();
      if (!unapplied.isEmpty()) {
        findings.add(finding(FindingCode.KUSTOMIZE_TRANSFORMER_NOT_APPLIED, source,
            "expected only resources, patches, namespace and images (what gpushare applies), found "
                + String.join(", ", unapplied) + ": gpushare does not apply " + String.join(", ", unapplied)
                + ", so the objects were checked without it",
            "lint `kustomize build " + kustomization.directory() + "` output to check it"));
      }
      return output;
    } catch (ManifestParseException e) {
      unreadable.add(e);
      return List.of();
    } finally {
      stack.remove(key);
    }
  }

  private List<Resource> resources(Kustomization kustomization) {
    List<Resource> resources = new ArrayList<>();
    for (Node entry : kustomization.resources()) {
      Optional<String> text = Nodes.text(entry);
      if (text.isEmpty()) {
        continue;
      }
      String reference = text.get();
      int line = entry.getStartMark().getLine() + 1;
      if (remote(reference)) {
        findings.add(finding(FindingCode.KUSTOMIZE_RESOURCE_NOT_READ, kustomization.source(),
            "expected a local file or directory, found the remote resource " + reference + " (line " + line
                + "), which gpushare does not fetch: its objects were not checked, nor patches aimed at them",
            "lint `kustomize build " + kustomization.directory() + "` output to check it"));
        continue;
      }
      Path path = kustomization.directory().resolve(reference).normalize();
      if (Files.isDirectory(path)) {
        resources.addAll(build(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path.toAbsolutePath().normalize());
        for (Node document : compose(path, path.toString())) {
          for (Node object : items(document)) {
            resources.add(new Resource(object, path.toString()));
          }
        }
      } else {
        unreadable.add(new ManifestParseException(kustomization.source(), line, "resource " + reference
            + ": no such file or directory (" + path + "); kustomize build fails on it: fix the path under"
            + " resources:, or add the file"));
      }
    }
    return resources;
  }

  /** {@code patch} (a file name when {@code file}, else an inline patch) laid over the resources it targets. */
  private List<Resource> patch(Kustomization kustomization, List<Resource> resources, Node reference, boolean file,
      Optional<Node> target) {
    String text = Nodes.text(reference).orElse("");
    List<Node> documents;
    String where;
    if (file) {
      Path path = kustomization.directory().resolve(text).normalize();
      where = path.toString();
      if (!Files.isRegularFile(path)) {
        throw new ManifestParseException(kustomization.source(), reference.getStartMark().getLine() + 1, "patch "
            + text + ": no such file (" + path + "); kustomize build fails on it: fix the patch's path, or add the"
            + " file");
      }
      files.add(path.toAbsolutePath().normalize());
      documents = compose(path, where);
    } else {
      where = kustomization.source() + " (inline patch at line " + (reference.getStartMark().getLine() + 1) + ")";
      // a block scalar's text starts on the line after its indicator
      documents = SourceNodes.compose(text, kustomization.source(), reference.getStartMark().getLine() + 1);
    }
    List<Resource> result = resources;
    for (Node document : documents) {
      boolean operations = document instanceof SequenceNode;
      if (operations && target.isEmpty()) {
        findings.add(finding(FindingCode.KUSTOMIZE_PATCH_NOT_APPLIED, kustomization.source(),
            "expected a target: for the JSON 6902 operations in " + where + ", found none (kustomize needs one):"
                + " the patch was not applied",
            "add target: {kind: ..., name: ...} to the patch's entry"));
        continue;
      }
      Optional<PatchTarget> selector = target.isPresent() ? PatchTarget.of(target.get())
          : Optional.of(PatchTarget.ofPatch(document));
      if (selector.isEmpty()) {
        findings.add(finding(FindingCode.KUSTOMIZE_PATCH_NOT_APPLIED, kustomization.source(),
            "expected a target of kind, name, namespace and label equalities, found a set-based selector for "
                + where + ", which gpushare does not read: the patch was not applied",
            "lint `kustomize build " + kustomization.directory() + "` output to check the patched objects"));
        continue;
      }
      Node patch = target.isPresent() && !operations ? withoutName(document) : document;
      List<Resource> next = new ArrayList<>();
      boolean matched = false;
      for (Resource resource : result) {
        if (selector.get().matches(resource.root())) {
          matched = true;
          if (operations) {
            next.add(new Resource(json6902(kustomization, resource, patch, where), resource.source()));
          } else {
            StrategicMerge.apply(resource.root(), patch)
                .ifPresent(root -> next.add(new Resource(root, resource.source())));
          }
        } else {
          next.add(resource);
        }
      }
      if (!matched) {
        findings.add(finding(FindingCode.KUSTOMIZE_PATCH_NOT_APPLIED, kustomization.source(),
            "expected the patch " + where + " to target a resource of this kustomization, found no "
                + selector.get().describe() + " among them: the patch was not checked (as a partial object it is"
                + " no object of its own)",
            "list the target's file under resources:, or lint `kustomize build " + kustomization.directory()
                + "` output"));
      }
      result = next;
    }
    return result;
  }

  /** JSON 6902 operations applied; an operation that does not apply fails the build, as in kustomize. */
  private static Node json6902(Kustomization kustomization, Resource resource, Node operations, String where) {
    try {
      return Json6902Patch.apply(resource.root(), operations);
    } catch (IllegalArgumentException e) {
      throw new ManifestParseException(kustomization.source(), operations.getStartMark().getLine() + 1,
          "the JSON 6902 patch " + where + " does not apply to " + Nodes.string(resource.root(), "kind").orElse("")
              + " in " + resource.source() + ": " + e.getMessage() + "; kustomize build fails on it: correct the"
              + " operation's path or value to the object as written");
    }
  }

  /** A patch applied through {@code target:} takes the target's name, as in kustomize. */
  private static Node withoutName(Node patch) {
    Optional<Node> metadata = Nodes.get(patch, "metadata");
    if (!(patch instanceof MappingNode map) || !(metadata.orElse(null) instanceof MappingNode meta)) {
      return patch;
    }
    List<NodeTuple> metaTuples = meta.getValue().stream()
        .filter(t -> !(t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name"))).toList();
    MappingNode newMeta = new MappingNode(meta.getTag(), true, new ArrayList<>(metaTuples), meta.getStartMark(),
        meta.getEndMark(), meta.getFlowStyle());
    MappingNode copy = new MappingNode(map.getTag(), true, new ArrayList<>(map.getValue()), map.getStartMark(),
        map.getEndMark(), map.getFlowStyle());
    Nodes.put(copy, "metadata", newMeta, meta.getStartMark());
    return copy;
  }

  private static void setNamespace(Node root, Node namespace) {
    if (!(root instanceof MappingNode mapping)
        || CLUSTER_SCOPED.contains(Nodes.string(root, "kind").orElse(""))) {
      return;
    }
    Optional<Node> metadata = Nodes.get(root, "metadata");
    MappingNode meta;
    if (metadata.orElse(null) instanceof MappingNode existing) {
      meta = existing;
    } else {
      meta = Nodes.mapping(namespace.getStartMark());
      Nodes.put(mapping, "metadata", meta, namespace.getStartMark());
    }
    List<NodeTuple> tuples = new ArrayList<>(meta.getValue());
    tuples.removeIf(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("namespace"));
    tuples.add(new NodeTuple(Nodes.string("namespace", namespace.getStartMark()), namespace));
    meta.setValue(tuples);
  }

  /** The objects of a document: itself, or the items of a {@code kind: List}. */
  private static List<Node> items(Node document) {
    if (Nodes.string(document, "kind").filter("List"::equals).isPresent()) {
      return Nodes.items(document, "items");
    }
    return List.of(document);
  }

  private static List<Node> compose(Path path, String source) {
    try {
      return SourceNodes.compose(ManifestReader.readText(path), source);
    } catch (IOException e) {
      // the callers list only files that exist: what is left is a file that cannot be read
      throw new ManifestParseException(source, 0, "cannot read: " + e.getMessage());
    }
  }

  /** A URL or a go-getter address ({@code github.com/org/repo//dir?ref=v1}) that kustomize fetches. */
  static boolean remote(String reference) {
    return reference.contains("://") || reference.startsWith("github.com/") || reference.startsWith("git@")
        || reference.contains("?ref=") || reference.startsWith("gitlab.com/") || reference.startsWith("bitbucket.org/");
  }

  private static Finding finding(FindingCode code, String source, String message, String hint) {
    return new Finding(code.name(), code.severity(), source, message, hint);
  }
}
