package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.gpushare.core.model.ClaimScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A ResourceClaim and a ResourceClaimTemplate are namespaced, and a pod can only use one of its own
 * namespace: a pod in {@code ml} whose {@code resourceClaimName: gpu-claim} exists only in
 * {@code default} stays Pending ("resourceclaim not found"). Judged only where both namespaces are
 * written: an object without one lands in the namespace it is applied to.
 *
 * <pre>
 * Deployment[vllm] (namespace ml)  resourceClaims[0].resourceClaimName: gpu-claim
 * ResourceClaim[gpu-claim]         namespace default    -> CLAIM_NAMESPACE_MISMATCH
 * </pre>
 */
final class ClaimNamespaceRule implements Rule {
  private record ClaimKey(ClaimScope scope, String name) {}

  @Override
  public void check(ValidationContext context, Findings findings) {
    // the namespaces written in the claims and templates of each scope and name, read once
    Map<ClaimKey, List<String>> namespacesByClaim = new HashMap<>();
    for (DeviceClaims.DeviceClaimView view : context.deviceClaims().all()) {
      namespacesByClaim.computeIfAbsent(new ClaimKey(view.scope(), view.name()), k -> new ArrayList<>())
          .add(ValidationContext.namespace(view.resource()));
    }
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
          List<String> elsewhere = new ArrayList<>();
          boolean here = false;
          for (String claimNamespace : namespacesByClaim.getOrDefault(new ClaimKey(scope, name), List.of())) {
            if (claimNamespace == null || claimNamespace.equals(namespace)) {
              here = true;
            } else {
              elsewhere.add(claimNamespace);
            }
          }
          if (!here && !elsewhere.isEmpty()) {
            String field = shared ? ".resourceClaimName" : ".resourceClaimTemplateName";
            findings.add(FindingCode.CLAIM_NAMESPACE_MISMATCH, group.podPath() + ".resourceClaims[" + i + "]" + field,
                "expected " + scope.kind() + " '" + name + "' in namespace '" + namespace + "', the pod's, found it only"
                    + " in namespace " + String.join(", ", elsewhere.stream().map(n -> "'" + n + "'").toList()),
                "a pod can only use a claim of its own namespace, so unless '" + namespace + "' has its own (not among"
                    + " these files) the pod stays Pending: put " + workload.id() + " and the " + scope.kind()
                    + " in one namespace");
          }
        }
      }
    }
  }
}
