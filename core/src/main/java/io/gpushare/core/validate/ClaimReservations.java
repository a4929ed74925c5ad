package io.gpushare.core.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How many pods reserve each shared {@code ResourceClaim}: a claim serves at most
 * {@value #MAX_PODS_PER_CLAIM} consumers ({@code status.reservedFor}, {@code ResourceClaimReservedForMaxSize}
 * in kubernetes/kubernetes {@code pkg/apis/resource/types.go}); the pods beyond stay Pending. Each pod
 * counts once per claim, however many of its entries name it, with the extra pods of a rollout; the
 * pods of a workload a {@code HorizontalPodAutoscaler} scales count as written and again at the
 * autoscaler's {@code maxReplicas}, together with every other pod of the claim in the same namespace. A
 * workload that names no namespace is counted apart from those that name one (kubectl may apply it to
 * any), as the sharing budget counts it.
 * One finding per claim:
 *
 * <pre>
 * replicas: 300 on resourceClaimName: gpu-claim         -> ERROR LIMIT_EXCEEDED ResourceClaim[gpu-claim]
 * replicas: 2, HorizontalPodAutoscaler maxReplicas: 200, -> ERROR LIMIT_EXCEEDED HorizontalPodAutoscaler[vllm].spec.maxReplicas
 *   and another Deployment of 100 on the same claim          (300 in all at maxReplicas)
 * </pre>
 */
final class ClaimReservations {
  static final int MAX_PODS_PER_CLAIM = 256;

  /** The pods of one claim: as written, at the autoscalers' maxReplicas, and what each autoscaler adds. */
  private static final class Reservations {
    final String claim;
    long written;
    long atMost;
    /** Per autoscaler, in the order met (one autoscaler may scale several groups: a LeaderWorkerSet's). */
    final List<Raised> raisedBy = new ArrayList<>();

    Reservations(String claim) {
      this.claim = claim;
    }
  }

  /** The pods of the groups one autoscaler scales on the claim: at maxReplicas (with the surge there), as written. */
  private static final class Raised {
    final Autoscalers.Autoscaler autoscaler;
    long scaled;
    long surge;
    long written;

    Raised(Autoscalers.Autoscaler autoscaler) {
      this.autoscaler = autoscaler;
    }
  }

  private final Map<List<String>, Reservations> byClaim = new LinkedHashMap<>();

  /**
   * Counts the pods of {@code group} (of {@code namespace}, null when none is written) on {@code claim},
   * once per group, however many of its entries name the claim; with the extra pods of a rollout, at
   * maxReplicas too ({@code maxSurge: 25%} of 300 replicas is 75 more).
   */
  void add(String namespace, String claim, PodGroup group, Optional<Autoscalers.Autoscaler> autoscaler) {
    Reservations reservations = byClaim.computeIfAbsent(List.of(Objects.toString(namespace, ""), claim),
        key -> new Reservations(claim));
    // pods of an unknown count (a DaemonSet's) are not counted: the budget rule says so
    long written = (long) group.count().known() + group.surge().pods();
    reservations.written += written;
    if (autoscaler.isPresent()) {
      long surge = Autoscalers.surgeAtMost(group, autoscaler.get());
      long scaled = (long) Autoscalers.podsAtMost(group, autoscaler.get()) + surge;
      reservations.atMost += scaled;
      // the autoscalers are made once per validation: each is its own, compared by identity
      Raised raised = reservations.raisedBy.stream().filter(r -> r.autoscaler == autoscaler.get()).findFirst()
          .orElseGet(() -> {
            Raised added = new Raised(autoscaler.get());
            reservations.raisedBy.add(added);
            return added;
          });
      raised.scaled += scaled;
      raised.surge += scaled > written ? surge : 0;
      raised.written += written;
    } else {
      reservations.atMost += written;
    }
  }

  /** One finding for each claim whose pods exceed the limit, as written or at maxReplicas. */
  void report(Findings findings) {
    for (Reservations claim : byClaim.values()) {
      if (claim.written > MAX_PODS_PER_CLAIM) {
        findings.add(FindingCode.LIMIT_EXCEEDED, "ResourceClaim[" + claim.claim + "]",
            "expected at most " + MAX_PODS_PER_CLAIM + " pods on one claim (status.reservedFor), found " + claim.written,
            "pods beyond " + MAX_PODS_PER_CLAIM + " stay Pending; use several claims, or a ResourceClaimTemplate for a"
                + " device per pod");
      } else if (claim.atMost > MAX_PODS_PER_CLAIM) {
        // the autoscaler that adds the most pods to the claim: the one to lower first (the first of equals)
        Raised most = claim.raisedBy.stream()
            .max(java.util.Comparator.comparingLong(r -> r.scaled - r.written)).orElseThrow();
        Autoscalers.Autoscaler autoscaler = most.autoscaler;
        findings.add(FindingCode.LIMIT_EXCEEDED, autoscaler.maxReplicasPath(),
            "expected at most " + MAX_PODS_PER_CLAIM + " pods on ResourceClaim '" + claim.claim
                + "' (status.reservedFor), found maxReplicas " + autoscaler.maxReplicas() + ", which scales "
                + autoscaler.target().id() + " to " + most.scaled + " pods that share it"
                + (most.surge > 0 ? " (" + (most.scaled - most.surge) + " + " + most.surge + " more during a rolling"
                    + " update)" : "")
                + (claim.atMost > most.scaled ? ", " + claim.atMost + " in all with the claim's other pods" : ""),
            "pods beyond " + MAX_PODS_PER_CLAIM + " stay Pending; lower maxReplicas so that at most "
                + MAX_PODS_PER_CLAIM + " pods share the claim, use several claims, or a ResourceClaimTemplate for a"
                + " device per pod");
      }
    }
  }
}
