package io.gpushare.core.yaml;

import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link ManifestReader} read: the objects as a {@link ManifestSet}, and where each finding's
 * path is in the source.
 *
 * <pre>
 * vllm.yaml:29: ERROR GPU_MEMORY_UTILIZATION_RANGE Deployment[vllm-gpu].spec.template.spec.containers[0].args[3]: ...
 * </pre>
 */
public final class ReadManifests {
  private final ManifestSet set;
  // by identity, in order: a Manifest's equals would compare fabric8 objects, whose Quantity fields
  // parse themselves (a memory: 16GB throws), and a list keeps a thousand objects linear; the
  // positions of each document's fields, not its node tree, are kept (see LineTree)
  private final List<Map.Entry<Manifest, LineTree.Indexed>> nodes;
  private Map<String, Map.Entry<Manifest, LineTree.Indexed>> byId;

  ReadManifests(ManifestSet set, List<Map.Entry<Manifest, LineTree.Indexed>> nodes) {
    this.set = set;
    this.nodes = nodes;
  }

  public ManifestSet set() {
    return set;
  }

  /** gpushare's own specs among the objects read (see {@link io.gpushare.core.kube.KubeSpecs}). */
  public List<io.gpushare.core.model.ManifestSpec> specs() {
    return io.gpushare.core.kube.KubeSpecs.recognize(set);
  }

  /** Several reads (files) as one set, for validation across files. */
  public static ReadManifests combine(List<ReadManifests> reads) {
    List<Manifest> manifests = new ArrayList<>();
    List<Map.Entry<Manifest, LineTree.Indexed>> nodes = new ArrayList<>();
    for (ReadManifests read : reads) {
      manifests.addAll(read.set.manifests());
      nodes.addAll(read.nodes);
    }
    return new ReadManifests(ManifestSet.of(manifests), nodes);
  }

  /**
   * The objects of one file as written: each in the API version of the file (a
   * {@code resource.k8s.io/v1beta1} claim, converted to v1 when read, back in v1beta1), in order.
   * What {@code gpushare fmt} writes back.
   */
  public List<io.fabric8.kubernetes.api.model.HasMetadata> asWritten(String file) {
    List<io.fabric8.kubernetes.api.model.HasMetadata> resources = new ArrayList<>();
    for (Manifest manifest : set.manifests()) {
      if (manifest.file().equals(file)) {
        resources.add(manifest.asWritten());
      }
    }
    return resources;
  }

  /**
   * Where a finding's path points: its file, line (from 1; 0 when the path names no object read) and
   * column (from 1).
   */
  private static final String NO_FILE = "-";

  public record Position(String file, int line, int column) {
    /** {@code vllm.yaml:29}, as lint prints it. */
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /**
   * The position of a finding's path such as
   * {@code Deployment[vllm-gpu].spec.template.spec.containers[0].args[3]}: the deepest part of the path
   * that exists in the file (its key, or its list entry); the object's first line when only the object
   * is known; a field merged in from another file (a kustomize patch) is in that file. For an object
   * converted from another API version, the path may be the one on the v1 object
   * ({@code ...requests[0].exactly.count}) or the one in the file ({@code ...requests[0].count}).
   */
  public Position position(String path) {
    int bracket = path.indexOf(']');
    String id = bracket < 0 ? path : path.substring(0, bracket + 1);
    Map.Entry<Manifest, LineTree.Indexed> entry = entry(id);
    if (entry == null) {
      return new Position(nodes.isEmpty() ? NO_FILE : sourceOf(nodes.get(0).getKey()), 0, 1);
    }
    Manifest manifest = entry.getKey();
    String inFile = manifest.convertedFrom() == null ? path : manifest.convertedFrom().inSource(path);
    LineTree.Position found = entry.getValue().positionOf(inFile.substring(id.length()));
    return new Position(found.source() != null ? found.source() : sourceOf(manifest), found.line(), found.column());
  }

  /** {@link #position}'s file and line, {@code vllm.yaml:29}; {@code -} when no object was read. */
  public String location(String path) {
    return nodes.isEmpty() ? NO_FILE : position(path).toString();
  }

  /** {@link #position}'s column, from 1. */
  public int column(String path) {
    return position(path).column();
  }

  private Map.Entry<Manifest, LineTree.Indexed> entry(String id) {
    if (byId == null) {
      byId = new java.util.HashMap<>();
      nodes.forEach(entry -> byId.putIfAbsent(entry.getKey().id(), entry));
    }
    return byId.get(id);
  }

  private static String sourceOf(Manifest manifest) {
    return manifest.origin().substring(0, manifest.origin().lastIndexOf(':'));
  }
}
