package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.model.Acknowledgement;
import java.util.List;
import java.util.Objects;

/**
 * One Kubernetes object of a {@link ManifestSet}, the file it belongs to, and where it came from
 * (the spec that produced it, or later the file and line it was read from), for messages. It is one
 * document of its file:
 *
 * <pre>
 * apiVersion: v1
 * kind: Service
 * metadata:
 *   name: vllm-service
 * ...
 * </pre>
 *
 * <p>A DRA object read in an older API version ({@code resource.k8s.io/v1beta1} or {@code v1beta2})
 * is held as the {@code resource.k8s.io/v1} object gpushare judges, and {@link #convertedFrom()}
 * remembers the version it was written in and how its paths map back.
 *
 * @param resource the fabric8 object; any kind, unknown kinds as {@code GenericKubernetesResource}
 * @param file the output file name, e.g. {@code vllm.yaml}
 * @param origin a human-readable origin, e.g. {@code VllmWorkloadSpec[vllm-gpu]}
 * @param convertedFrom how the object was converted from the version it was written in; null when it
 *     is held as written
 * @param acknowledgements the findings about this object its spec acknowledges
 *     ({@link io.gpushare.core.model.ManifestSpec#acknowledgements()}); none for an object read from a
 *     file, whose acknowledgements are its {@code gpushare.io/acknowledge} annotation
 */
public record Manifest(HasMetadata resource, String file, String origin, ConvertedFrom convertedFrom,
    List<Acknowledgement> acknowledgements) {
  public Manifest {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(origin, "origin");
    acknowledgements = List.copyOf(acknowledgements);
  }

  /** An object without acknowledgements, held as written or converted. */
  public Manifest(HasMetadata resource, String file, String origin, ConvertedFrom convertedFrom) {
    this(resource, file, origin, convertedFrom, List.of());
  }

  /** An object held as written. */
  public Manifest(HasMetadata resource, String file, String origin) {
    this(resource, file, origin, null);
  }

  /** {@code Kind[name]}, the prefix of every finding's path about this object. */
  public String id() {
    return resource.getKind() + "[" + (resource.getMetadata() == null ? null : resource.getMetadata().getName()) + "]";
  }

  /** The {@code apiVersion} as written: {@code resource.k8s.io/v1beta1} for a converted claim. */
  public String sourceApiVersion() {
    return convertedFrom == null ? resource.getApiVersion() : convertedFrom.apiVersion();
  }

  /**
   * This manifest with a {@code resource.k8s.io/v1beta1} or {@code v1beta2} {@code ResourceClaim},
   * {@code ResourceClaimTemplate} or {@code DeviceClass} converted to {@code resource.k8s.io/v1},
   * remembering where it came from ({@link #convertedFrom()}); this manifest itself otherwise.
   *
   * @throws IllegalArgumentException when the object cannot be read as v1
   */
  public Manifest toResourceV1() {
    return convertedFrom != null ? this : ResourceApiVersions.toV1(this);
  }

  /** The object in the version it was written in: a converted claim back in v1beta1, anything else as it is. */
  public HasMetadata asWritten() {
    return convertedFrom == null ? resource
        : ResourceApiVersion.of(convertedFrom.apiVersion()).map(version -> version.fromV1(resource)).orElse(resource);
  }
}
