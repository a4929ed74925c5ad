package io.gpushare.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.FindingCode;
import io.gpushare.core.validate.ValidationException;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The escape hatch: fabric8 builder hooks on every object the DSL makes, applied before validation. */
class GpuShare_customize_Test {

  private static WorkloadStep tutorial(Consumer<VllmOptions> more) {
    return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> more.accept(v.model("google/gemma-3-1b-it").replicas(2)
            .gpuMemoryUtilization(0.42).huggingFaceToken("hf-secret", "hf_api_token")
            .acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "reproduces the GKE tutorial as published")))
        .loadBalancer("vllm-service", 8000);
  }

  private static ValidationException refused(ManifestBundle bundle) {
    return (ValidationException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ManifestRenderer.standard().render(bundle));
  }

  @Test
  void should_render_what_a_pod_hook_sets_when_the_dsl_has_no_option_for_it() {
    // GIVEN
    ManifestBundle bundle = tutorial(v -> v.customizePod(pod -> pod.withHostIPC(true).withRuntimeClassName("nvidia")
        .addToInitContainers(new ContainerBuilder().withName("warm-cache").withImage("busybox:1.36")
            .withCommand("sh", "-c", "true").build()))).build();
    // WHEN
    String vllm = ManifestRenderer.standard().render(bundle).text("vllm.yaml");
    // THEN
    assertThat(vllm).contains("      hostIPC: true\n").contains("      runtimeClassName: nvidia\n")
        .contains("      initContainers:\n      - name: warm-cache\n        image: busybox:1.36\n");
  }

  @Test
  void should_apply_deployment_claim_and_service_hooks_in_the_order_given() {
    // GIVEN
    ManifestBundle bundle = GpuShare.claim("gpu-claim")
        .customizeClaim(c -> c.editMetadata().addToLabels("team", "ml").endMetadata())
        .timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0").gpuMemoryUtilization(0.42)
            .huggingFaceToken("hf-secret", "hf_api_token")
            .customizeDeployment(d -> d.editMetadata().addToAnnotations("owner", "first").endMetadata())
            .customizeDeployment(d -> d.editMetadata().addToAnnotations("owner", "second").endMetadata()))
        .loadBalancer("vllm-service", 8000)
        .customizeService(s -> s.editSpec().withLoadBalancerSourceRanges("10.0.0.0/8").endSpec())
        .build();
    // WHEN
    RenderedManifests out = ManifestRenderer.standard().render(bundle);
    // THEN
    assertThat(out.text("claim.yaml")).startsWith("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata:
          name: gpu-claim
          labels:
            team: ml
        """);
    assertThat(out.text("vllm.yaml")).contains("""
        metadata:
          name: vllm-gpu
          annotations:
            owner: second
        """).contains("  loadBalancerSourceRanges:\n  - 10.0.0.0/8\n");
  }

  @Test
  void should_report_an_overcommit_when_a_hook_raises_the_replicas() {
    // GIVEN: 3 x 0.42 of one shared GPU is 1.26 of its memory
    ManifestBundle bundle = tutorial(v -> v.customizeDeployment(d -> d.editSpec().withReplicas(3).endSpec())).build();
    // WHEN
    ValidationException refused = refused(bundle);
    // THEN
    assertThat(refused.report().findings()).filteredOn(f -> f.code().equals("GPU_MEMORY_OVERCOMMIT"))
        .extracting(Finding::path, Finding::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ResourceClaim[gpu-claim]",
            "1.26 of the GPU's memory requested (limit 1.00): Deployment[vllm-gpu] 3 x 0.42"));
  }

  @Test
  void should_report_a_dangling_container_claim_when_a_pod_hook_removes_the_pod_claim() {
    // GIVEN
    ManifestBundle bundle = tutorial(v -> v.customizePod(pod -> pod.withResourceClaims(new ArrayList<>()))).build();
    // WHEN
    ValidationException refused = refused(bundle);
    // THEN
    assertThat(refused.report().findings()).extracting(Finding::code, Finding::path)
        .contains(org.assertj.core.groups.Tuple.tuple("CONTAINER_CLAIM_UNKNOWN",
            "Deployment[vllm-gpu].spec.template.spec.containers[0].resources.claims[0].name"));
  }

  @Test
  void should_validate_and_render_an_added_object_in_its_own_file() {
    // GIVEN
    ManifestBundle bundle = tutorial(v -> { })
        .add("config.yaml", new ConfigMapBuilder().withNewMetadata().withName("vllm-config").endMetadata()
            .addToData("max-model-len", "2048").build())
        .build();
    // WHEN
    RenderedManifests out = ManifestRenderer.standard().render(bundle);
    // THEN
    assertThat(out.text("config.yaml")).isEqualTo("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: vllm-config
        data:
          max-model-len: "2048"
        """);
  }

  @Test
  void should_refuse_a_deployment_hook_on_a_service_when_rendering() {
    // GIVEN: a Deployment hook placed on the Service through the core API
    ManifestBundle bundle = ManifestBundle.builder()
        .add("vllm.yaml", tutorial(v -> { }).build().specs().get(2),
            io.gpushare.core.kube.ObjectHook.deployment(d -> d.editSpec().withReplicas(3).endSpec()))
        .build();
    // WHEN / THEN
    assertThatThrownBy(() -> ManifestRenderer.standard().render(bundle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hook 1 of 1 on Service[vllm-service] (vllm.yaml) failed: expected a Deployment for this hook,"
            + " found Service[vllm-service]; put the hook on the document of that kind (customizePod works on every"
            + " workload kind)");
  }

  @Test
  void should_refuse_a_service_hook_when_no_service_was_added() {
    // WHEN / THEN
    assertThatThrownBy(() -> GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("m")).customizeService(s -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("customizeService(...) needs a Service before it to edit, such as loadBalancer(...)");
  }
}
