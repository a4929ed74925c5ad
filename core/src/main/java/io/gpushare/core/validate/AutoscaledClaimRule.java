package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.PodResourceClaim;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code ResourceClaim} reserves its device for at most 256 consumers ({@code status.reservedFor},
 * {@code ResourceClaimReservedForMaxSize} in Kubernetes {@code pkg/apis/resource/types.go}): a
 * {@code HorizontalPodAutoscaler} that can scale a workload whose pods share one claim beyond 256
 * pods leaves the pods beyond Pending. Replicas as written are judged by {@link PodApiRule}.
 *
 * <pre>
 * kind: HorizontalPodAutoscaler
 * spec:
 *   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm-gpu}   # resourceClaimName: gpu-claim
 *   maxReplicas: 300                                    -> ERROR LIMIT_EXCEEDED ....spec.maxReplicas
 * </pre>
 */
final class AutoscaledClaimRule implements Rule {

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (Autoscalers.Autoscaler autoscaler : context.autoscalers()) {
      Map<String, Integer> podsPerClaim = new LinkedHashMap<>();
      for (PodGroup group : autoscaler.target().podGroups()) {
        if (group.pod() == null) {
          continue;
        }
        Nulls.list(group.pod().getResourceClaims()).stream().map(PodResourceClaim::getResourceClaimName)
            .filter(name -> name != null).distinct()
            .forEach(claim -> podsPerClaim.merge(claim, autoscaler.pods(group), Integer::sum));
      }
      podsPerClaim.forEach((claim, pods) -> {
        if (pods > PodApiRule.MAX_PODS_PER_CLAIM) {
          findings.add(FindingCode.LIMIT_EXCEEDED, autoscaler.maxReplicasPath(),
              "expected at most " + PodApiRule.MAX_PODS_PER_CLAIM + " pods on ResourceClaim '" + claim
                  + "' (status.reservedFor), found maxReplicas " + autoscaler.maxReplicas() + ", which scales "
                  + autoscaler.target().id() + " to " + pods + " pods that share it",
              "pods beyond " + PodApiRule.MAX_PODS_PER_CLAIM + " stay Pending; lower maxReplicas so that at most "
                  + PodApiRule.MAX_PODS_PER_CLAIM + " pods share the claim, use several claims, or a"
                  + " ResourceClaimTemplate for a device per pod");
        }
      });
    }
  }
}
