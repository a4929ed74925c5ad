package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Optional;

/**
 * Every pod of one allocated {@code ResourceClaim} runs on the node of its device, so replicas that
 * share a claim by {@code resourceClaimName} share one node, and so one value of every topology key.
 * Placement rules that keep a workload's own pods apart then leave the second pod Pending:
 *
 * <ul>
 *   <li>{@code SHARED_CLAIM_ANTI_AFFINITY}: a required pod anti-affinity term whose
 *       {@code labelSelector} selects the pods' own labels (in their own namespace): the second pod
 *       finds the first on the only node it may use.
 *   <li>{@code SHARED_CLAIM_TOPOLOGY_SPREAD}: a {@code whenUnsatisfiable: DoNotSchedule} spread
 *       constraint whose {@code labelSelector} selects the pods' own labels, with more pods than
 *       {@code maxSkew}. The scheduler's PodTopologySpread filter refuses a node when
 *       {@code matching pods in its domain + 1 - global minimum > maxSkew}; all pods are in one domain,
 *       so as soon as a second domain is eligible (minimum 0), or {@code minDomains} exceeds the
 *       domains (minimum 0 too), pod {@code maxSkew + 1} is refused everywhere.
 * </ul>
 *
 * A {@code resourceClaimTemplateName} gives each pod its own claim and device, and is not judged here.
 *
 * <pre>
 * replicas: 2
 * template:
 *   metadata: {labels: {app: vllm}}
 *   spec:
 *     affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution:
 *       [{labelSelector: {matchLabels: {app: vllm}}, topologyKey: kubernetes.io/hostname}]}}
 *     resourceClaims: [{name: gpu, resourceClaimName: gpu-claim}]   -> ERROR SHARED_CLAIM_ANTI_AFFINITY
 * </pre>
 */
