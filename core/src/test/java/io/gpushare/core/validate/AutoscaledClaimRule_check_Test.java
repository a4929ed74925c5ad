package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A HorizontalPodAutoscaler scales the tutorial's Deployment, whose replicas share one claim: the
 * claim reserves its device for at most 256 consumers ({@code ResourceClaimReservedForMaxSize = 256},
 * kubernetes/kubernetes {@code pkg/apis/resource/types.go}), and the memory budget counts the pods at
 * {@code maxReplicas}.
 */
class AutoscaledClaimRule_check_Test {
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
}
