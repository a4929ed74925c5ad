package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.ConfigMapKeyRef;
import io.gpushare.core.model.EnvVarSpec;
import io.gpushare.core.model.HttpProbe;
import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.PodOptions;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.RolloutStrategy;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.VolumeSpec;
import io.gpushare.core.model.WorkloadKind;
import io.gpushare.core.yaml.ManifestReader;
import io.gpushare.core.yaml.YamlRenderer;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every workload kind and production option gpushare writes is recognized again, from objects and from YAML. */
class KubeSpecs_workloads_Test {

  private static VllmWorkloadSpec.Builder vllm(String name) {
    return VllmWorkloadSpec.builder().name(name).replicas(2).image("vllm/vllm-openai:v0.9.2").port(8000)
        .model("google/gemma-3-1b-it").gpuMemoryUtilization(new BigDecimal("0.42"))
        .claim(ClaimReference.of("gpu", "gpu-claim")).addTolerations(TolerationSpec.gpuNoSchedule())
        .sharedMemoryVolume(true).namespace("ml");
  }

  static Stream<ManifestSpec> specs() {
    return Stream.of(
        vllm("deploy").strategy(RolloutStrategy.rollingUpdate("0", "25%")).putObjectLabels("team", "ml")
            .putAnnotations("owner", "platform")
            .apiKey(SecretKeyRef.of("vllm-api-key", "key"))
            .huggingFaceToken(SecretKeyRef.of("hf-secret", "hf_api_token"))
            .pod(PodOptions.withVllmProbes()
                .putAnnotations("prometheus.io/scrape", "true")
                .putRequests("cpu", "500m").putRequests("memory", "8Gi").putLimits("memory", "16Gi")
                .addEnv(EnvVarSpec.literal("VLLM_LOGGING_LEVEL", "INFO"))
                .addEnv(EnvVarSpec.fromConfigMap("MAX_MODEL_LEN", ConfigMapKeyRef.of("vllm-config", "len")))
                .addEnvFromConfigMaps("vllm-env").addEnvFromSecrets("vllm-secrets")
                .addVolumes(VolumeSpec.huggingFaceCache("hf-cache"))
                .addVolumes(VolumeSpec.configMap("templates", "chat-templates", "/templates"))
                .addVolumes(VolumeSpec.builder().name("scratch").source(VolumeSpec.Source.EMPTY_DIR)
                    .mountPath("/scratch").sizeLimit("8Gi").build())
                .putNodeSelector("cloud.google.com/gke-accelerator", "nvidia-l4")
                .addImagePullSecrets("registry").serviceAccountName("vllm").priorityClassName("inference")
                .terminationGracePeriodSeconds(60L)
                .build())
            .build(),
        vllm("ordered").workloadKind(WorkloadKind.STATEFUL_SET).serviceName("ordered-pods").build(),
        vllm("batch").workloadKind(WorkloadKind.JOB)
            .job(JobOptions.builder().completions(4).backoffLimit(2).build())
            .pod(PodOptions.builder().startupProbe(HttpProbe.builder().port(8001).failureThreshold(60).build()).build())
            .build(),
        vllm("multi-node").workloadKind(WorkloadKind.LEADER_WORKER_SET).groupSize(2).build(),
        VllmServiceSpec.builder().name("ordered-pods").namespace("ml").type("ClusterIP").headless(true)
            .putSelector("app", "ordered").addPorts(PortSpec.http(8000)).build());
  }

  @ParameterizedTest
  @MethodSource("specs")
  void should_recognize_the_spec_when_given_the_object_it_converts_to(ManifestSpec spec) {
    assertThat(KubeSpecs.spec(KubeObjects.toKubernetes(spec))).contains(spec);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void should_recognize_the_spec_when_given_the_yaml_it_renders_to(ManifestSpec spec) {
    // GIVEN
    String yaml = YamlRenderer.canonical().render(KubeObjects.toKubernetes(spec));
    // WHEN
    List<ManifestSpec> read = ManifestReader.standard().read(yaml, "vllm.yaml").specs();
    // THEN
    assertThat(read).containsExactly(spec);
  }

  @Test
  void should_not_recognize_the_workload_when_its_pod_has_an_env_source_gpushare_does_not_write() {
    // GIVEN
    Deployment deployment = KubeObjects.toDeployment(vllm("deploy").build());
    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().add(
        new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("POD_IP").withNewValueFrom().withNewFieldRef()
            .withFieldPath("status.podIP").endFieldRef().endValueFrom().build());
    // WHEN / THEN
    assertThat(KubeSpecs.spec(deployment)).isEmpty();
  }
}
