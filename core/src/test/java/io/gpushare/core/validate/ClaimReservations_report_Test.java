package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.gpushare.core.kube.KubeObjects;
import io.gpushare.core.TutorialSpecs;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pods that share one claim, which reserves its device for at most 256 consumers
 * ({@code ResourceClaimReservedForMaxSize = 256}, kubernetes/kubernetes {@code pkg/apis/resource/types.go}):
 * as written, and with a HorizontalPodAutoscaler at {@code maxReplicas} (where the memory budget counts
 * them too), each claim reported once.
 */
class ClaimReservations_report_Test {
  private static final String OVERCOMMIT_3 = "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's"
      + " memory requested (limit 1.00): Deployment[vllm-gpu] 3 x 0.42 (pods counted at maxReplicas 3 of "
      + "HorizontalPodAutoscaler[vllm-gpu])";

  private static Consumer<Fixture> v2(String namespace, String target, int maxReplicas) {
    return f -> f.extra.add(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("vllm-gpu")
        .withNamespace(namespace).endMetadata().withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1")
        .withKind("Deployment").withName(target).endScaleTargetRef().withMinReplicas(1).withMaxReplicas(maxReplicas)
        .endSpec().build());
  }

  private static Consumer<Fixture> v1(int maxReplicas) {
    return f -> f.extra.add(new io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName("vllm-gpu").endMetadata().withNewSpec().withNewScaleTargetRef()
        .withApiVersion("apps/v1").withKind("Deployment").withName("vllm-gpu").endScaleTargetRef()
        .withMaxReplicas(maxReplicas).endSpec().build());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("autoscaling/v2 maxReplicas 300", v2(null, "vllm-gpu", 300), List.of(
            "ERROR LIMIT_EXCEEDED HorizontalPodAutoscaler[vllm-gpu].spec.maxReplicas: expected at most 256 pods on"
                + " ResourceClaim 'gpu-claim' (status.reservedFor), found maxReplicas 300, which scales"
                + " Deployment[vllm-gpu] to 300 pods that share it",
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 126.00 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 300 x 0.42 (pods counted at maxReplicas 300 of"
                + " HorizontalPodAutoscaler[vllm-gpu])")),
        Arguments.of("autoscaling/v2 maxReplicas 3", v2(null, "vllm-gpu", 3), List.of(OVERCOMMIT_3)),
        Arguments.of("autoscaling/v1 maxReplicas 3", v1(3), List.of(OVERCOMMIT_3)),
        Arguments.of("maxReplicas 2, as the replicas", v2(null, "vllm-gpu", 2), List.of()),
        // every rule counts the pods that run at once: as written when the autoscaler's maximum is lower
        Arguments.of("maxReplicas 2 below the 3 replicas written", v2(null, "vllm-gpu", 2)
            .andThen(f -> f.deployment.getSpec().setReplicas(3)), List.of(
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 3 x 0.42")),
        Arguments.of("an autoscaler of another Deployment", v2(null, "other", 300), List.of()),
        Arguments.of("an autoscaler of another namespace", v2("ml", "vllm-gpu", 300).andThen(f -> {
          f.deployment.getMetadata().setNamespace("default");
          f.claim.getMetadata().setNamespace("default");
        }), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_count_the_pods_at_max_replicas_when_an_autoscaler_scales_a_workload_sharing_one_claim(String name,
      Consumer<Fixture> change, List<String> expected) {
    // GIVEN the clean tutorial (2 replicas x 0.42 on ResourceClaim gpu-claim) and an autoscaler
    // WHEN / THEN
    Fixture.assertFindings(change, expected);
  }

  /** A second Deployment of {@code replicas} on the tutorial's claim, in {@code namespace} (null: none written). */
  private static Deployment second(String namespace, int replicas) {
    Deployment deployment = KubeObjects.toDeployment(TutorialSpecs.vllm("vllm-b", "gpu-claim", replicas, "0.42"));
    deployment.getSpec().setStrategy(new DeploymentStrategyBuilder().withType("Recreate").build());
    deployment.getMetadata().setNamespace(namespace);
    return deployment;
  }

  private static List<String> limits(Fixture fixture) {
    return Validator.standard().validate(fixture.set()).findings().stream()
        .filter(finding -> finding.code().equals("LIMIT_EXCEEDED")).map(Finding::headline).toList();
  }

  @Test
  void should_count_every_pod_of_the_claim_at_max_replicas_when_one_workload_is_autoscaled_and_another_is_not() {
    // GIVEN the tutorial (2 replicas) scaled up to 200 by an autoscaler, and 100 more pods on the same claim
    Fixture fixture = new Fixture();
    v2(null, "vllm-gpu", 200).accept(fixture);
    fixture.extra.add(second(null, 100));
    // WHEN
    List<String> limits = limits(fixture);
    // THEN 200 + 100 at maxReplicas, where each alone is under 256
    assertThat(limits).containsExactly("ERROR LIMIT_EXCEEDED HorizontalPodAutoscaler[vllm-gpu].spec.maxReplicas:"
        + " expected at most 256 pods on ResourceClaim 'gpu-claim' (status.reservedFor), found maxReplicas 200, which"
        + " scales Deployment[vllm-gpu] to 200 pods that share it, 300 in all with the claim's other pods");
  }

  @Test
  void should_report_the_claim_once_when_replicas_as_written_and_at_max_replicas_are_both_too_many() {
    // GIVEN 300 replicas and an autoscaler of maxReplicas 300
    Fixture fixture = new Fixture();
    fixture.deployment.getSpec().setReplicas(300);
    v2(null, "vllm-gpu", 300).accept(fixture);
    // WHEN
    List<String> limits = limits(fixture);
    // THEN the claim's finding alone, not the autoscaler's as well
    assertThat(limits).containsExactly("ERROR LIMIT_EXCEEDED ResourceClaim[gpu-claim]: expected at most 256 pods on"
        + " one claim (status.reservedFor), found 300");
  }

  @Test
  void should_count_pods_apart_when_claims_of_one_name_are_in_two_namespaces() {
    // GIVEN 150 pods in namespace a and 150 in namespace b, each on its own namespace's gpu-claim
    Fixture fixture = new Fixture();
    fixture.deployment.getSpec().setReplicas(150);
    fixture.deployment.getMetadata().setNamespace("a");
    fixture.claim.getMetadata().setNamespace("a");
    ResourceClaim other = new ResourceClaimBuilder(fixture.claim).editMetadata().withNamespace("b").endMetadata().build();
    fixture.extra.add(other);
    fixture.extra.add(second("b", 150));
    // WHEN / THEN
    assertThat(limits(fixture)).isEmpty();
    // and 300 pods of one namespace are too many
    fixture.extra.set(0, new ResourceClaimBuilder(fixture.claim).build());
    fixture.extra.set(1, second("a", 150));
    assertThat(limits(fixture)).containsExactly("ERROR LIMIT_EXCEEDED ResourceClaim[gpu-claim]: expected at most 256"
        + " pods on one claim (status.reservedFor), found 300");
  }

  @Test
  void should_count_a_pod_once_when_two_of_its_entries_name_the_same_claim() {
    // GIVEN 200 replicas whose pods name gpu-claim in two entries (gpu and gpu-2)
    Fixture fixture = new Fixture();
    fixture.deployment.getSpec().setReplicas(200);
    fixture.pod().getResourceClaims().add(new PodResourceClaimBuilder().withName("gpu-2")
        .withResourceClaimName("gpu-claim").build());
    // WHEN / THEN 200 consumers of the claim, not 400
    assertThat(limits(fixture)).isEmpty();
  }

  @Test
  void should_count_the_rollout_surge_at_max_replicas_when_an_autoscaled_deployment_rolls() {
    // GIVEN the default RollingUpdate (maxSurge 25%) and an autoscaler of maxReplicas 220: a rollout at 220
    // replicas starts 55 more pods, where one at the 2 replicas written starts 1
    Fixture fixture = new Fixture();
    fixture.deployment.getSpec().setStrategy(null);
    v2(null, "vllm-gpu", 220).accept(fixture);
    // WHEN / THEN 275 pods on the claim
    assertThat(limits(fixture)).containsExactly("ERROR LIMIT_EXCEEDED HorizontalPodAutoscaler[vllm-gpu].spec.maxReplicas:"
        + " expected at most 256 pods on ResourceClaim 'gpu-claim' (status.reservedFor), found maxReplicas 220, which"
        + " scales Deployment[vllm-gpu] to 275 pods that share it (220 + 55 more during a rolling update)");
  }

  @Test
  void should_name_the_autoscaler_that_adds_the_pods_when_two_autoscalers_scale_workloads_on_one_claim() {
    // GIVEN Deployment vllm-gpu at 200 replicas with an autoscaler that adds nothing (maxReplicas 10), and
    // vllm-b at 2 replicas that an autoscaler takes to 100
    Fixture fixture = new Fixture();
    fixture.deployment.getSpec().setReplicas(200);
    v2(null, "vllm-gpu", 10).accept(fixture);
    fixture.extra.add(second(null, 2));
    fixture.extra.add(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("vllm-b").endMetadata()
        .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("vllm-b")
        .endScaleTargetRef().withMaxReplicas(100).endSpec().build());
    // WHEN / THEN 300 at maxReplicas, reported on the autoscaler that raises the count
    assertThat(limits(fixture)).containsExactly("ERROR LIMIT_EXCEEDED HorizontalPodAutoscaler[vllm-b].spec.maxReplicas:"
        + " expected at most 256 pods on ResourceClaim 'gpu-claim' (status.reservedFor), found maxReplicas 100, which"
        + " scales Deployment[vllm-b] to 100 pods that share it, 300 in all with the claim's other pods");
  }
}
