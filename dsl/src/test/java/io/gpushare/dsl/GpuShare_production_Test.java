package io.gpushare.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.HttpProbe;
import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.RolloutStrategy;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.VolumeSpec;
import io.gpushare.core.model.WorkloadKind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpuShare_production_Test {

  private static VllmWorkloadSpec workload(ManifestBundle bundle) {
    return (VllmWorkloadSpec) bundle.specs().get(1);
  }

  @Test
  void should_put_every_object_in_the_namespace_when_the_bundle_has_one() {
    // WHEN
    ManifestBundle bundle = GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> v.model("google/gemma-3-1b-it"))
        .clusterIp("vllm", 8000)
        .inNamespace("ml")
        .build();
    // THEN
    assertThat(bundle.specs()).extracting(ManifestSpec::kind, ManifestSpec::namespace).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ResourceClaim", Optional.of("ml")),
        org.assertj.core.groups.Tuple.tuple("Deployment", Optional.of("ml")),
        org.assertj.core.groups.Tuple.tuple("Service", Optional.of("ml")));
    assertThat(((VllmServiceSpec) bundle.specs().get(2)).type()).isEqualTo("ClusterIP");
  }

  @Test
  void should_keep_the_selector_when_an_object_label_is_added() {
    // WHEN
    VllmWorkloadSpec spec = workload(GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> v.model("google/gemma-3-1b-it").objectLabel("cost-center", "ml-42"))
        .build());
    // THEN
    assertThat(spec.labels()).containsExactly(Map.entry("app", "vllm"));
    assertThat(spec.objectLabels()).containsExactly(Map.entry("cost-center", "ml-42"));
  }

  @Test
  void should_write_the_production_pod_when_its_options_are_set() {
    // WHEN
    VllmWorkloadSpec spec = workload(GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> v.model("google/gemma-3-1b-it")
            .apiKey("vllm-api-key", "key")
            .recreate()
            .requests("2", "8Gi")
            .limits("4", "16Gi")
            .vllmProbes()
            .huggingFaceCache("hf-cache")
            .env("VLLM_LOGGING_LEVEL", "INFO"))
        .build());
    // THEN
    assertThat(spec.apiKey()).contains(SecretKeyRef.of("vllm-api-key", "key"));
    assertThat(spec.strategy()).contains(RolloutStrategy.recreate());
    assertThat(spec.readinessProbe()).as("vLLM's HTTP readiness probe replaces the TCP one").isEmpty();
    assertThat(spec.pod().startupProbe()).contains(HttpProbe.vllmStartup());
    assertThat(spec.pod().volumes()).containsExactly(VolumeSpec.huggingFaceCache("hf-cache"));
    assertThat(spec.pod().requests()).containsExactly(Map.entry("cpu", "2"), Map.entry("memory", "8Gi"));
    assertThat(spec.pod().limits()).containsExactly(Map.entry("cpu", "4"), Map.entry("memory", "16Gi"));
  }

  @Test
  void should_add_the_headless_service_when_the_workload_is_a_statefulset() {
    // WHEN
    ManifestBundle bundle = GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> v.model("google/gemma-3-1b-it").replicas(2).statefulSet("vllm-pods"))
        .build();
    // THEN
    assertThat(workload(bundle).workloadKind()).isEqualTo(WorkloadKind.STATEFUL_SET);
    VllmServiceSpec headless = (VllmServiceSpec) bundle.specs().get(2);
    assertThat(headless.name()).isEqualTo("vllm-pods");
    assertThat(headless.headless()).isTrue();
    assertThat(headless.selector()).containsExactly(Map.entry("app", "vllm"));
  }

  @Test
  void should_make_a_job_or_a_leaderworkerset_when_asked() {
    // WHEN
    ManifestBundle bundle = GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("batch", v -> v.model("google/gemma-3-1b-it").job(JobOptions.defaults()))
        .vllm("multi-node", v -> v.model("google/gemma-3-1b-it").leaderWorkerSet(2))
        .build();
    // THEN
    assertThat(bundle.specs()).extracting(ManifestSpec::kind)
        .containsExactly("ResourceClaim", "Job", "LeaderWorkerSet");
  }

  @Test
  void should_refuse_a_literal_credential_when_given_as_env() {
    assertThatThrownBy(() -> GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
            .vllm("vllm", v -> v.model("google/gemma-3-1b-it").env("HF_TOKEN", "not-a-placeholder")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC EnvVarSpec[HF_TOKEN]: 1 problem(s):
              - a literal value for HF_TOKEN, whose name means a credential; take it from a Secret with fromSecret""");
  }
}
