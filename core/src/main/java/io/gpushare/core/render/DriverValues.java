package io.gpushare.core.render;

import io.gpushare.core.yaml.YamlRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Helm values for the NVIDIA DRA driver chart {@code dra-driver-nvidia-gpu} 0.4.0 that turn on
 * exactly the feature gates a set of manifests needs, with the install command in a comment; the
 * other values are the GKE DRA guides' (their {@code nvidiaDriverRoot} is GKE's COS path).
 */
final class DriverValues {
  static final String FILE = "dra-driver-values.yaml";
  static final String CHART_VERSION = "0.4.0";

  private DriverValues() {}

  // The text depends only on the gates, of which there are few combinations: render each once.
  private static final java.util.concurrent.ConcurrentMap<Set<String>, String> RENDERED =
      new java.util.concurrent.ConcurrentHashMap<>();

  static String render(Set<String> featureGates) {
    return RENDERED.computeIfAbsent(Set.copyOf(featureGates), gates -> renderNew(new java.util.TreeSet<>(gates)));
  }

  private static String renderNew(Set<String> featureGates) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("nvidiaDriverRoot", "/home/kubernetes/bin/nvidia/");
    values.put("gpuResourcesEnabledOverride", true);
    values.put("resources", Map.of("computeDomains", Map.of("enabled", false)));
    Map<String, Object> gates = new LinkedHashMap<>();
    featureGates.forEach(gate -> gates.put(gate, true));
    values.put("featureGates", gates);
    Map<String, Object> kubeletPlugin = new LinkedHashMap<>();
    kubeletPlugin.put("priorityClassName", "");
    kubeletPlugin.put("tolerations", List.of(Map.of("operator", "Exists")));
    values.put("kubeletPlugin", kubeletPlugin);
    return YamlRenderer.canonical().renderMap(values, List.of(
        "Helm values for the NVIDIA DRA driver, chart " + CHART_VERSION + ", as these manifests need it.",
        "Feature gates: " + (featureGates.isEmpty() ? "none" : String.join(", ", featureGates)) + ".",
        "nvidiaDriverRoot is GKE's (COS); with the GPU Operator use /run/nvidia/driver, on a host install /.",
        "Install:",
        "  helm install dra-driver-nvidia-gpu oci://registry.k8s.io/dra-driver-nvidia/charts/dra-driver-nvidia-gpu \\",
        "    --version=" + CHART_VERSION + " --create-namespace --namespace=dra-driver-nvidia-gpu -f " + FILE));
  }
}
