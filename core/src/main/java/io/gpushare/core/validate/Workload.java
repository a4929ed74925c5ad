package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object that runs pods from one or more pod templates: a Pod, Deployment, ReplicaSet,
 * ReplicationController, StatefulSet, DaemonSet, Job, CronJob or LeaderWorkerSet, as
 * {@link Workloads} reads it. Rules judge
 * its {@link PodGroup}s and never ask for its kind.
 *
 * <pre>
 * kind: StatefulSet                 Workload StatefulSet[vllm]
 * metadata: {name: vllm}              podGroups: [StatefulSet[vllm].spec.template.spec, 3 pods at once]
 * spec:                               selector:  StatefulSet[vllm].spec.selector
 *   replicas: 3                       counts:    [replicas 3 at StatefulSet[vllm].spec.replicas]
 *   selector: {matchLabels: ...}      start:     ORDERED (podManagementPolicy OrderedReady, the default)
 *   template: {metadata: ..., spec: ...}
 * </pre>
 *
 * @param id {@code StatefulSet[vllm]}, the prefix of every path about it
 * @param resource the object itself
 * @param podGroups its pods, one group per pod template (a LeaderWorkerSet with a leader template has two)
 * @param selector its {@code spec.selector}, when the API server requires it to select the template's labels
 * @param counts the fields that say how many pods run (replicas, parallelism, size), as written
 * @param start whether its pods start together or one after another
 * @param unreadable paths of fields read without a schema (a LeaderWorkerSet's) whose JSON type is wrong
 */
record Workload(String id, HasMetadata resource, List<PodGroup> podGroups, Optional<Selector> selector,
    List<CountField> counts, Start start, List<String> unreadable) {

  String kind() {
    return resource.getKind();
  }

  /**
   * A selector the API server checks against the pod template's labels.
   *
   * @param path {@code Deployment[vllm-gpu].spec.selector}
   * @param selector the selector as written, null when absent
   * @param templatePath {@code Deployment[vllm-gpu].spec.template}
   * @param templateLabels the template's own labels
   */
  record Selector(String path, LabelSelector selector, String templatePath, Map<String, String> templateLabels) {}

  /**
   * A field that sets a number of pods or groups, and the least the API accepts.
   *
   * @param path {@code Job[x].spec.parallelism}
   * @param name {@code parallelism}
   * @param value the value as written
   * @param minimum 0 for replicas and parallelism, 1 for a LeaderWorkerSet's size
   */
  record CountField(String path, String name, int value, int minimum) {}

  /** How the pods of a workload start. */
  enum Start {
    /** All at once: every kind, but for the two below (a StatefulSet with Parallel starts all at once too). */
    TOGETHER,
    /**
     * One after another: a StatefulSet with {@code podManagementPolicy: OrderedReady} (the default)
     * starts pod n+1 once pod n is ready; a LeaderWorkerSet with {@code startupPolicy: LeaderReady}
     * starts the workers once the leader is ready.
     */
    ORDERED
  }
}
