package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that converts DRA objects between API versions, on their generic tree (maps and
 * lists), as Kubernetes converts them: {@link #toV1} for what is read, {@link #fromV1} for what is
 * written. {@code v1beta2} is v1 under another {@code apiVersion}; {@code v1beta1} differs in one
 * place, the request:
 *
 * <pre>
 * v1beta1                               v1
 * requests:                             requests:
 * - name: gpu                           - name: gpu
 *   deviceClassName: gpu.nvidia.com       exactly:
 *   count: 2                                deviceClassName: gpu.nvidia.com
 *                                           count: 2
 * </pre>
 *
 * A v1beta1 request gets {@code exactly:} when any of those fields is set, whether or not it has
 * {@code firstAvailable} (both is then an error the validator reports, as the API server would), or
 * when it has no {@code firstAvailable} either; {@code firstAvailable} subrequests have the same
 * shape in every version. The fields moved are those of v1's {@code ExactDeviceRequest}, so a field
 * a newer model adds moves with them.
 */
final class ResourceApiVersions {
  private static final Set<String> KINDS = Set.of("ResourceClaim", "ResourceClaimTemplate", "DeviceClass");

  /** The kinds whose serving releases are known below: what a workload's claims need, and the driver's slices. */
  private static final Set<String> SERVED_KINDS =
      Set.of("ResourceClaim", "ResourceClaimTemplate", "DeviceClass", "ResourceSlice");

  /**
   * The releases that serve a version, for {@link #SERVED_KINDS} (claims and templates only in
   * v1alpha1 and v1alpha2). From the Kubernetes
   * changelogs and {@code k8s.io/api/resource} of each release: v1alpha1 came with 1.26 and went
   * with 1.27, which brought v1alpha2; 1.31 replaced it with v1alpha3 (structured parameters,
   * KEP-4381); 1.32 added v1beta1, 1.33 v1beta2 and dropped v1alpha3 for these kinds (it keeps
   * DeviceTaintRule), 1.34 added v1 (GA).
   */
  private static final Map<String, Served> SERVED = Map.of(
      "resource.k8s.io/v1alpha1", new Served(new KubernetesVersion(1, 26), new KubernetesVersion(1, 26)),
      "resource.k8s.io/v1alpha2", new Served(new KubernetesVersion(1, 27), new KubernetesVersion(1, 30)),
      "resource.k8s.io/v1alpha3", new Served(new KubernetesVersion(1, 31), new KubernetesVersion(1, 32)),
      "resource.k8s.io/v1beta1", new Served(new KubernetesVersion(1, 32), null),
      "resource.k8s.io/v1beta2", new Served(new KubernetesVersion(1, 33), null),
      "resource.k8s.io/v1", new Served(new KubernetesVersion(1, 34), null));

  /** Releases {@code first} to {@code last} (null: every later one). */
  record Served(KubernetesVersion first, KubernetesVersion last) {
    boolean contains(KubernetesVersion version) {
      return version.atLeast(first) && (last == null || last.atLeast(version));
    }

    /** {@code 1.27 to 1.30}, {@code 1.26 only}, {@code 1.32 and later}. */
    String text() {
      return last == null ? first + " and later" : last.equals(first) ? first + " only" : first + " to " + last;
    }
  }

  /** The releases that serve {@code kind} in {@code apiVersion}; null when not known. */
  static Served served(String apiVersion, String kind) {
    if (apiVersion == null || kind == null || !SERVED_KINDS.contains(kind)) {
      return null;
    }
    boolean classic = "resource.k8s.io/v1alpha1".equals(apiVersion) || "resource.k8s.io/v1alpha2".equals(apiVersion);
    if (classic && !kind.startsWith("ResourceClaim")) {
      return null; // classic DRA had ResourceClass, no DeviceClass, and slices only in 1.30: not tracked
    }
    return SERVED.get(apiVersion);
  }

  private ResourceApiVersions() {}

  /**
   * The manifest with its {@code v1beta1} or {@code v1beta2} object converted to v1, remembering
   * where it came from; any other manifest as it is.
   *
   * @throws IllegalArgumentException when the converted tree is not a valid v1 object
   */
  static Manifest toV1(Manifest manifest) {
    HasMetadata resource = manifest.resource();
    ResourceApiVersion version = converted(resource);
    if (version == null) {
      return manifest;
    }
    Map<String, Object> tree = tree(resource);
    Map<String, String> moved = new LinkedHashMap<>();
    if (version == ResourceApiVersion.V1BETA1) {
      List<Map<String, Object>> requests = requests(tree);
      String prefix = manifest.id() + requestsPath(resource.getKind());
      for (int i = 0; i < requests.size(); i++) {
        if (v1beta1RequestToV1(requests.get(i))) {
          moved.put(prefix + "[" + i + "].exactly", prefix + "[" + i + "]");
        }
      }
    }
    tree.put("apiVersion", ResourceApiVersion.V1.apiVersion());
    return new Manifest(typed(tree), manifest.file(), manifest.origin(),
        new ConvertedFrom(resource.getApiVersion(), moved), manifest.acknowledgements());
  }

  /** A v1 object in {@code target}'s version, a new object; any other object as it is. */
  static HasMetadata fromV1(HasMetadata resource, ResourceApiVersion target) {
    if (target == ResourceApiVersion.V1 || !convertible(resource)
        || !ResourceApiVersion.V1.apiVersion().equals(resource.getApiVersion())) {
      return resource;
    }
    Map<String, Object> tree = tree(resource);
    if (target == ResourceApiVersion.V1BETA1) {
      requests(tree).forEach(ResourceApiVersions::v1RequestToV1beta1);
    }
    tree.put("apiVersion", target.apiVersion());
    return typed(tree);
  }

  /** The beta version of a claim, template or class that {@link #toV1} converts; null for anything else. */
  private static ResourceApiVersion converted(HasMetadata resource) {
    if (!convertible(resource)) {
      return null;
    }
    for (ResourceApiVersion version : ResourceApiVersion.values()) {
      if (version != ResourceApiVersion.V1 && version.apiVersion().equals(resource.getApiVersion())) {
        return version;
      }
    }
    return null;
  }

  private static boolean convertible(HasMetadata resource) {
    return resource.getKind() != null && KINDS.contains(resource.getKind());
  }

  /**
   * Moves a v1beta1 request's device fields under {@code exactly:}; whether it has an {@code exactly:}
   * now. A request with neither device fields nor {@code firstAvailable} gets an empty one, so that
   * what it lacks is reported in v1beta1's terms (no {@code deviceClassName}); Kubernetes gives it
   * neither and refuses it too.
   */
  private static boolean v1beta1RequestToV1(Map<String, Object> request) {
    if (request.containsKey("exactly")) {
      return false; // written in v1's shape under v1beta1: kept as it is (the API server would refuse the field)
    }
    Map<String, Object> exactly = new LinkedHashMap<>();
    for (String field : Jackson.EXACT_FIELDS) {
      if (request.containsKey(field)) {
        exactly.put(field, request.remove(field));
      }
    }
    if (exactly.isEmpty() && request.get("firstAvailable") instanceof List<?> subrequests && !subrequests.isEmpty()) {
      return false;
    }
    request.put("exactly", exactly);
    return true;
  }

  /** Lifts a v1 request's {@code exactly:} fields onto the request, as v1beta1 has them. */
  private static void v1RequestToV1beta1(Map<String, Object> request) {
    if (request.remove("exactly") instanceof Map<?, ?> exactly) {
      exactly.forEach((field, value) -> request.put((String) field, value));
    }
  }

  private static String requestsPath(String kind) {
    return "ResourceClaimTemplate".equals(kind) ? ".spec.spec.devices.requests" : ".spec.devices.requests";
  }

  /** The request maps of a claim ({@code spec.devices}) or template ({@code spec.spec.devices}); none for a class. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> requests(Map<String, Object> tree) {
    Object spec = tree.get("spec");
    if ("ResourceClaimTemplate".equals(tree.get("kind")) && spec instanceof Map<?, ?> templateSpec) {
      spec = templateSpec.get("spec");
    }
    List<Map<String, Object>> requests = new ArrayList<>();
    if (spec instanceof Map<?, ?> claimSpec && claimSpec.get("devices") instanceof Map<?, ?> devices
        && devices.get("requests") instanceof List<?> list) {
      for (Object request : list) {
        // a request that is not a map cannot have been read into a typed object; keep indexes aligned
        requests.add(request instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>());
      }
    }
    return requests;
  }

  private static Map<String, Object> tree(HasMetadata resource) {
    return KubeJson.toMap(resource);
  }

  private static HasMetadata typed(Map<String, Object> tree) {
    // fabric8's registry gives the class of the tree's apiVersion and kind
    return (HasMetadata) KubeJson.convert(tree, KubernetesResource.class);
  }

  /** Made on the first conversion only: validating v1 objects never needs it. */
  private static final class Jackson {
    /** What v1 holds under {@code exactly:} and v1beta1 on the request: the fields of {@link ExactDeviceRequest}. */
    static final List<String> EXACT_FIELDS = KubeJson.fieldNames(ExactDeviceRequest.class);
  }
}
