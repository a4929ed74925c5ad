package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.model.ManifestSpec;
import java.util.Objects;

/**
 * A document that is already a fabric8 object, any kind the user built (a PersistentVolumeClaim, a
 * ConfigMap, a NetworkPolicy, a StatefulSet...), added with
 * {@link io.gpushare.core.model.ManifestBundle.Builder#add(String, HasMetadata)}. It is validated
 * and rendered like the documents gpushare makes:
 *
 * <pre>{@code
 * bundle.add("cache.yaml", new PersistentVolumeClaimBuilder().withNewMetadata().withName("hf-cache").endMetadata()...build());
 * }</pre>
 *
 * <pre>
 * # cache.yaml
 * apiVersion: v1
 * kind: PersistentVolumeClaim
 * metadata:
 *   name: hf-cache
 * ...
 * </pre>
 *
 * <p>The object is copied when added and again on every {@link #resource()}, so later changes to
 * the caller's object, or a hook's edits, never reach the bundle.
 */
public final class KubernetesObjectSpec implements ManifestSpec {
  private final HasMetadata resource;

  private KubernetesObjectSpec(HasMetadata resource) {
    this.resource = resource;
  }

  /**
   * @throws IllegalArgumentException when the object has no {@code kind}
   */
  public static KubernetesObjectSpec of(HasMetadata resource) {
    Objects.requireNonNull(resource, "resource");
    if (resource.getKind() == null || resource.getKind().isEmpty()) {
      throw new IllegalArgumentException("a Kubernetes object needs a kind, found " + resource.getClass().getName()
          + " without one");
    }
    return new KubernetesObjectSpec(KubeJson.copy(resource));
  }

  /** A copy of the object. */
  public HasMetadata resource() {
    return KubeJson.copy(resource);
  }

  @Override
  public String kind() {
    return resource.getKind();
  }

  /** {@code metadata.name}, or {@code ""} when absent (the validator reports it). */
  @Override
  public String name() {
    String name = resource.getMetadata() == null ? null : resource.getMetadata().getName();
    return name == null ? "" : name;
  }

  /** {@code metadata.namespace} of the object, if set. */
  @Override
  public java.util.Optional<String> namespace() {
    return java.util.Optional.ofNullable(resource.getMetadata() == null ? null : resource.getMetadata().getNamespace())
        .filter(namespace -> !namespace.isEmpty());
  }

  /** A copy of the object in {@code namespace}. */
  @Override
  public KubernetesObjectSpec withNamespace(String namespace) {
    HasMetadata copy = KubeJson.copy(resource);
    if (copy.getMetadata() == null) {
      copy.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    copy.getMetadata().setNamespace(Objects.requireNonNull(namespace, "namespace"));
    return new KubernetesObjectSpec(copy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KubernetesObjectSpec spec && spec.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "KubernetesObjectSpec[" + kind() + "/" + name() + "]";
  }
}
