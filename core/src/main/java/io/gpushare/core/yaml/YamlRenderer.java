package io.gpushare.core.yaml;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Writes Kubernetes objects as YAML in gpushare's canonical style. This is the only code in
 * gpushare that writes YAML; the CLI, the examples and the test fixtures all come through here.
 *
 * <p>It does not validate: {@link io.gpushare.core.render.ManifestRenderer} validates a whole set
 * first and refuses to render one with errors. Use this class directly only for objects that are
 * already known to be good, or to look at what a broken object would look like.
 *
 * <p>Example, the tutorial's claim:
 *
 * <pre>{@code
 * String yaml = YamlRenderer.canonical().render(claim);
 * }</pre>
 *
 * gives
 *
 * <pre>
 * apiVersion: resource.k8s.io/v1
 * kind: ResourceClaim
 * metadata:
 *   name: gpu-claim
 * spec:
 *   devices:
 *     requests:
 *     - name: gpu
 *       exactly:
 *         deviceClassName: gpu.nvidia.com
 *     config:
 *     - requests: ["gpu"]
 *       opaque:
 *         driver: gpu.nvidia.com
 *         parameters:
 *           apiVersion: resource.nvidia.com/v1beta1
 *           kind: GpuConfig
 *           sharing:
 *             strategy: TimeSlicing
 *             timeSlicingConfig:
 *               interval: Long
 * </pre>
 *
 * <p>Style: key order per kind (see the package's style policy), block mappings, two-space indent,
 * block sequences at the parent key's indentation, flow style for a container's {@code command} and
 * a claim's {@code config[].requests}, double-quoted toleration fields, strings that a YAML 1.1
 * reader would take for a number, boolean, null or timestamp double-quoted, numbers in the same form
 * under every default locale, {@code ---} between documents, LF line ends, one trailing newline.
 * Rendering the same objects twice gives the same bytes. Instances are immutable and thread-safe.
 */
public final class YamlRenderer {
  private static final YamlRenderer CANONICAL = new YamlRenderer();
  private static final String DOCUMENT_SEPARATOR = "---\n";

  private YamlRenderer() {}

  /** The renderer with gpushare's one style policy. */
  public static YamlRenderer canonical() {
    return CANONICAL;
  }

  /** One document. */
  public String render(HasMetadata resource) {
    StringBuilder out = new StringBuilder(1024);
    appendDocument(resource, out);
    return out.toString();
  }

  /** Several documents in the given order, separated by {@code ---} lines. */
  public String render(List<? extends HasMetadata> resources) {
    StringBuilder out = new StringBuilder(1024 * Math.max(1, resources.size()));
    for (int i = 0; i < resources.size(); i++) {
      if (i > 0) {
        out.append(DOCUMENT_SEPARATOR);
      }
      appendDocument(resources.get(i), out);
    }
    return out.toString();
  }

  /**
   * A plain mapping that is not a Kubernetes object, such as Helm values, in the same style, after
   * {@code # } comment lines. Keys keep the map's order.
   *
   * <pre>
   * # helm install ... -f dra-driver-values.yaml
   * featureGates:
   *   TimeSlicingSettings: true
   * </pre>
   */
  public String renderMap(java.util.Map<String, ?> values, List<String> commentLines) {
    StringBuilder out = new StringBuilder(512);
    for (String line : commentLines) {
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a comment line cannot contain a line break: " + line);
      }
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    new YamlEmitter(out).document(NodeTrees.fromObject(values, Shape.ANY));
    return out.toString();
  }

  private static void appendDocument(HasMetadata resource, StringBuilder out) {
    new YamlEmitter(out).document(NodeTrees.fromObject(resource, KubernetesStyle.forKind(resource.getKind())));
  }
}
