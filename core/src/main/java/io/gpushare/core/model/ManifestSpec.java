package io.gpushare.core.model;

/**
 * A value that becomes one Kubernetes document: {@link DeviceClaimSpec} (a {@code ResourceClaim} or a
 * {@code ResourceClaimTemplate}), {@link VllmWorkloadSpec} (a {@code Deployment}, {@code StatefulSet}, {@code Job} or
 * {@code LeaderWorkerSet}), {@link VllmServiceSpec} (a {@code Service}), or
 * {@link io.gpushare.core.kube.KubernetesObjectSpec} (any fabric8 object the user built). Its {@link #kind()}
 * and {@link #name()} are the document's:
 *
 * <pre>
 * kind: ResourceClaim
 * metadata:
 *   name: gpu-claim
 * </pre>
 */
public interface ManifestSpec {
  /** The Kubernetes kind of the document, e.g. {@code ResourceClaim}. */
  String kind();

  /** {@code metadata.name} of the document. */
  String name();

  /**
   * {@code metadata.namespace} of the document; unset, the namespace of whoever applies it. A pod
   * can only use a claim of its own namespace.
   */
  java.util.Optional<String> namespace();

  /** The same spec with {@code metadata.namespace} set to {@code namespace}. */
  ManifestSpec withNamespace(String namespace);

  /**
   * Findings about this document that its author keeps on purpose, each with the reason: reported,
   * marked as acknowledged, but not blocking; never written into the YAML. None unless the spec
   * says otherwise ({@link VllmWorkloadSpec#acknowledgements()}).
   */
  default java.util.List<Acknowledgement> acknowledgements() {
    return java.util.List.of();
  }
}
