package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A pod's {@code resourceClaimName} or {@code resourceClaimTemplateName}: the name of an object, so a
 * DNS subdomain ({@code validatePodResourceClaim} in {@code pkg/apis/core/validation}), and, when the
 * set has no v1 object of that name, what the pod's reader should know about it.
 *
 * <pre>
 * resourceClaims:
 * - name: gpu
 *   resourceClaimName: .foo_bar      # INVALID_NAME: not a DNS subdomain
 * </pre>
 */
final class PodClaimSources {
  private PodClaimSources() {}

  /** Whether the name is a DNS subdomain; reports it when not. */
  static boolean valid(String name, String path, Findings findings) {
    String problem = Names.dns1123Subdomain(name);
    if (problem.isEmpty()) {
      return true;
    }
    findings.add(FindingCode.INVALID_NAME, path, "expected " + problem + ", found " + Names.quoted(name),
        "name the claim or template object exactly as its metadata.name says, e.g. gpu-claim");
    return false;
  }

  /**
   * Reports a claim or template the set does not hold as v1: either it is there in a version no rule
   * reads (RESOURCE_API_VERSION_REMOVED says why), or it is in none of the files.
   */
  static void notInSet(String kind, String name, String path, ValidationContext context, Findings findings) {
    HasMetadata other = context.otherResourceVersions().stream()
        .filter(resource -> kind.equals(resource.getKind()) && name.equals(ValidationContext.name(resource)))
        .findFirst().orElse(null);
    if (other != null) {
      findings.add(FindingCode.CLAIM_NOT_IN_SET, path,
          kind + " '" + name + "' is among the manifests as " + other.getApiVersion() + ", a version gpushare does"
              + " not judge, so nothing about it was checked",
          "write it as resource.k8s.io/v1 (or v1beta2/v1beta1, which are read as v1) to have it checked");
      return;
    }
    String what = kind.equals("ResourceClaim") ? "the claim's" : "the template's";
    findings.add(FindingCode.CLAIM_NOT_IN_SET, path,
        kind + " '" + name + "' is not among the manifests checked, so nothing about it was checked",
        "include " + what + " file when linting, or create it before the pods");
  }
}
