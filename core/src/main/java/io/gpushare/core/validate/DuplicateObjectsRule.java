package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/**
 * Objects the other rules cannot judge, said out loud: two objects of one kind with one name (and
 * namespace) in the set (the API server keeps one, so the other's settings silently vanish; the
 * first is judged), and DRA objects of an API version that no supported Kubernetes serves any more.
 * Objects of {@code resource.k8s.io/v1beta1} and {@code v1beta2} are not among them: they are judged
 * as the {@code resource.k8s.io/v1} objects they convert to. With a target release
 * ({@link Validator#forKubernetes}), versions are judged by what that release serves instead
 * ({@link ServedApiVersions}).
 */
final class DuplicateObjectsRule implements Rule {
  /** The v1alpha3 kinds Kubernetes 1.33 dropped; v1alpha3 kept only DeviceTaintRule (and later alpha kinds). */
  private static final Set<String> V1ALPHA3_REMOVED_KINDS =
      Set.of("ResourceClaim", "ResourceClaimTemplate", "DeviceClass", "ResourceSlice", "PodSchedulingContext");

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (String duplicate : context.duplicates()) {
      findings.add(FindingCode.DUPLICATE_NAME, duplicate,
          "expected one object of this kind and name, found it again; only the first was checked",
          "rename one of them, or remove the copy: the API server keeps only the last one applied");
    }
    if (context.kubernetesVersion() != null) {
      ServedApiVersions.check(context, findings); // judged by the target cluster's release instead
      return;
    }
    for (HasMetadata resource : context.otherResourceVersions()) {
      String removal = removal(resource);
      if (removal != null) {
        String id = resource.getKind() + "[" + Names.shown(ValidationContext.name(resource)) + "]";
        findings.add(FindingCode.RESOURCE_API_VERSION_REMOVED, id + ".apiVersion",
            "expected resource.k8s.io/v1 (Kubernetes 1.34 and later; v1beta2 or v1beta1 on older clusters), found "
                + resource.getApiVersion() + ", which " + removal + "; nothing else about this object was checked",
            resource.getApiVersion().endsWith("/v1alpha3")
                ? "v1alpha3 has the shape of resource.k8s.io/v1beta1: change the apiVersion to v1beta1, or to v1 and"
                    + " move each request's deviceClassName, selectors, allocationMode and count under `exactly:`"
                : "rewrite it as resource.k8s.io/v1: each request names a deviceClassName under `exactly:`, and"
                    + " NVIDIA sharing settings go in an opaque config of the claim");
      }
    }
  }

  /** Why no supported Kubernetes serves this object's version, or null when one does. */
  static String removal(HasMetadata resource) {
    return switch (resource.getApiVersion()) {
      case "resource.k8s.io/v1alpha1" -> "Kubernetes 1.27 removed (it was served by 1.26 only)";
      case "resource.k8s.io/v1alpha2" ->
          "Kubernetes 1.31 removed with classic DRA (it was served by 1.27 to 1.30, as an alpha API)";
      case "resource.k8s.io/v1alpha3" -> V1ALPHA3_REMOVED_KINDS.contains(resource.getKind())
          ? "Kubernetes 1.33 removed for " + resource.getKind() + " (it was served by 1.31 and 1.32, as an alpha API)"
          : null;
      default -> null;
    };
  }
}
