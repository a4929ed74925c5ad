package io.gpushare.core.model;

/**
 * The object that runs the vLLM pods of a {@link VllmWorkloadSpec}; every kind gets the same pod
 * template.
 *
 * <pre>
 * DEPLOYMENT          apps/v1 Deployment            spec.replicas, spec.strategy
 * STATEFUL_SET        apps/v1 StatefulSet           spec.serviceName (a headless Service), podManagementPolicy: OrderedReady
 * JOB                 batch/v1 Job                  spec.parallelism (= replicas), completions, backoffLimit
 * LEADER_WORKER_SET   leaderworkerset.x-k8s.io/v1   spec.replicas groups of leaderWorkerTemplate.size pods
 * </pre>
 */
public enum WorkloadKind {
  DEPLOYMENT("apps/v1", "Deployment"),
  STATEFUL_SET("apps/v1", "StatefulSet"),
  JOB("batch/v1", "Job"),
  LEADER_WORKER_SET("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet");

  private final String apiVersion;
  private final String kind;

  WorkloadKind(String apiVersion, String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /** {@code apiVersion} of the object. */
  public String apiVersion() {
    return apiVersion;
  }

  /** {@code kind} of the object. */
  public String kind() {
    return kind;
  }

  /** Whether an object of {@code apiVersion} and {@code kind} is one of this kind. */
  public boolean is(String apiVersion, String kind) {
    return this.apiVersion.equals(apiVersion) && this.kind.equals(kind);
  }
}
