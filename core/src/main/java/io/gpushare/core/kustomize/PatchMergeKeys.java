package io.gpushare.core.kustomize;

import java.util.Map;
import java.util.Optional;

/**
 * The lists a strategic-merge patch merges item by item, and the key that matches an item of the
 * patch with an item of the object: the {@code patchStrategy:"merge"} and {@code patchMergeKey}
 * struct tags of the Kubernetes API's Go types ({@code k8s.io/api/core/v1/types.go}). Every other
 * list (a container's {@code args} and {@code command}, {@code tolerations}, {@code envFrom}) is
 * replaced whole by the patch's list, as the API server does.
 *
 * <pre>
 * containers:            # merged by name
 * - name: inference-server
 *   args: [--max-model-len=1200]   # replaced
 * </pre>
 */
final class PatchMergeKeys {
  /** Field name to merge key, for the fields gpushare's workloads carry. */
  private static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry("containers", "name"),
      Map.entry("initContainers", "name"),
      Map.entry("ephemeralContainers", "name"),
      Map.entry("volumes", "name"),
      Map.entry("env", "name"),
      Map.entry("volumeMounts", "mountPath"),
      Map.entry("volumeDevices", "devicePath"),
      Map.entry("imagePullSecrets", "name"),
      Map.entry("hostAliases", "ip"),
      Map.entry("resourceClaims", "name"),
      Map.entry("topologySpreadConstraints", "topologyKey"));

  private PatchMergeKeys() {}

  /**
   * The merge key of the list under {@code field}; {@code ports} is merged by {@code containerPort}
   * in a container and by {@code port} in a Service, told apart by the items.
   */
  static Optional<String> of(String field, boolean itemsHaveContainerPort) {
    if (field.equals("ports")) {
      return Optional.of(itemsHaveContainerPort ? "containerPort" : "port");
    }
    return Optional.ofNullable(KEYS.get(field));
  }
}
