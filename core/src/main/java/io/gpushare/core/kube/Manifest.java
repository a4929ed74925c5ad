package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * @param resource the fabric8 object; any kind, unknown kinds as {@code GenericKubernetesResource}
 * @param file the output file name, e.g. {@code vllm.yaml}
 * @param origin a human-readable origin, e.g. {@code VllmDeploymentSpec[vllm-gpu]}
 */
public record Manifest(HasMetadata resource, String file, String origin) {
  public Manifest {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code Kind[name]}, the prefix of every finding's path about this object. */
  public String id() {
    return resource.getKind() + "[" + (resource.getMetadata() == null ? null : resource.getMetadata().getName()) + "]";
  }
}
