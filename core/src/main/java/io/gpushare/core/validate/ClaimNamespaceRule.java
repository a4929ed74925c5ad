package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.gpushare.core.model.ClaimScope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A ResourceClaim and a ResourceClaimTemplate are namespaced, and a pod can only use one of its own
 * namespace: a pod in {@code ml} whose {@code resourceClaimName: gpu-claim} exists only in
 * {@code default} stays Pending ("resourceclaim not found"), and no rule judges it against the claim
 * of {@code default} ({@link DeviceClaims#find}). Judged only where both namespaces are written: an
 * object without one lands in the namespace it is applied to, which may be the other's.
 *
 * <pre>
 * Deployment[vllm] (namespace ml)  resourceClaims[0].resourceClaimName: gpu-claim
 * ResourceClaim[gpu-claim]         namespace default    -> ERROR CLAIM_NAMESPACE_MISMATCH
 * </pre>
 */
final class ClaimNamespaceRule implements Rule {

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (Workload workload : context.workloads()) {
      String namespace = ValidationContext.namespace(workload.resource());
      if (namespace == null) {
        continue;
      }
      for (PodGroup group : workload.podGroups()) {
        if (group.pod() == null) {
          continue;
        }
        List<PodResourceClaim> claims = Nulls.list(group.pod().getResourceClaims());
        for (int i = 0; i < claims.size(); i++) {
          PodResourceClaim claim = claims.get(i);
          boolean shared = claim.getResourceClaimName() != null;
          String name = shared ? claim.getResourceClaimName() : claim.getResourceClaimTemplateName();
          ClaimScope scope = shared ? ClaimScope.SHARED : ClaimScope.PER_POD;
          if (context.deviceClaims().find(scope, namespace, name).isPresent()) {
            continue;
          }
          Set<String> elsewhere = new LinkedHashSet<>();
          context.deviceClaims().named(scope, name).forEach(other -> elsewhere.add("'" + other.namespace() + "'"));
          if (!elsewhere.isEmpty()) {
            String field = shared ? ".resourceClaimName" : ".resourceClaimTemplateName";
            findings.add(FindingCode.CLAIM_NAMESPACE_MISMATCH, group.podPath() + ".resourceClaims[" + i + "]" + field,
                "expected " + scope.kind() + " '" + name + "' in namespace '" + namespace + "', the pod's, found it only"
                    + " in namespace " + String.join(", ", elsewhere),
                "a pod can only use a " + scope.kind() + " of its own namespace, so the pod stays Pending (the"
                    + " scheduler finds no '" + name + "' in '" + namespace + "'): put " + workload.id() + " and the "
                    + scope.kind() + " in one namespace");
          }
        }
      }
    }
  }
}
