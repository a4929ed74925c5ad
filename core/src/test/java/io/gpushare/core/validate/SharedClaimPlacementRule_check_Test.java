package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replicas that share one claim all run on the node of its device. The spread condition is the
 * scheduler's own, from kubernetes/kubernetes
 * {@code pkg/scheduler/framework/plugins/podtopologyspread/filtering.go} ({@code Filter}): a node is
 * refused when {@code matchNum + selfMatchNum - minMatchNum > maxSkew}.
 */
class SharedClaimPlacementRule_check_Test {
  private static final String POD = "Deployment[vllm-gpu].spec.template.spec";
  private static final String ANTI = "ERROR SHARED_CLAIM_ANTI_AFFINITY " + POD
      + ".affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]: expected the 2 pods of"
      + " Deployment[vllm-gpu], which share ResourceClaim 'gpu-claim' and so run on the node of its device, to be"
      + " allowed on one node, found required pod anti-affinity on topologyKey 'kubernetes.io/hostname' whose"
      + " labelSelector selects their own labels: the second pod can never schedule";

  private static final String REPLICAS_ZERO =
      "WARNING REPLICAS_RANGE Deployment[vllm-gpu].spec.replicas: replicas is 0: no pod will run";

  private static Consumer<Fixture> antiAffinity(LabelSelector selector) {
    return f -> f.pod().setAffinity(new AffinityBuilder().withNewPodAntiAffinity()
        .addNewRequiredDuringSchedulingIgnoredDuringExecution().withLabelSelector(selector)
        .withTopologyKey("kubernetes.io/hostname").endRequiredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity().build());
  }

  private static Consumer<Fixture> spread(int maxSkew, String whenUnsatisfiable, LabelSelector selector) {
    return f -> f.pod().setTopologySpreadConstraints(new ArrayList<>(List.of(new TopologySpreadConstraintBuilder()
        .withMaxSkew(maxSkew).withTopologyKey("kubernetes.io/hostname").withWhenUnsatisfiable(whenUnsatisfiable)
        .withLabelSelector(selector).build())));
  }

  /** {@code matchLabels: {key: }} as YAML reads it (fabric8's builder leaves a null value out). */
  private static LabelSelector nullValue(String key) {
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    labels.put(key, null);
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(labels);
    return selector;
  }

  private static LabelSelector app(String value) {
    return new LabelSelectorBuilder().addToMatchLabels("app", value).build();
  }

  private static LabelSelector expression(String operator, String... values) {
    return new LabelSelectorBuilder().addNewMatchExpression().withKey("app").withOperator(operator)
        .withValues(values.length == 0 ? null : List.of(values)).endMatchExpression().build();
  }

  private static Arguments passes(String name, Consumer<Fixture> change) {
    return Arguments.of(name, change, List.of());
  }

