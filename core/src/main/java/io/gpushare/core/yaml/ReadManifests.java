package io.gpushare.core.yaml;

import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

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
  private final Map<Manifest, Node> nodes;

  ReadManifests(ManifestSet set, Map<Manifest, Node> nodes) {
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
    Map<Manifest, Node> nodes = new LinkedHashMap<>();
    for (ReadManifests read : reads) {
      manifests.addAll(read.set.manifests());
      nodes.putAll(read.nodes);
    }
    return new ReadManifests(ManifestSet.of(manifests), nodes);
  }

  /**
   * The source and line ({@code vllm.yaml:29}) of a finding's path such as
   * {@code Deployment[vllm-gpu].spec.template.spec.containers[0].args[3]}: the deepest part of the path
   * that exists in the file; the object's first line when only the object is known.
   */
  public String location(String path) {
    int bracket = path.indexOf(']');
    String id = bracket < 0 ? path : path.substring(0, bracket + 1);
    for (Map.Entry<Manifest, Node> entry : nodes.entrySet()) {
      if (entry.getKey().id().equals(id)) {
        String origin = entry.getKey().origin();
        String source = origin.substring(0, origin.lastIndexOf(':'));
        return source + ":" + ManifestReader.lineOf(entry.getValue(), path.substring(id.length()));
      }
    }
    return nodes.isEmpty() ? "-" : sourceOf(nodes.keySet().iterator().next()) + ":0";
  }

  private static String sourceOf(Manifest manifest) {
    return manifest.origin().substring(0, manifest.origin().lastIndexOf(':'));
  }
}
