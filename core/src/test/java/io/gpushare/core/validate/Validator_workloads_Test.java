package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tutorial's pod ({@link Fixture}: clean of the tutorial's warnings) run by every kind that
 * carries a pod template, next to the tutorial's claim and Service: every pod-level rule judges it
 * at the kind's own path, and the budget counts each kind's pods.
 */
class Validator_workloads_Test {
  private static final String NAME = "vllm-gpu";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A kind, how its pods are named in budget messages, and where its pod spec is. */
  enum Kind {
    STATEFUL_SET("StatefulSet[vllm-gpu]", "StatefulSet[vllm-gpu].spec.template.spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        return new StatefulSetBuilder().withNewMetadata().withName(NAME).endMetadata()
            .withNewSpec().withReplicas(pods).withSelector(selector).withTemplate(template).endSpec().build();
      }
    },
    JOB("Job[vllm-gpu]", "Job[vllm-gpu].spec.template.spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        template.getSpec().setRestartPolicy("Never");
        return new JobBuilder().withNewMetadata().withName(NAME).endMetadata()
            .withNewSpec().withParallelism(pods).withTemplate(template).endSpec().build();
      }
    },
    REPLICA_SET("ReplicaSet[vllm-gpu]", "ReplicaSet[vllm-gpu].spec.template.spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        return new ReplicaSetBuilder().withNewMetadata().withName(NAME).endMetadata()
            .withNewSpec().withReplicas(pods).withSelector(selector).withTemplate(template).endSpec().build();
      }
    },
    CRON_JOB("CronJob[vllm-gpu]", "CronJob[vllm-gpu].spec.jobTemplate.spec.template.spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        template.getSpec().setRestartPolicy("Never");
        return new CronJobBuilder().withNewMetadata().withName(NAME).endMetadata()
            .withNewSpec().withSchedule("0 3 * * *").withConcurrencyPolicy("Forbid")
            .withNewJobTemplate().withNewSpec().withParallelism(pods).withTemplate(template).endSpec().endJobTemplate()
            .endSpec().build();
      }
    },
    LEADER_WORKER_SET("LeaderWorkerSet[vllm-gpu]", "LeaderWorkerSet[vllm-gpu].spec.leaderWorkerTemplate.workerTemplate.spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        // pods groups of one pod each, all from the worker template (no leader template)
        return leaderWorkerSet(pods, 1, null, template);
      }
    },
    REPLICATION_CONTROLLER("ReplicationController[vllm-gpu]", "ReplicationController[vllm-gpu].spec.template.spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        return new ReplicationControllerBuilder().withNewMetadata().withName(NAME).endMetadata()
            .withNewSpec().withReplicas(pods).withSelector(selector.getMatchLabels()).withTemplate(template).endSpec()
            .build();
      }
    },
    DAEMON_SET("DaemonSet[vllm-gpu]", "DaemonSet[vllm-gpu].spec.template.spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        return new DaemonSetBuilder().withNewMetadata().withName(NAME).endMetadata()
            .withNewSpec().withSelector(selector).withTemplate(template).endSpec().build();
      }
    },
    POD("Pod[vllm-gpu]", "Pod[vllm-gpu].spec") {
      @Override
      HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods) {
        return new PodBuilder().withMetadata(template.getMetadata()).editMetadata().withName(NAME).endMetadata()
            .withSpec(template.getSpec()).build();
      }
    };

    final String pods;
    final String podPath;

    Kind(String pods, String podPath) {
      this.pods = pods;
      this.podPath = podPath;
    }

    /** The object that runs {@code pods} pods of the template (a DaemonSet: one per matching node). */
    abstract HasMetadata run(PodTemplateSpec template, LabelSelector selector, int pods);

    /** What a DaemonSet's pods on the shared claim give instead of a budget verdict; nothing for the others. */
    List<String> countUnknown() {
      return this != DAEMON_SET ? List.of() : List.of("INFO POD_COUNT_UNKNOWN " + podPath + ".resourceClaims[0]:"
          + " expected a known number of pods to sum the memory of ResourceClaim[gpu-claim], found DaemonSet[vllm-gpu]"
          + " with one pod per node that matches its nodeSelector, affinity and tolerations, so its 0.42 per pod was"
          + " not counted");
    }
  }

  static GenericKubernetesResource leaderWorkerSet(int replicas, int size, PodTemplateSpec leader,
      PodTemplateSpec worker) {
    Map<String, Object> templates = new LinkedHashMap<>();
    templates.put("size", size);
    if (leader != null) {
      templates.put("leaderTemplate", JSON.convertValue(leader, Map.class));
    }
    templates.put("workerTemplate", JSON.convertValue(worker, Map.class));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", replicas);
    spec.put("leaderWorkerTemplate", templates);
    GenericKubernetesResource lws = new GenericKubernetesResourceBuilder()
        .withApiVersion(LeaderWorkerSets.API_VERSION).withKind(LeaderWorkerSets.KIND)
        .withNewMetadata().withName(NAME).endMetadata().build();
    lws.setAdditionalProperty("spec", spec);
    return lws;
  }

  /** The tutorial's claim and Service, and the workload made from the fixture's pod template. */
  private static List<String> validate(Fixture fixture, Function<Fixture, HasMetadata> workload) {
    HasMetadata resource = workload.apply(fixture);
    ManifestSet set = ManifestSet.of(List.of(new Manifest(fixture.claim, "claim.yaml", "test"),
        new Manifest(resource, "vllm.yaml", "test"), new Manifest(fixture.service, "vllm.yaml", "test")));
    ValidationReport report = Validator.standard().validate(set);
    assertThat(report.findings()).allSatisfy(finding -> assertThat(finding.hint()).isNotBlank());
    return report.findings().stream().map(Finding::headline).toList();
  }

  private static HasMetadata run(Kind kind, Fixture fixture, int pods) {
    return kind.run(fixture.deployment.getSpec().getTemplate(), fixture.deployment.getSpec().getSelector(), pods);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void should_find_nothing_wrong_when_each_kind_runs_the_clean_tutorial_pod(Kind kind) {
    // GIVEN
    Fixture fixture = new Fixture();
    // WHEN
    List<String> findings = validate(fixture, f -> run(kind, f, 2));
    // THEN
    assertThat(findings).containsExactlyElementsOf(kind.countUnknown());
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, mode = EnumSource.Mode.EXCLUDE, names = "POD")
  void should_report_an_overcommit_when_each_kind_runs_three_pods_at_0_42_on_one_claim(Kind kind) {
    // GIVEN
    Fixture fixture = new Fixture();
    // WHEN
    List<String> findings = validate(fixture, f -> run(kind, f, 3));
    // THEN: a DaemonSet's count is unknown, so it is said, not guessed
    assertThat(findings).containsExactlyElementsOf(kind == Kind.DAEMON_SET ? kind.countUnknown() : List.of(
        "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00): "
            + kind.pods + " 3 x 0.42"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void should_report_a_literal_token_at_the_pod_path_of_each_kind(Kind kind) {
    // GIVEN
    Fixture fixture = new Fixture();
    fixture.container().getEnv().set(0, new EnvVar("HF_TOKEN", FakeTokens.HF, null));
    // WHEN
    List<String> findings = validate(fixture, f -> run(kind, f, 1));
    // THEN
    List<String> expected = new ArrayList<>(List.of("ERROR SECRET_LITERAL " + kind.podPath + ".containers[0].env[0].value:"
        + " expected HF_TOKEN from a Secret (valueFrom.secretKeyRef), found a literal Hugging Face token in the"
        + " manifest"));
    expected.addAll(kind.countUnknown());
    assertThat(findings).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void should_report_a_container_claim_naming_the_claim_object_at_the_pod_path_of_each_kind(Kind kind) {
    // GIVEN
    Fixture fixture = new Fixture();
    fixture.container().getResources().setClaims(new ArrayList<>(List.of(
        new ResourceClaimBuilder().withName("gpu-claim").build())));
    // WHEN
    List<String> findings = validate(fixture, f -> run(kind, f, 1));
    // THEN: the container then uses no claim, so there is no budget to count
    assertThat(findings).containsExactly("ERROR CONTAINER_CLAIM_UNKNOWN " + kind.podPath
        + ".containers[0].resources.claims[0].name: expected one of the names in pod.spec.resourceClaims [gpu], found"
        + " 'gpu-claim'");
  }

  private static Arguments fails(String name, Function<Fixture, HasMetadata> workload, String... headlines) {
    return Arguments.of(name, workload, List.of(headlines));
  }

  private static Arguments passes(String name, Function<Fixture, HasMetadata> workload) {
    return Arguments.of(name, workload, List.of());
  }

  private static PodTemplateSpec template(Fixture fixture) {
    return fixture.deployment.getSpec().getTemplate();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        fails("a StatefulSet selecting other labels than its template's", f -> {
              StatefulSet statefulSet = (StatefulSet) run(Kind.STATEFUL_SET, f, 2);
              statefulSet.getSpec().getSelector().setMatchLabels(new LinkedHashMap<>(Map.of("app", "vllm")));
              return statefulSet;
            },
            "ERROR SELECTOR_MISMATCH StatefulSet[vllm-gpu].spec.selector.matchLabels.app: expected the pod template to"
                + " carry app: vllm, found 'vllm-gpu'"),
        fails("a DaemonSet without a selector", f -> {
              DaemonSet daemonSet = (DaemonSet) run(Kind.DAEMON_SET, f, 1);
              daemonSet.getSpec().setSelector(null);
              return daemonSet;
            },
            "ERROR SELECTOR_MISMATCH DaemonSet[vllm-gpu].spec.selector: expected a selector, found none",
            Kind.DAEMON_SET.countUnknown().get(0)),
        fails("a Job with a manual selector that misses its template", f -> {
              Job job = (Job) run(Kind.JOB, f, 1);
              job.getSpec().setManualSelector(true);
              job.getSpec().setSelector(new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                  .addToMatchLabels("app", "vllm").build());
              return job;
            },
            "ERROR SELECTOR_MISMATCH Job[vllm-gpu].spec.selector.matchLabels.app: expected the pod template to carry"
                + " app: vllm, found 'vllm-gpu'"),
        fails("a StatefulSet with negative replicas", f -> {
              StatefulSet statefulSet = (StatefulSet) run(Kind.STATEFUL_SET, f, 2);
              statefulSet.getSpec().setReplicas(-1);
              return statefulSet;
            },
            "ERROR REPLICAS_RANGE StatefulSet[vllm-gpu].spec.replicas: replicas must be >= 0, found -1"),
        fails("a Job with parallelism 0", f -> run(Kind.JOB, f, 0),
            "WARNING REPLICAS_RANGE Job[vllm-gpu].spec.parallelism: parallelism is 0: no pod will run"),
        fails("a LeaderWorkerSet of size 0", f -> leaderWorkerSet(1, 0, null, template(f)),
            "ERROR REPLICAS_RANGE LeaderWorkerSet[vllm-gpu].spec.leaderWorkerTemplate.size: size must be >= 1, found 0"),
        fails("300 StatefulSet pods on one claim", f -> {
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.003");
              return run(Kind.STATEFUL_SET, f, 300);
            },
            "ERROR LIMIT_EXCEEDED ResourceClaim[gpu-claim]: expected at most 256 pods on one claim"
                + " (status.reservedFor), found 300"),
        fails("a LeaderWorkerSet's leader and two workers at 0.42 on one claim",
            f -> leaderWorkerSet(1, 3, template(f), template(f)),
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00):"
                + " LeaderWorkerSet[vllm-gpu] leaders 1 x 0.42, LeaderWorkerSet[vllm-gpu] workers 2 x 0.42"),
        fails("a LeaderWorkerSet whose rollout surges one more group of two", f -> {
              GenericKubernetesResource lws = leaderWorkerSet(1, 2, null, template(f));
              spec(lws).put("rolloutStrategy", Map.of("type", "RollingUpdate",
                  "rollingUpdateConfiguration", Map.of("maxSurge", 1)));
              return lws;
            },
            "WARNING ROLLOUT_SURGE_OVERCOMMIT LeaderWorkerSet[vllm-gpu].spec.rolloutStrategy: a rolling update starts 2"
                + " more pods (maxSurge 1) on ResourceClaim[gpu-claim], which then has 1.68 of the GPU's memory"
                + " requested (limit 1.00): LeaderWorkerSet[vllm-gpu] (2 + 2) x 0.42"),
        fails("a CronJob at 0.6 whose runs may overlap", f -> {
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.6");
              CronJob cronJob = (CronJob) run(Kind.CRON_JOB, f, 1);
              cronJob.getSpec().setConcurrencyPolicy(null);
              return cronJob;
            },
            "WARNING ROLLOUT_SURGE_OVERCOMMIT CronJob[vllm-gpu].spec.concurrencyPolicy: an overlapping run starts 1"
                + " more pod (concurrencyPolicy defaults to Allow) on ResourceClaim[gpu-claim], which then has 1.20 of"
                + " the GPU's memory requested (limit 1.00): CronJob[vllm-gpu] (1 + 1) x 0.6"),
        passes("a CronJob at 0.6 that forbids overlapping runs", f -> {
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.6");
              return run(Kind.CRON_JOB, f, 1);
            }),
        passes("a Service selecting a LeaderWorkerSet's leaders by the labels LWS adds", f -> {
              f.service.getSpec().setSelector(new LinkedHashMap<>(Map.of("leaderworkerset.sigs.k8s.io/name", NAME,
                  "leaderworkerset.sigs.k8s.io/worker-index", "0")));
              PodTemplateSpec worker = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(template(f))
                  .editSpec().withContainers(new io.fabric8.kubernetes.api.model.ContainerBuilder()
                      .withName("worker").withImage("ray:2.40").build()).withResourceClaims().endSpec().build();
              return leaderWorkerSet(1, 2, template(f), worker);
            }),
        fails("a LeaderWorkerSet whose size is a string", f -> {
              GenericKubernetesResource lws = leaderWorkerSet(1, 1, null, template(f));
              @SuppressWarnings("unchecked")
              Map<String, Object> templates = (Map<String, Object>) spec(lws).get("leaderWorkerTemplate");
              templates.put("size", "1");
              return lws;
            },
            "ERROR FIELD_TYPE_INVALID LeaderWorkerSet[vllm-gpu].spec.leaderWorkerTemplate.size: expected the JSON type"
                + " the LeaderWorkerSet API gives this field, found another, so what depends on it was not checked",
            "INFO POD_COUNT_UNKNOWN " + Kind.LEADER_WORKER_SET.podPath + ".resourceClaims[0]: expected a known number of"
                + " pods to sum the memory of ResourceClaim[gpu-claim], found LeaderWorkerSet[vllm-gpu] with a"
                + " replicas or size that is not a number, so its 0.42 per pod was not counted"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource lws) {
    return (Map<String, Object>) lws.getAdditionalProperties().get("spec");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_report_exactly_the_expected_findings(String name, Function<Fixture, HasMetadata> workload,
      List<String> expected) {
    // GIVEN
    Fixture fixture = new Fixture();
    // WHEN
    List<String> findings = validate(fixture, workload);
    // THEN
    assertThat(findings).containsExactlyElementsOf(expected);
  }
}
