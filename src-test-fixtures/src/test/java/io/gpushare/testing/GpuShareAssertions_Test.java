package io.gpushare.testing;

// Both static imports on purpose: GpuShareAssertions extends AssertJ's Assertions, so its inherited
// assertThat overloads are the same methods and this file compiles without ambiguity.
import static io.gpushare.testing.GpuShareAssertions.assertThat;
import static io.gpushare.testing.GpuShareAssertions.assertThatYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuShareAssertions_Test {
  private static final String OBJECTS = """
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaimTemplate
      metadata:
        name: gpu-template
      spec:
        spec:
          devices:
            requests:
            - name: gpu
              exactly:
                deviceClassName: gpu.nvidia.com
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: vllm
      spec:
        selector:
          app: vllm
        clusterIP: None
        ports:
        - name: http
          port: 8000
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: vllm
      spec:
        replicas: 2
        serviceName: vllm
        selector:
          matchLabels:
            app: vllm
        template:
          metadata:
            labels:
              app: vllm
          spec:
            containers:
            - name: vllm
              image: vllm/vllm-openai:v0.7.2
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: embed
      spec:
        completions: 4
        template:
          spec:
            restartPolicy: Never
            containers:
            - name: embed
              image: vllm/vllm-openai:v0.7.2
      """;

  @Test
  void should_offer_assertj_and_gpushare_assertions_through_one_import_when_both_are_imported() {
    // GIVEN a bundle, a string and a list
    // WHEN / THEN gpushare's overload is chosen for the bundle, AssertJ's for the rest
    assertThat(TutorialBundle.of(2)).isValid().deployment("vllm-gpu").hasReplicas(2);
    assertThat("vllm").startsWith("vl");
    assertThat(List.of(1, 2)).hasSize(2);
  }

  @Test
  void should_judge_what_the_renderer_wrote_when_given_rendered_manifests() {
    // GIVEN the rendered files of a bundle
    var rendered = ManifestRenderer.standard().render(TutorialBundle.of(2));
    // WHEN / THEN they are read back and navigated like a bundle
    assertThat(rendered).deployment("vllm-gpu").hasReplicas(2).referencesClaim("gpu-claim");
    assertThat(rendered).resourceClaim("gpu-claim").usesTimeSlicing(TimeSliceInterval.LONG);
  }

  @Test
  void should_navigate_to_templates_services_stateful_sets_and_jobs_when_they_exist() {
    // GIVEN one object of each kind
    ManifestSetAssert objects = assertThatYaml(OBJECTS);
    // WHEN / THEN each is found by name, as the fabric8 object
    objects.resourceClaimTemplate("gpu-template")
        .extracting(t -> t.getSpec().getSpec().getDevices().getRequests().get(0).getName()).isEqualTo("gpu");
    objects.service("vllm").extracting(s -> s.getSpec().getClusterIP()).isEqualTo("None");
    objects.statefulSet("vllm").extracting(s -> s.getSpec().getServiceName()).isEqualTo("vllm");
    objects.job("embed").extracting(j -> j.getSpec().getCompletions()).isEqualTo(4);
  }

  @Test
  void should_fail_listing_the_objects_of_the_kind_when_the_name_is_not_there() {
    // GIVEN the objects above
    // WHEN / THEN
    assertThatThrownBy(() -> assertThatYaml(OBJECTS).statefulSet("vllm-0"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting the manifests to contain a StatefulSet named:%n  \"vllm-0\"%n"
            + "but the StatefulSet objects were:%n  [\"vllm\"]").formatted());
    assertThatThrownBy(() -> assertThatYaml(OBJECTS).job("other"))
        .hasMessage(("%nExpecting the manifests to contain a Job named:%n  \"other\"%n"
            + "but the Job objects were:%n  [\"embed\"]").formatted());
    assertThatThrownBy(() -> assertThatYaml(OBJECTS).service("other"))
        .hasMessage(("%nExpecting the manifests to contain a Service named:%n  \"other\"%n"
            + "but the Service objects were:%n  [\"vllm\"]").formatted());
    assertThatThrownBy(() -> assertThatYaml(OBJECTS).resourceClaimTemplate("other"))
        .hasMessage(("%nExpecting the manifests to contain a ResourceClaimTemplate named:%n  \"other\"%n"
            + "but the ResourceClaimTemplate objects were:%n  [\"gpu-template\"]").formatted());
  }

  @Test
  void should_pass_has_no_finding_when_the_code_is_absent() {
    // GIVEN two replicas at 0.42 each: within the GPU's memory
    // WHEN / THEN
    assertThat(TutorialBundle.of(2)).hasNoFinding("GPU_MEMORY_OVERCOMMIT");
  }

  @Test
  void should_fail_has_no_finding_listing_the_findings_with_the_code_when_it_is_present() {
    // GIVEN three replicas at 0.42 each on one GPU
    // WHEN / THEN
    assertThatThrownBy(() -> assertThat(TutorialBundle.of(3)).hasNoFinding("GPU_MEMORY_OVERCOMMIT"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(("%nExpecting no finding with code:%n  GPU_MEMORY_OVERCOMMIT%nbut the validator found:%n"
            + "  ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00):"
            + " Deployment[vllm-gpu] 3 x 0.42").formatted());
  }
}
