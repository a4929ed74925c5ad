package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.ManifestDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where generated and hand-written manifests meet: an ordered list of Kubernetes objects (fabric8
 * types), each with its output file. The validator judges a {@code ManifestSet}, and the renderer
 * writes one, so a bundle built in Java and a file read from disk go through the same rules and the
 * same YAML writer.
 *
 * <pre>{@code
 * ManifestSet set = ManifestSet.of(bundle);
 * set.files();                  // [claim.yaml, vllm.yaml]
 * set.resourcesIn("vllm.yaml"); // [Deployment vllm-gpu, Service vllm-service]
 * }</pre>
 *
 * <p>Rendered, the set of the tutorial is its files, each a YAML stream:
 *
 * <pre>
 * # claim.yaml
 * apiVersion: resource.k8s.io/v1
 * kind: ResourceClaim
 * ...
 * # vllm.yaml
 * apiVersion: apps/v1
 * kind: Deployment
 * ...
 * ---
 * apiVersion: v1
 * kind: Service
 * </pre>
 */
public final class ManifestSet {
  private final List<Manifest> manifests;
  private final Set<String> dynamicMigClaims;

  private ManifestSet(List<Manifest> manifests, Set<String> dynamicMigClaims) {
    this.manifests = Collections.unmodifiableList(new ArrayList<>(manifests));
    this.dynamicMigClaims = Set.copyOf(dynamicMigClaims);
  }

  /**
   * The objects of a bundle, converted with {@link KubeObjects}, each then edited by its document's
   * {@link ManifestDocument#hooks() hooks}, in document order.
   *
   * @throws IllegalArgumentException when a hook fails or returns null, naming the document
   */
  public static ManifestSet of(ManifestBundle bundle) {
    List<Manifest> manifests = new ArrayList<>(bundle.documents().size());
    Set<String> dynamicMig = new LinkedHashSet<>();
    for (ManifestDocument document : bundle.documents()) {
      String origin = document.spec().getClass().getSimpleName() + "[" + document.spec().name() + "]";
      HasMetadata resource = Hooks.apply(document);
      manifests.add(new Manifest(resource, document.file(), origin, null, document.spec().acknowledgements()));
      if (document.spec() instanceof DeviceClaimSpec claim
          && claim.requests().stream().anyMatch(DeviceRequestSpec::dynamicMig)) {
        dynamicMig.add(key(resource));
      }
    }
    return new ManifestSet(manifests, dynamicMig);
  }

  /**
   * A set of objects the caller already has, e.g. built or edited with fabric8, or read from files:
   * their MIG requests are static ({@link #dynamicMig}), since a claim's YAML cannot say otherwise.
   */
  public static ManifestSet of(List<Manifest> manifests) {
    return new ManifestSet(manifests, Set.of());
  }

  /**
   * Whether {@code claim} (a ResourceClaim or ResourceClaimTemplate of this set) was built from a
   * {@link DeviceClaimSpec} with a {@link DeviceRequestSpec#dynamicMig() dynamic MIG} request, whose
   * slices the driver creates on demand behind its {@code DynamicMIG} feature gate.
   */
  public boolean dynamicMig(HasMetadata claim) {
    return dynamicMigClaims.contains(key(claim));
  }

  private static String key(HasMetadata resource) {
    var metadata = resource.getMetadata();
    return resource.getKind() + "/" + (metadata == null ? null : metadata.getNamespace()) + "/"
        + (metadata == null ? null : metadata.getName());
  }

  public List<Manifest> manifests() {
    return manifests;
  }

  /** The output files, in the order their first document appears. */
  public Set<String> files() {
    Set<String> files = new LinkedHashSet<>();
    for (Manifest manifest : manifests) {
      files.add(manifest.file());
    }
    return Collections.unmodifiableSet(files);
  }

  /** The objects that go to {@code file}, in order. */
  public List<HasMetadata> resourcesIn(String file) {
    List<HasMetadata> resources = new ArrayList<>();
    for (Manifest manifest : manifests) {
      if (manifest.file().equals(file)) {
        resources.add(manifest.resource());
      }
    }
    return resources;
  }

  /** The objects of one type, e.g. every {@code Deployment}. */
  public <T extends HasMetadata> List<T> resources(Class<T> type) {
    List<T> resources = new ArrayList<>();
    for (Manifest manifest : manifests) {
      if (type.isInstance(manifest.resource())) {
        resources.add(type.cast(manifest.resource()));
      }
    }
    return resources;
  }
}
