package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code HorizontalPodAutoscaler}s of the set ({@code autoscaling/v2} and {@code autoscaling/v1})
 * and the workload each scales: how many pods a workload can run is what its autoscaler can scale it
 * to, {@code maxReplicas}, not its {@code replicas}.
 *
 * <pre>
 * apiVersion: autoscaling/v2                       Autoscaler HorizontalPodAutoscaler[vllm]
 * kind: HorizontalPodAutoscaler                      maxReplicas 300 at HorizontalPodAutoscaler[vllm].spec.maxReplicas
 * metadata: {name: vllm}                             scales Deployment[vllm-gpu] (same namespace, or one left to kubectl)
 * spec:
 *   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm-gpu}
 *   maxReplicas: 300
 * </pre>
 */
final class Autoscalers {
  /** Kinds with a scale subresource whose replicas an autoscaler sets. */
  private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet",
      "ReplicationController", "LeaderWorkerSet");

  private Autoscalers() {}

  /**
   * One autoscaler and the workload it scales.
   *
   * @param id {@code HorizontalPodAutoscaler[vllm]}
   * @param maxReplicasPath {@code HorizontalPodAutoscaler[vllm].spec.maxReplicas}
   * @param maxReplicas what it can scale the workload to
   * @param target the workload of the set its {@code scaleTargetRef} names
   */
  record Autoscaler(String id, String maxReplicasPath, int maxReplicas, Workload target) {

    /**
     * How many pods of {@code pods}, a group of the target, run at {@code maxReplicas}: a LeaderWorkerSet
     * scales groups of pods, so its workers are {@code maxReplicas x (size - 1)}.
     */
    int pods(PodGroup pods) {
      int replicas = target.counts().stream().filter(c -> c.name().equals("replicas")).findFirst()
          .map(Workload.CountField::value).orElse(1);
      long perReplica = replicas > 0 ? pods.count().known() / replicas : 1;
      return (int) Math.min(Integer.MAX_VALUE, perReplica * maxReplicas);
    }
  }

  /**
   * The most pods of {@code group} that run at once: as written, or at its autoscaler's {@code maxReplicas}
   * when that is more ({@code autoscaler} null: none scales it). The one count of autoscaled pods that the
   * sharing budget, a claim's consumers ({@link ClaimReservations}) and pod placement share.
   */
  static int podsAtMost(PodGroup group, Autoscaler autoscaler) {
    return autoscaler == null ? group.count().known() : Math.max(group.count().known(), autoscaler.pods(group));
  }

  /** The extra pods of a rollout when {@code group} runs {@link #podsAtMost}: {@code maxSurge} 25% of 300 is 75. */
  static int surgeAtMost(PodGroup group, Autoscaler autoscaler) {
    return autoscaler == null ? group.surge().pods()
        : Math.max(group.surge().pods(), group.surge().podsAt(autoscaler.maxReplicas()));
  }

  /** Whether the autoscaler runs more pods of {@code group} than are written: what a message then says. */
  static boolean raises(PodGroup group, Autoscaler autoscaler) {
    return autoscaler != null && autoscaler.pods(group) > group.count().known();
  }

  /** The autoscalers of the set that name a workload of {@code workloads}, in the order of the set. */
  static List<Autoscaler> of(ManifestSet set, List<Workload> workloads) {
    List<Autoscaler> autoscalers = new ArrayList<>();
    for (Manifest manifest : set.manifests()) {
      read(manifest.resource()).ifPresent(read -> workloads.stream()
          .filter(w -> SCALABLE.contains(w.kind()) && read.kind.equals(w.kind())
              && read.name.equals(ValidationContext.name(w.resource()))
              && sameGroup(read.apiVersion, w.resource().getApiVersion())
              && DeviceClaims.mayBeSame(ValidationContext.namespace(manifest.resource()),
                  ValidationContext.namespace(w.resource())))
          .findFirst()
          // the HPA controller does not scale a target written with replicas: 0 unless its minReplicas is 0
          // too ("ScalingDisabled"): no pod runs, whatever maxReplicas says
          .filter(target -> read.minReplicas == 0 || !scaledToZero(target))
          .ifPresent(target -> autoscalers.add(new Autoscaler(Workloads.id(manifest.resource()),
              Workloads.id(manifest.resource()) + ".spec.maxReplicas", read.maxReplicas, target))));
    }
    return autoscalers;
  }

  private record Read(String apiVersion, String kind, String name, int minReplicas, int maxReplicas) {}

  /** Whether the workload is written with {@code replicas: 0}. */
  private static boolean scaledToZero(Workload workload) {
    return workload.counts().stream().anyMatch(c -> c.name().equals("replicas") && c.value() == 0);
  }

  private static Optional<Read> read(HasMetadata resource) {
    if (resource instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler hpa
        && hpa.getSpec() != null && hpa.getSpec().getScaleTargetRef() != null && hpa.getSpec().getMaxReplicas() != null) {
      var ref = hpa.getSpec().getScaleTargetRef();
      return read(ref.getApiVersion(), ref.getKind(), ref.getName(), hpa.getSpec().getMinReplicas(),
          hpa.getSpec().getMaxReplicas());
    }
    if (resource instanceof io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler hpa
        && hpa.getSpec() != null && hpa.getSpec().getScaleTargetRef() != null && hpa.getSpec().getMaxReplicas() != null) {
      var ref = hpa.getSpec().getScaleTargetRef();
      return read(ref.getApiVersion(), ref.getKind(), ref.getName(), hpa.getSpec().getMinReplicas(),
          hpa.getSpec().getMaxReplicas());
    }
    return Optional.empty();
  }

  private static Optional<Read> read(String apiVersion, String kind, String name, Integer minReplicas,
      int maxReplicas) {
    // minReplicas defaults to 1
    return kind == null || name == null ? Optional.empty()
        : Optional.of(new Read(apiVersion, kind, name, minReplicas == null ? 1 : minReplicas, maxReplicas));
  }

  /** Whether a scaleTargetRef's apiVersion names the workload's API group (any version of it); absent matches. */
  private static boolean sameGroup(String ref, String workload) {
    return ref == null || workload == null || group(ref).equals(group(workload));
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
