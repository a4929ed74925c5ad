package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.gpushare.core.kube.KubernetesVersion;
import java.util.Map;

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
  /**
   * The release that moved {@code source.resourceClaimName} and {@code source.resourceClaimTemplateName}
   * onto the entry and dropped {@code source} (kubernetes/kubernetes#125116, "DRA: remove "source"
   * indirection from v1 Pod API", Kubernetes 1.31).
   */
  static final KubernetesVersion SOURCE_REMOVED = new KubernetesVersion(1, 31);

  private PodClaimSources() {}

  /** The claim and template an entry names, as the target cluster reads the entry. */
  record Entry(String claimName, String templateName) {}

  /**
   * What a pod's claim entry names on the validator's target cluster. Without a target, or on 1.31
   * and later, {@code resourceClaimName} and {@code resourceClaimTemplateName} on the entry. On a
   * target before 1.31 the entry's {@code source:} holds them instead, as those releases read it:
   *
   * <pre>
   * resourceClaims:          # Kubernetes 1.27 to 1.30
   * - name: gpu
   *   source:
   *     resourceClaimTemplateName: gpu-template
   * </pre>
   *
   * Reports an entry written for the other side of 1.31 when a target is given; null then.
   */
  static Entry entry(PodResourceClaim claim, String path, KubernetesVersion target, Findings findings) {
    Object source = claim.getAdditionalProperties().get("source");
    Map<?, ?> legacy = source instanceof Map<?, ?> map ? map : null;
    Entry entry = new Entry(claim.getResourceClaimName(), claim.getResourceClaimTemplateName());
    if (target == null) {
      return entry;
    }
    if (target.atLeast(SOURCE_REMOVED)) {
      if (legacy != null && entry.claimName() == null && entry.templateName() == null) {
        findings.add(FindingCode.POD_CLAIM_SOURCE, path,
            "expected exactly one of resourceClaimName or resourceClaimTemplateName, found neither but a source:"
                + " field, which Kubernetes " + SOURCE_REMOVED + " removed (it is read up to 1.30); Kubernetes "
                + target + " ignores it",
            "move source's resourceClaimName or resourceClaimTemplateName up onto the entry and remove source:");
        return null;
      }
      return entry;
    }
    if (entry.claimName() != null || entry.templateName() != null) {
      findings.add(FindingCode.POD_CLAIM_SOURCE, path,
          "expected source.resourceClaimName or source.resourceClaimTemplateName, as Kubernetes " + target
              + " reads them, found " + (entry.claimName() != null ? "resourceClaimName" : "resourceClaimTemplateName")
              + " on the entry, where Kubernetes " + SOURCE_REMOVED + " moved it",
          "on Kubernetes 1.30 and earlier write it under source:, or lint for the cluster's version if it is "
              + SOURCE_REMOVED + " or later");
      return null;
    }
    return legacy == null ? entry : new Entry(text(legacy.get("resourceClaimName")),
        text(legacy.get("resourceClaimTemplateName")));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

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
