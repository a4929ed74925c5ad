package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.gpushare.core.model.ManifestBundle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectHook_podSpec_Test {
  private static final ObjectHook RUNTIME_CLASS = ObjectHook.podSpec(pod -> pod.withRuntimeClassName("nvidia"));

  @Test
  void should_edit_the_pod_template_of_a_stateful_set() {
    // GIVEN
    StatefulSet set = new StatefulSetBuilder().withNewMetadata().withName("vllm").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().withHostname("a").endSpec().endTemplate().endSpec().build();
    // WHEN
    StatefulSet edited = (StatefulSet) RUNTIME_CLASS.apply(set);
    // THEN
    assertThat(edited.getSpec().getTemplate().getSpec().getRuntimeClassName()).isEqualTo("nvidia");
    assertThat(edited.getSpec().getTemplate().getSpec().getHostname()).isEqualTo("a");
  }

  @Test
  void should_edit_the_job_template_of_a_cron_job() {
    // GIVEN
    CronJob cron = new CronJobBuilder().withNewMetadata().withName("batch").endMetadata().withNewSpec()
        .withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec().endSpec().endTemplate().endSpec()
        .endJobTemplate().endSpec().build();
    // WHEN
    CronJob edited = (CronJob) RUNTIME_CLASS.apply(cron);
    // THEN
    assertThat(edited.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getRuntimeClassName())
        .isEqualTo("nvidia");
  }

  @Test
  void should_edit_the_leader_and_worker_templates_of_a_leader_worker_set_held_in_unmodifiable_maps() {
    // GIVEN: kubernetes-sigs/lws api/leaderworkerset/v1/leaderworkerset_types.go, spec.leaderWorkerTemplate
    GenericKubernetesResource set = new GenericKubernetesResource();
    set.setApiVersion("leaderworkerset.x-k8s.io/v1");
    set.setKind("LeaderWorkerSet");
    set.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("vllm").build());
    set.setAdditionalProperty("spec", Map.of("leaderWorkerTemplate", Map.of("size", 2,
        "leaderTemplate", Map.of("spec", Map.of("hostname", "leader")),
        "workerTemplate", Map.of("spec", Map.of("hostname", "worker")))));
    // WHEN
    HasMetadata edited = RUNTIME_CLASS.apply(set);
    // THEN
    @SuppressWarnings("unchecked")
    Map<String, Object> templates = (Map<String, Object>) ((Map<String, Object>) ((GenericKubernetesResource) edited)
        .getAdditionalProperties().get("spec")).get("leaderWorkerTemplate");
    assertThat(templates.get("size")).isEqualTo(2);
    for (String key : List.of("leaderTemplate", "workerTemplate")) {
      PodSpec spec = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(templates.get(key),
          PodTemplateSpec.class).getSpec();
      assertThat(spec.getRuntimeClassName()).as(key).isEqualTo("nvidia");
    }
  }

  @Test
  void should_refuse_an_object_without_a_pod_template() {
    // GIVEN
    HasMetadata config = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();
    // WHEN / THEN
    assertThatThrownBy(() -> RUNTIME_CLASS.apply(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an object with a pod template (Pod, Deployment, StatefulSet, ReplicaSet,"
            + " ReplicationController, DaemonSet, Job, CronJob or LeaderWorkerSet) for a pod spec hook, found"
            + " ConfigMap[c] without one; edit it with ObjectHook.of(type, toBuilder, build, edit) instead");
  }

  @Test
  void should_keep_an_added_object_as_it_was_when_the_caller_changes_it_later() {
    // GIVEN
    io.fabric8.kubernetes.api.model.ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName("c")
        .endMetadata().addToData("k", "v").build();
    ManifestBundle bundle = ManifestBundle.builder().add("config.yaml", config).build();
    // WHEN
    config.getData().put("k", "changed");
    // THEN
    assertThat(ManifestSet.of(bundle).resources(io.fabric8.kubernetes.api.model.ConfigMap.class))
        .singleElement().satisfies(kept -> assertThat(kept.getData()).containsExactly(Map.entry("k", "v")));
  }
}