  private static Arguments fails(String name, Consumer<Fixture> change, String... headlines) {
    return Arguments.of(name, change, List.of(headlines));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        fails("required anti-affinity on hostname selecting the replicas' own app label",
            antiAffinity(app("vllm-gpu")), ANTI),
        // the shape of the Kubernetes docs' anti-affinity example (assign-pod-node: app In [...], hostname)
        fails("matchExpressions In", antiAffinity(expression("In", "vllm-gpu", "other")), ANTI),
        fails("matchExpressions Exists", antiAffinity(expression("Exists")), ANTI),
        fails("matchExpressions NotIn another value", antiAffinity(expression("NotIn", "other")), ANTI),
        passes("matchExpressions NotIn the pods' own value", antiAffinity(expression("NotIn", "vllm-gpu"))),
        passes("matchExpressions DoesNotExist", antiAffinity(expression("DoesNotExist"))),
        passes("anti-affinity selecting other pods", antiAffinity(app("other"))),
        passes("anti-affinity without a labelSelector selects no pod", antiAffinity(null)),
        passes("one replica", antiAffinity(app("vllm-gpu")).andThen(f -> f.deployment.getSpec().setReplicas(1))),
        passes("anti-affinity counting pods of another namespace only", antiAffinity(app("vllm-gpu"))
            .andThen(f -> f.pod().getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .get(0).setNamespaces(new ArrayList<>(List.of("other"))))),
        // GoogleCloudPlatform/kubernetes-engine-samples autoscaling/custom-compute-classes/dra/deployment.yaml:
        // required anti-affinity app In [ccc-gpu] on hostname, with resourceClaimTemplateName: runs as written
        fails("a template gives each pod its own claim (and the set has none)", antiAffinity(app("vllm-gpu")).andThen(f ->
            f.pod().setResourceClaims(new ArrayList<>(List.of(new PodResourceClaimBuilder().withName("gpu")
                .withResourceClaimTemplateName("gpu-claim").build())))),
            "INFO CLAIM_NOT_IN_SET " + POD + ".resourceClaims[0].resourceClaimTemplateName: ResourceClaimTemplate"
                + " 'gpu-claim' is not among the manifests checked, so nothing about it was checked"),
        fails("DoNotSchedule spread with maxSkew 1 over 2 replicas", spread(1, "DoNotSchedule", app("vllm-gpu")),
            "ERROR SHARED_CLAIM_TOPOLOGY_SPREAD " + POD + ".topologySpreadConstraints[0]: expected at most maxSkew 1"
                + " pods in one 'kubernetes.io/hostname' domain, found the 2 pods of Deployment[vllm-gpu], which share"
                + " ResourceClaim 'gpu-claim' and so all run on the node of its device: once a second domain is"
                + " eligible, pod 2 exceeds the skew on every node and stays Pending"),
        passes("DoNotSchedule spread with maxSkew 2 over 2 replicas", spread(2, "DoNotSchedule", app("vllm-gpu"))),
        // review: nodeAffinityPolicy Honor (the default) counts only the nodes the pod may run on; a nodeSelector
        // on the constraint's key leaves one domain, where the skew stays 0
        passes("DoNotSchedule spread when a nodeSelector pins the pods to one node",
            spread(1, "DoNotSchedule", app("vllm-gpu"))
                .andThen(f -> f.pod().setNodeSelector(new java.util.HashMap<>(java.util.Map.of(
                    "kubernetes.io/hostname", "gpu-node-1"))))),
        // review: a null matchLabels value is the empty string to the API server (map[string]string), not a crash
        passes("anti-affinity with a null matchLabels value", antiAffinity(nullValue("tier"))),
        // review: mismatchLabelKeys adds `app notin (vllm-gpu)` to the selector (KEP-3633, Kubernetes 1.29+)
        passes("anti-affinity whose mismatchLabelKeys holds the pods' own key", antiAffinity(new LabelSelector())
            .andThen(f -> f.pod().getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .get(0).setMismatchLabelKeys(new ArrayList<>(List.of("app"))))),
        // review: the HPA controller leaves a target written with replicas: 0 alone ("ScalingDisabled")
        fails("an autoscaler of a target written with replicas: 0 and minReplicas 1", spread(1, "DoNotSchedule",
                app("vllm-gpu")).andThen(f -> {
                  f.deployment.getSpec().setReplicas(0);
                  f.extra.add(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("vllm-gpu").endMetadata()
                      .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
                      .withName("vllm-gpu").endScaleTargetRef().withMinReplicas(1).withMaxReplicas(300).endSpec().build());
                }),
            REPLICAS_ZERO),
        passes("ScheduleAnyway spread", spread(1, "ScheduleAnyway", app("vllm-gpu"))),
        passes("spread counting other pods", spread(1, "DoNotSchedule", app("other"))),
        fails("an autoscaler that scales one replica beyond maxSkew", spread(1, "DoNotSchedule", app("vllm-gpu"))
                .andThen(f -> {
                  f.deployment.getSpec().setReplicas(1);
                  f.extra.add(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("vllm-gpu").endMetadata()
                      .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
                      .withName("vllm-gpu").endScaleTargetRef().withMinReplicas(1).withMaxReplicas(2).endSpec().build());
                }),
            "ERROR SHARED_CLAIM_TOPOLOGY_SPREAD " + POD + ".topologySpreadConstraints[0]: expected at most maxSkew 1"
                + " pods in one 'kubernetes.io/hostname' domain, found the 2 pods of Deployment[vllm-gpu] (at"
                + " maxReplicas of HorizontalPodAutoscaler[vllm-gpu]), which share ResourceClaim 'gpu-claim' and so all"
                + " run on the node of its device: once a second domain is eligible, pod 2 exceeds the skew on every"
                + " node and stays Pending"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_report_exactly_the_placement_findings_when_the_replicas_of_a_shared_claim_are_kept_apart(String name,
      Consumer<Fixture> change, List<String> expected) {
    // GIVEN the clean tutorial (2 replicas on ResourceClaim gpu-claim, pods labelled app: vllm-gpu), changed
    // WHEN / THEN
    Fixture.assertFindings(change, expected);
  }
}
