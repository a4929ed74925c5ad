package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.KubernetesVersion;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ResourceApiVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The DRA API versions of a set judged against the release the cluster runs
 * ({@link Validator#forKubernetes}), as written in the files (before any conversion to v1):
 *
 * <pre>
 * # gpushare lint --kubernetes-version 1.30
 * apiVersion: resource.k8s.io/v1alpha2   # INFO RESOURCE_API_VERSION_UNCHECKED: 1.30 serves it, gpushare does not model it
 * # gpushare lint --kubernetes-version 1.32
 * apiVersion: resource.k8s.io/v1         # ERROR RESOURCE_API_VERSION_NOT_SERVED: 1.34 and later serve it
 * # gpushare lint --kubernetes-version 1.33
 * apiVersion: resource.k8s.io/v1alpha3   # ERROR RESOURCE_API_VERSION_REMOVED: served by 1.31 to 1.32
 * </pre>
 *
 * A version gpushare models (v1, v1beta2, v1beta1) is judged as v1 by the other rules whatever is
 * reported here; a pair of kind and version whose serving releases gpushare does not know is
 * judged as without a target.
 */
final class ServedApiVersions {
  private static final String GROUP = "resource.k8s.io/";
  private static final List<String> VERSIONS = List.of("v1alpha1", "v1alpha2", "v1alpha3", "v1beta1", "v1beta2", "v1");

  private ServedApiVersions() {}

  static void check(ValidationContext context, Findings findings) {
    KubernetesVersion target = context.kubernetesVersion();
    Set<String> reported = new HashSet<>();
    for (Manifest manifest : context.set().manifests()) {
      HasMetadata resource = manifest.resource();
      // a v1beta1 or v1beta2 object read from a file is held as v1: judge the version it was written in
      String apiVersion = manifest.convertedFrom() != null ? manifest.convertedFrom().apiVersion()
          : resource.getApiVersion();
      if (apiVersion == null || !apiVersion.startsWith(GROUP) || resource.getKind() == null) {
        continue;
      }
      String id = resource.getKind() + "[" + Names.shown(ValidationContext.name(resource)) + "]";
      if (!reported.add(id + " " + apiVersion)) {
        continue; // a duplicate: DUPLICATE_NAME says so
      }
      String range = KubernetesVersion.servedRange(apiVersion, resource.getKind()).orElse(null);
      if (range == null) {
        unknown(resource, id, findings); // never a converted one: those are all known
        continue;
      }
      boolean modeled = ResourceApiVersion.of(apiVersion).isPresent();
      String unchecked = modeled ? "" : "; nothing else about this object was checked";
      if (target.serves(apiVersion, resource.getKind()).orElse(false)) {
        if (!modeled) {
          findings.add(FindingCode.RESOURCE_API_VERSION_UNCHECKED, id + ".apiVersion",
              "Kubernetes " + target + " serves " + apiVersion + " (it is served by " + range + ")"
                  + ", a version gpushare does not model, so gpushare could not check this object",
              "check it on the cluster (kubectl apply --dry-run=server)" + checkedHint(resource, target));
        }
        continue;
      }
      boolean tooNew = KubernetesVersion.firstServing(apiVersion, resource.getKind()).orElseThrow().atLeast(target);
      String expected = "expected a version Kubernetes " + target + " serves for a " + resource.getKind() + " ("
          + served(resource.getKind(), target) + "), found " + apiVersion + ", which is served by " + range;
      if (tooNew) {
        findings.add(FindingCode.RESOURCE_API_VERSION_NOT_SERVED, id + ".apiVersion", expected + unchecked,
            "write it as " + supported(resource, target) + " (gpushare render --resource-api-version writes v1beta1"
                + " and v1beta2), or lint for the release the cluster runs");
      } else {
        findings.add(FindingCode.RESOURCE_API_VERSION_REMOVED, id + ".apiVersion", expected + unchecked,
            "rewrite it as " + supported(resource, target) + ", the version Kubernetes " + target + " serves");
      }
    }
  }

  /** Today's judgement, without a target, of a kind and version whose serving releases are not known. */
  private static void unknown(HasMetadata resource, String id, Findings findings) {
    String removal = DuplicateObjectsRule.removal(resource);
    if (removal != null) {
      findings.add(FindingCode.RESOURCE_API_VERSION_REMOVED, id + ".apiVersion",
          "expected resource.k8s.io/v1 (Kubernetes 1.34 and later; v1beta2 or v1beta1 on older clusters), found "
              + resource.getApiVersion() + ", which " + removal + "; nothing else about this object was checked",
          "rewrite it as resource.k8s.io/v1, or the version the cluster serves");
    }
  }

  /** The versions {@code target} serves for the kind, e.g. {@code resource.k8s.io/v1alpha3, resource.k8s.io/v1beta1}. */
  private static String served(String kind, KubernetesVersion target) {
    List<String> served = versions(kind, target).toList();
    return served.isEmpty() ? "none of the versions gpushare knows" : String.join(", ", served);
  }

  /** How to have gpushare check the object: a version it models that the target serves, or that none is. */
  private static String checkedHint(HasMetadata resource, KubernetesVersion target) {
    boolean modeledServed = versions(resource.getKind(), target).anyMatch(v -> ResourceApiVersion.of(v).isPresent());
    return modeledServed
        ? ", or write it as " + supported(resource, target) + " to have gpushare check it"
        : "; gpushare checks resource.k8s.io/v1beta1, v1beta2 and v1, none of which Kubernetes " + target + " serves";
  }

  /** The newest version gpushare models that {@code target} serves for the kind, else the newest it serves. */
  private static String supported(HasMetadata resource, KubernetesVersion target) {
    List<String> served = versions(resource.getKind(), target).toList();
    List<String> modeled = served.stream().filter(v -> ResourceApiVersion.of(v).isPresent()).toList();
    if (!modeled.isEmpty()) {
      return modeled.get(modeled.size() - 1);
    }
    return served.isEmpty() ? "a version the cluster serves" : served.get(served.size() - 1);
  }

  private static Stream<String> versions(String kind, KubernetesVersion target) {
    return VERSIONS.stream().map(v -> GROUP + v).filter(v -> target.serves(v, kind).orElse(false));
  }
}
