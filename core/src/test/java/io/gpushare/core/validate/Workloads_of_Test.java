package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.yaml.ManifestReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How many pods each kind runs at once, from which template, with how many extra pods during a
 * rollout. Each case is one object as YAML; a group reads {@code ID at POD_PATH: PODS [+ SURGE (WHY)]}.
 */
class Workloads_of_Test {

  private static HasMetadata read(String yaml) {
    return ManifestReader.standard().read(yaml, "workload.yaml").set().manifests().get(0).resource();
  }

  private static String describe(PodGroup group) {
    String count = group.count().value().isPresent() ? String.valueOf(group.count().value().getAsInt())
        : "unknown (" + group.count().unknownBecause() + ")";
    String surge = group.surge().pods() == 0 ? ""
        : " + " + group.surge().pods() + " (" + group.surge().event() + ", " + group.surge().description() + ")";
    return group.id() + " at " + group.podPath() + ": " + count + surge;
  }

  private static Arguments kind(String name, String yaml, Workload.Start start, String... groups) {
    return Arguments.of(name, yaml, start, List.of(groups));
  }

  static Stream<Arguments> kinds() {
    String template = """
          template:
            metadata: {labels: {app: vllm}}
            spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]}
        """;
    return Stream.of(
        kind("a Pod runs one pod", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]}
            """, Workload.Start.TOGETHER, "Pod[p] at Pod[p].spec: 1"),
        kind("a Deployment surges by 25% rounded up", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              replicas: 2
            """ + template, Workload.Start.TOGETHER,
            "Deployment[d] at Deployment[d].spec.template.spec: 2 + 1 (a rolling update, maxSurge defaults to 25%)"),
        kind("a Deployment with Recreate does not surge", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              strategy: {type: Recreate}
            """ + template, Workload.Start.TOGETHER, "Deployment[d] at Deployment[d].spec.template.spec: 1"),
        kind("a ReplicaSet runs its replicas", """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: r}
            spec:
              replicas: 3
            """ + template, Workload.Start.TOGETHER, "ReplicaSet[r] at ReplicaSet[r].spec.template.spec: 3"),
        kind("a ReplicationController runs its replicas", """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: rc}
            spec:
              replicas: 2
            """ + template, Workload.Start.TOGETHER,
            "ReplicationController[rc] at ReplicationController[rc].spec.template.spec: 2"),
        kind("a StatefulSet starts its pods in order and does not surge", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: s}
            spec:
              replicas: 3
            """ + template, Workload.Start.ORDERED, "StatefulSet[s] at StatefulSet[s].spec.template.spec: 3"),
        kind("a Parallel StatefulSet starts its pods together", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: s}
            spec:
              podManagementPolicy: Parallel
            """ + template, Workload.Start.TOGETHER, "StatefulSet[s] at StatefulSet[s].spec.template.spec: 1"),
        kind("a DaemonSet runs an unknown number of pods", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: ds}
            spec:
            """ + template, Workload.Start.TOGETHER, "DaemonSet[ds] at DaemonSet[ds].spec.template.spec: unknown (one pod"
                + " per node that matches its nodeSelector, affinity and tolerations)"),
        kind("a Job runs parallelism pods, at most completions", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
              parallelism: 4
              completions: 2
            """ + template, Workload.Start.TOGETHER, "Job[j] at Job[j].spec.template.spec: 2"),
        kind("a Job runs one pod by default", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: j}
            spec:
            """ + template, Workload.Start.TOGETHER, "Job[j] at Job[j].spec.template.spec: 1"),
        kind("a CronJob's runs may overlap by default", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              schedule: "0 * * * *"
              jobTemplate:
                spec:
                  parallelism: 2
            """ + template.indent(4), Workload.Start.TOGETHER, "CronJob[c] at CronJob[c].spec.jobTemplate.spec.template.spec:"
                + " 2 + 2 (an overlapping run, concurrencyPolicy defaults to Allow)"),
        kind("a CronJob that forbids overlapping runs", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              schedule: "0 * * * *"
              concurrencyPolicy: Forbid
              jobTemplate:
                spec:
            """ + template.indent(4), Workload.Start.TOGETHER,
            "CronJob[c] at CronJob[c].spec.jobTemplate.spec.template.spec: 1"),
        kind("a LeaderWorkerSet without a leader template runs replicas x size pods of the worker template", """
            apiVersion: leaderworkerset.x-k8s.io/v1
            kind: LeaderWorkerSet
            metadata: {name: l}
            spec:
              replicas: 2
              leaderWorkerTemplate:
                size: 3
                workerTemplate: {spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]}}
            """, Workload.Start.TOGETHER,
            "LeaderWorkerSet[l] at LeaderWorkerSet[l].spec.leaderWorkerTemplate.workerTemplate.spec: 6"),
        kind("a LeaderWorkerSet with a leader template runs leaders and workers, surging by whole groups", """
            apiVersion: leaderworkerset.x-k8s.io/v1
            kind: LeaderWorkerSet
            metadata: {name: l}
            spec:
              replicas: 2
              startupPolicy: LeaderReady
              rolloutStrategy:
                type: RollingUpdate
                rollingUpdateConfiguration: {maxSurge: 1}
              leaderWorkerTemplate:
                size: 4
                leaderTemplate: {spec: {containers: [{name: leader, image: vllm/vllm-openai:v0.8.5}]}}
                workerTemplate: {spec: {containers: [{name: worker, image: vllm/vllm-openai:v0.8.5}]}}
            """, Workload.Start.ORDERED,
            "LeaderWorkerSet[l] leaders at LeaderWorkerSet[l].spec.leaderWorkerTemplate.leaderTemplate.spec: 2 + 1"
                + " (a rolling update, maxSurge 1)",
            "LeaderWorkerSet[l] workers at LeaderWorkerSet[l].spec.leaderWorkerTemplate.workerTemplate.spec: 6 + 3"
                + " (a rolling update, maxSurge 1)"),
        kind("a LeaderWorkerSet by default: one group of one pod", """
            apiVersion: leaderworkerset.x-k8s.io/v1
            kind: LeaderWorkerSet
            metadata: {name: l}
            spec:
              leaderWorkerTemplate:
                workerTemplate: {spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]}}
            """, Workload.Start.TOGETHER,
            "LeaderWorkerSet[l] at LeaderWorkerSet[l].spec.leaderWorkerTemplate.workerTemplate.spec: 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void should_count_the_pods_of_each_kind(String name, String yaml, Workload.Start start, List<String> groups) {
    // GIVEN
    HasMetadata resource = read(yaml);
    // WHEN
    Workload workload = Workloads.of(resource).orElseThrow();
    // THEN
    assertThat(workload.podGroups()).extracting(Workloads_of_Test::describe).containsExactlyElementsOf(groups);
    assertThat(workload.start()).isEqualTo(start);
    assertThat(workload.unreadable()).isEmpty();
  }

  @Test
  void should_read_jobs_and_cron_jobs_as_typed_fabric8_objects() {
    // GIVEN: kubernetes-model-batch on the class path, found by fabric8's registry
    String job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n";
    String cronJob = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\n";
    // WHEN / THEN
    assertThat(read(job)).isInstanceOf(io.fabric8.kubernetes.api.model.batch.v1.Job.class);
    assertThat(read(cronJob)).isInstanceOf(io.fabric8.kubernetes.api.model.batch.v1.CronJob.class);
  }

  @Test
  void should_add_the_labels_the_controllers_add() {
    // GIVEN
    HasMetadata job = read("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j}
        spec:
          template:
            metadata: {labels: {app: bench}}
            spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.8.5}]}
        """);
    HasMetadata lws = read("""
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata: {name: l}
        spec:
          leaderWorkerTemplate:
            leaderTemplate: {metadata: {labels: {role: leader}}, spec: {containers: [{name: a, image: x}]}}
            workerTemplate: {spec: {containers: [{name: b, image: x}]}}
        """);
    // WHEN
    Workload jobWorkload = Workloads.of(job).orElseThrow();
    Workload lwsWorkload = Workloads.of(lws).orElseThrow();
    // THEN
    assertThat(jobWorkload.podGroups().get(0).labels()).containsExactly(Map.entry("app", "bench"),
        Map.entry("batch.kubernetes.io/job-name", "j"), Map.entry("job-name", "j"));
    assertThat(lwsWorkload.podGroups().get(0).labels()).containsExactly(Map.entry("role", "leader"),
        Map.entry("leaderworkerset.sigs.k8s.io/name", "l"),
        Map.entry("leaderworkerset.sigs.k8s.io/worker-index", "0"));
    assertThat(lwsWorkload.podGroups().get(1).labels())
        .containsExactly(Map.entry("leaderworkerset.sigs.k8s.io/name", "l"));
  }

  @Test
  void should_leave_the_count_unknown_and_name_the_field_when_a_leader_worker_set_field_has_the_wrong_type() {
    // GIVEN
    HasMetadata lws = read("""
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata: {name: l}
        spec:
          replicas: two
          leaderWorkerTemplate:
            workerTemplate: {spec: {containers: [{name: a, image: x, ports: 8000}]}}
        """);
    // WHEN
    Workload workload = Workloads.of(lws).orElseThrow();
    // THEN
    assertThat(workload.unreadable()).containsExactly("LeaderWorkerSet[l].spec.replicas",
        "LeaderWorkerSet[l].spec.leaderWorkerTemplate.workerTemplate.spec.containers[0].ports");
    assertThat(workload.podGroups()).extracting(Workloads_of_Test::describe).containsExactly(
        "LeaderWorkerSet[l] at LeaderWorkerSet[l].spec.leaderWorkerTemplate.workerTemplate.spec: unknown (a"
            + " replicas or size that is not a number)");
  }

  @Test
  void should_not_make_a_workload_of_an_object_without_a_pod_template() {
    // GIVEN
    HasMetadata configMap = read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    // WHEN / THEN
    assertThat(Workloads.of(configMap)).isEmpty();
  }
}
