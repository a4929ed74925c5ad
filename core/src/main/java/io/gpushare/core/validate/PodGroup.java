package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The pods a workload runs from one pod template, and how many of them run at once. Paths of
 * findings about the pod start with {@link #podPath()}.
 *
 * <pre>
 * Deployment[vllm-gpu]            Deployment[vllm-gpu].spec.template.spec                      2 (+ 1 surge)
 * CronJob[bench]                  CronJob[bench].spec.jobTemplate.spec.template.spec           1 (+ 1 overlapping run)
 * LeaderWorkerSet[vllm] leaders   LeaderWorkerSet[vllm].spec.leaderWorkerTemplate.leaderTemplate.spec   replicas
 * LeaderWorkerSet[vllm] workers   LeaderWorkerSet[vllm].spec.leaderWorkerTemplate.workerTemplate.spec   replicas x (size - 1)
 * DaemonSet[agent]                DaemonSet[agent].spec.template.spec                          unknown: one per node
 * </pre>
 *
 * @param id how messages name the pods: {@code Deployment[vllm-gpu]}, {@code LeaderWorkerSet[vllm] workers}
 * @param podPath {@code Deployment[vllm-gpu].spec.template.spec}
 * @param pod the pod spec, null when the template has none
 * @param labels the labels its pods carry: the template's, and those the controller adds for sure
 * @param count how many of its pods run at once in the steady state
 * @param surge how many more a rollout (or an overlapping run) starts next to them
 */
record PodGroup(String id, String podPath, PodSpec pod, Map<String, String> labels, Count count, Surge surge) {

  /**
   * How many pods run at once: a number, or unknown with the reason.
   *
   * @param value the number, empty when the manifests cannot say
   * @param unknownBecause why, for messages: {@code one pod per node that matches ...}
   */
  record Count(OptionalInt value, String unknownBecause) {
    static Count of(int pods) {
      return new Count(OptionalInt.of(Math.max(0, pods)), "");
    }

    static Count unknown(String because) {
      return new Count(OptionalInt.empty(), because);
    }

    /** The number, or 0 when unknown: for sums that must not guess. */
    int known() {
      return value.orElse(0);
    }
  }

  /**
   * Extra pods started next to the running ones while a rollout (or an overlapping run) is under
   * way. The groups of one workload share one {@code path}.
   *
   * @param pods how many more pods of this group
   * @param path where it is set: {@code Deployment[vllm-gpu].spec.strategy}
   * @param event what starts them: {@code a rolling update}, {@code an overlapping run}
   * @param description why that many: {@code maxSurge defaults to 25%}
   * @param hint how to avoid them
   * @param percent the percentage of the replicas that surge ({@code maxSurge: 25%}, rounded up), or -1 for a
   *     fixed count
   * @param perReplica this group's pods in one replica (a LeaderWorkerSet's group of {@code size} pods: 1
   *     leader, {@code size - 1} workers; 1 for a Deployment)
   */
  record Surge(int pods, String path, String event, String description, String hint, int percent, int perReplica) {
    static final Surge NONE = new Surge(0, "", "", "", "", -1, 1);

    /** The extra pods when the workload runs {@code replicas}, as an autoscaler at maxReplicas makes it. */
    int podsAt(int replicas) {
      return percent < 0 ? pods
          : (int) Math.min(Integer.MAX_VALUE, (long) Workloads.percentOf(replicas, percent) * perReplica);
    }
  }
}
