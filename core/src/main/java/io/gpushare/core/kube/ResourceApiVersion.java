package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * The versions of the DRA API ({@code resource.k8s.io}) that gpushare reads and writes. gpushare
 * builds and judges {@link #V1} objects; the beta versions exist at the edges: files in them are
 * read and converted to v1, and rendering can target them for older clusters.
 *
 * <pre>{@code
 * ResourceApiVersion.of("v1beta2");                // Optional[V1BETA2]
 * ResourceApiVersion.V1BETA2.fromV1(claim);       // the same claim as resource.k8s.io/v1beta2
 * ManifestRenderer.standard().targeting(ResourceApiVersion.V1BETA2).render(bundle);
 * }</pre>
 *
 * <p>{@code v1beta2} has the shape of {@code v1}; {@code v1beta1} has a request's
 * {@code deviceClassName}, {@code selectors}, {@code allocationMode}, {@code count},
 * {@code adminAccess}, {@code tolerations} and {@code capacity} on the request itself instead of
 * under {@code exactly:}, which is how Kubernetes itself converts them
 * ({@code pkg/apis/resource/v1beta1/conversion.go}). Only {@code ResourceClaim},
 * {@code ResourceClaimTemplate} and {@code DeviceClass} are converted.
 */
public enum ResourceApiVersion {
  /** {@code resource.k8s.io/v1}: Kubernetes 1.34 and later; what gpushare builds and judges. */
  V1("v1", "1.34"),
  /** {@code resource.k8s.io/v1beta2}: Kubernetes 1.33 (and served by 1.34 and later), the shape of v1. */
  V1BETA2("v1beta2", "1.33"),
  /** {@code resource.k8s.io/v1beta1}: Kubernetes 1.32 (and served by later ones), requests without {@code exactly:}. */
  V1BETA1("v1beta1", "1.32");

  private static final String GROUP = "resource.k8s.io/";

  private final String version;
  private final String firstKubernetes;

  ResourceApiVersion(String version, String firstKubernetes) {
    this.version = version;
    this.firstKubernetes = firstKubernetes;
  }

  /** The full {@code apiVersion}, e.g. {@code resource.k8s.io/v1beta2}. */
  public String apiVersion() {
    return GROUP + version;
  }

  /** The version alone, e.g. {@code v1beta2}, as the command line takes it. */
  public String version() {
    return version;
  }

  /** The first Kubernetes release that serves this version, e.g. {@code 1.33}. */
  public String firstKubernetes() {
    return firstKubernetes;
  }

  /** The version of {@code resource.k8s.io/v1beta2} or {@code v1beta2}; empty for any other text. */
  public static Optional<ResourceApiVersion> of(String apiVersion) {
    for (ResourceApiVersion value : values()) {
      if (value.apiVersion().equals(apiVersion) || value.version.equals(apiVersion)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * A {@code resource.k8s.io/v1} {@code ResourceClaim}, {@code ResourceClaimTemplate} or
   * {@code DeviceClass} as a new object of this version (the fabric8 class of that version); the
   * object itself for {@link #V1} and for any other object.
   */
  public HasMetadata fromV1(HasMetadata resource) {
    return ResourceApiVersions.fromV1(resource, this);
  }
}
