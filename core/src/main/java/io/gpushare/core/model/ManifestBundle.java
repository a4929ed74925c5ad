package io.gpushare.core.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.KubernetesObjectSpec;
import io.gpushare.core.kube.ObjectHook;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The documents that belong together, in order, each with the file it goes to. The GKE tutorial's
 * bundle is a {@code ResourceClaim} in {@code claim.yaml}, then a {@code Deployment} and a
 * {@code Service} in {@code vllm.yaml}:
 *
 * <pre>
 * claim.yaml:  ResourceClaim gpu-claim
 * vllm.yaml:   Deployment vllm-gpu
 *              ---
 *              Service vllm-service
 * </pre>
 *
 * <p>A bundle is the unit the validator judges: the memory budget of a shared claim is summed over
 * every Deployment in the bundle that references it.
 */
@Value.Immutable
public abstract class ManifestBundle {

  public abstract List<ManifestDocument> documents();

  /** The specs in document order. */
  public List<ManifestSpec> specs() {
    List<ManifestSpec> specs = new ArrayList<>(documents().size());
    for (ManifestDocument document : documents()) {
      specs.add(document.spec());
    }
    return specs;
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("ManifestBundle");
    List<ManifestDocument> documents = documents();
    // bundles are small: compare pairs rather than build a key per document
    for (int i = 0; i < documents.size(); i++) {
      ManifestSpec spec = documents.get(i).spec();
      for (int j = 0; j < i; j++) {
        ManifestSpec earlier = documents.get(j).spec();
        if (earlier.kind().equals(spec.kind()) && earlier.name().equals(spec.name())
            && earlier.namespace().equals(spec.namespace())) {
          problems.require(false, "two documents are named " + spec.kind() + "[" + spec.name() + "]");
          break;
        }
      }
    }
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code ManifestBundle}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ManifestBundle}; {@link #add} appends a document to a file. */
  public static final class Builder extends ImmutableManifestBundle.Builder {
    /** Appends {@code spec} as the next document of {@code file}. */
    public Builder add(String file, ManifestSpec spec) {
      addDocuments(ManifestDocument.of(file, spec));
      return this;
    }

    /**
     * Appends {@code spec} as the next document of {@code file}, its fabric8 object edited by
     * {@code hooks} in order before validation (see {@link ObjectHook}).
     */
    public Builder add(String file, ManifestSpec spec, ObjectHook... hooks) {
      addDocuments(ManifestDocument.of(file, spec, List.of(hooks)));
      return this;
    }

    /**
     * Appends any fabric8 object (a PersistentVolumeClaim, a ConfigMap, a NetworkPolicy...) as the
     * next document of {@code file}; it is copied, then validated and rendered like the rest
     * ({@link KubernetesObjectSpec}).
     */
    public Builder add(String file, HasMetadata resource) {
      addDocuments(ManifestDocument.of(file, KubernetesObjectSpec.of(resource)));
      return this;
    }
  }
}