final class SharedClaimPlacementRule implements Rule {

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (PodGroup group : context.podGroups()) {
      PodSpec pod = group.pod();
      Optional<String> claim = sharedClaim(pod);
      if (claim.isEmpty()) {
        continue;
      }
      Optional<Autoscalers.Autoscaler> autoscaler = context.autoscaler(group);
      int pods = Autoscalers.podsAtMost(group, autoscaler.orElse(null));
      if (pods < 2) {
        continue;
      }
      String counted = pods + " pods of " + group.id() + (Autoscalers.raises(group, autoscaler.orElse(null))
          ? " (at maxReplicas of " + autoscaler.get().id() + ")" : "");
      String namespace = context.namespace(group);
      checkAntiAffinity(pod, group, claim.get(), counted, namespace, findings);
      checkSpread(pod, group, claim.get(), counted, pods, findings);
    }
  }

  /** The first claim the pod shares with its siblings by {@code resourceClaimName}. */
  private static Optional<String> sharedClaim(PodSpec pod) {
    if (pod == null) {
      return Optional.empty();
    }
    return Nulls.list(pod.getResourceClaims()).stream().map(PodResourceClaim::getResourceClaimName)
        .filter(name -> name != null).findFirst();
  }

  private static void checkAntiAffinity(PodSpec pod, PodGroup group, String claim, String counted, String namespace,
      Findings findings) {
    if (pod.getAffinity() == null || pod.getAffinity().getPodAntiAffinity() == null) {
      return;
    }
    List<PodAffinityTerm> terms =
        Nulls.list(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution());
    for (int t = 0; t < terms.size(); t++) {
      PodAffinityTerm term = terms.get(t);
      // mismatchLabelKeys adds `key notin (the pod's own value)` to the selector (Kubernetes 1.29+):
      // a term with one of the pods' own label keys there never selects their siblings
      boolean mismatched = Nulls.list(term.getMismatchLabelKeys()).stream().anyMatch(group.labels()::containsKey);
      if (mismatched || !ownNamespace(term, namespace)
          || !LabelSelectors.selects(term.getLabelSelector(), group.labels()).orElse(false)) {
        continue;
      }
      findings.add(FindingCode.SHARED_CLAIM_ANTI_AFFINITY,
          group.podPath() + ".affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[" + t + "]",
          "expected the " + counted + ", which share ResourceClaim '" + claim + "' and so run on the node of its"
              + " device, to be allowed on one node, found required pod anti-affinity on topologyKey "
              + Names.quoted(term.getTopologyKey()) + " whose labelSelector selects their own labels: the second"
              + " pod can never schedule",
          "make the term preferredDuringSchedulingIgnoredDuringExecution, or give each pod its own device with"
              + " resourceClaimTemplateName");
    }
  }

  /**
   * Whether an affinity term counts pods of the pod's own namespace: no namespaces and no
   * namespaceSelector (its own), a namespaceSelector {} (all), or its namespace listed.
   */
  private static boolean ownNamespace(PodAffinityTerm term, String namespace) {
    List<String> listed = Nulls.list(term.getNamespaces());
    if (listed.isEmpty() && term.getNamespaceSelector() == null) {
      return true;
    }
    return LabelSelectors.everything(term.getNamespaceSelector()) || namespace != null && listed.contains(namespace);
  }

  /**
   * Whether the pod's own node selection leaves one domain of the constraint's key: its nodeSelector,
   * or every term of its required node affinity, fixes the key to one value, and the constraint
   * honours node affinity (nodeAffinityPolicy Honor, the default) without asking for more domains
   * (minDomains 1 or unset). With one domain the skew stays 0 and every pod schedules.
   */
  private static boolean oneDomain(PodSpec pod, TopologySpreadConstraint constraint) {
    String key = constraint.getTopologyKey();
    if (key == null || "Ignore".equals(constraint.getNodeAffinityPolicy())
        || (constraint.getMinDomains() != null && constraint.getMinDomains() > 1)) {
      return false;
    }
    if (Nulls.map(pod.getNodeSelector()).containsKey(key)) {
      return true;
    }
    if (pod.getAffinity() == null || pod.getAffinity().getNodeAffinity() == null
        || pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return false;
    }
    List<io.fabric8.kubernetes.api.model.NodeSelectorTerm> terms = Nulls.list(
        pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms());
    java.util.Set<String> values = new java.util.HashSet<>();
    for (io.fabric8.kubernetes.api.model.NodeSelectorTerm term : terms) {
      Optional<String> pinned = Nulls.list(term.getMatchExpressions()).stream()
          .filter(e -> key.equals(e.getKey()) && "In".equals(e.getOperator()) && Nulls.list(e.getValues()).size() == 1)
          .map(e -> e.getValues().get(0)).findFirst();
      if (pinned.isEmpty()) {
        return false;
      }
      values.add(pinned.get());
    }
    return !terms.isEmpty() && values.size() == 1;
  }

  private static void checkSpread(PodSpec pod, PodGroup group, String claim, String counted, int pods,
      Findings findings) {
    List<TopologySpreadConstraint> constraints = Nulls.list(pod.getTopologySpreadConstraints());
    for (int c = 0; c < constraints.size(); c++) {
      TopologySpreadConstraint constraint = constraints.get(c);
      Integer maxSkew = constraint.getMaxSkew();
      if (!"DoNotSchedule".equals(constraint.getWhenUnsatisfiable()) || maxSkew == null || maxSkew < 1
          || pods <= maxSkew || !LabelSelectors.selects(constraint.getLabelSelector(), group.labels()).orElse(false)
          || oneDomain(pod, constraint)) {
        continue;
      }
      findings.add(FindingCode.SHARED_CLAIM_TOPOLOGY_SPREAD, group.podPath() + ".topologySpreadConstraints[" + c + "]",
          "expected at most maxSkew " + maxSkew + " pods in one " + Names.quoted(constraint.getTopologyKey())
              + " domain, found the " + counted + ", which share ResourceClaim '" + claim + "' and so all run on the"
              + " node of its device: once a second domain is eligible, pod " + (maxSkew + 1) + " exceeds the skew"
              + " on every node and stays Pending",
          "make it whenUnsatisfiable: ScheduleAnyway, or give each pod its own device with"
              + " resourceClaimTemplateName");
    }
  }
}
