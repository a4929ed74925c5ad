package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.KubeObjects;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mutable copy of the tutorial's three objects, made clean of the tutorial's documented warnings
 * (newer image, Recreate rollout, an API key from a Secret, and a KV cache sized with
 * {@code --kv-cache-memory-bytes} so that the two replicas do not race at start-up), for cases to
 * break one thing.
 */
final class Fixture {
  /** Sizes the KV cache without profiling, so that the two replicas starting together do not race. */
  static final String KV_CACHE = "--kv-cache-memory-bytes=4294967296";

  ResourceClaim claim = KubeObjects.toResourceClaim(TutorialSpecs.claim("gpu-claim"));
  Deployment deployment = new DeploymentBuilder(
      KubeObjects.toDeployment(TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42")))
      .editSpec().withNewStrategy().withType("Recreate").endStrategy()
      .editTemplate().editSpec().editFirstContainer()
      .withImage("vllm/vllm-openai:v0.11.0")
      .addToArgs(KV_CACHE)
      .addToEnv(new EnvVarBuilder().withName("VLLM_API_KEY").withNewValueFrom().withNewSecretKeyRef()
          .withName("vllm-secret").withKey("api_key").endSecretKeyRef().endValueFrom().build())
      .endContainer().endSpec().endTemplate().endSpec()
      .build();
  Service service = KubeObjects.toService(TutorialSpecs.service("vllm-service", "vllm-gpu"));
  final List<HasMetadata> extra = new ArrayList<>();

  /**
   * Validates a clean fixture changed by {@code change} and asserts exactly the {@code expected} headlines,
   * in order, each finding with a hint: the body of the table-driven rule tests.
   */
  static void assertFindings(java.util.function.Consumer<Fixture> change, List<String> expected) {
    Fixture fixture = new Fixture();
    change.accept(fixture);
    ValidationReport report = Validator.standard().validate(fixture.set());
    org.assertj.core.api.Assertions.assertThat(report.findings()).extracting(Finding::headline)
        .containsExactlyElementsOf(expected);
    org.assertj.core.api.Assertions.assertThat(report.findings())
        .allSatisfy(finding -> org.assertj.core.api.Assertions.assertThat(finding.hint()).isNotBlank());
  }

  /** The tutorial exactly as rendered, with its warnings. */
  static ManifestSet tutorial() {
    Fixture fixture = new Fixture();
    fixture.deployment = KubeObjects.toDeployment(TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42"));
    return fixture.set();
  }

  ManifestSet set() {
    List<Manifest> manifests = new ArrayList<>();
    manifests.add(new Manifest(claim, "claim.yaml", "test"));
    manifests.add(new Manifest(deployment, "vllm.yaml", "test"));
    manifests.add(new Manifest(service, "vllm.yaml", "test"));
    for (HasMetadata resource : extra) {
      manifests.add(new Manifest(resource, "extra.yaml", "test"));
    }
    return ManifestSet.of(manifests);
  }

  io.fabric8.kubernetes.api.model.PodSpec pod() {
    return deployment.getSpec().getTemplate().getSpec();
  }

  io.fabric8.kubernetes.api.model.Container container() {
    return pod().getContainers().get(0);
  }

  io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim devices() {
    return claim.getSpec().getDevices();
  }

  /** The claim's opaque parameters as an ordered, mutable map. */
  @SuppressWarnings("unchecked")
  Map<String, Object> parameters() {
    var opaque = devices().getConfig().get(0).getOpaque();
    Map<String, Object> copy = deepCopy((Map<String, Object>) opaque.getParameters());
    opaque.setParameters(copy);
    return copy;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> sharing() {
    return (Map<String, Object>) parameters().get("sharing");
  }

  /** Switches the claim to MPS with the given mpsConfig, keeping the map mutable. */
  Map<String, Object> mps(Map<String, Object> mpsConfig) {
    Map<String, Object> sharing = sharing();
    sharing.clear();
    sharing.put("strategy", "MPS");
    sharing.put("mpsConfig", new LinkedHashMap<>(mpsConfig));
    return sharing;
  }

  /**
   * Replaces the container's arguments with exactly {@code args}, without {@link #KV_CACHE}: for cases on
   * vLLM's profiled memory, which {@code --kv-cache-memory-bytes} would override.
   */
  void argsProfiled(String... args) {
    container().setArgs(new ArrayList<>(List.of(args)));
  }

  /** Replaces the container's arguments with {@code args}, then {@link #KV_CACHE} (last, so that indices stay). */
  void args(String... args) {
    container().setArgs(new ArrayList<>(List.of(args)));
    container().getArgs().add(KV_CACHE);
  }

  /** Narrows the claim's request to a GPU product with a CEL selector on productName. */
  void onProduct(String productName) {
    devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
        new io.fabric8.kubernetes.api.model.resource.v1.DeviceSelectorBuilder().withNewCel()
            .withExpression("device.attributes[\"gpu.nvidia.com\"].productName == \"" + productName + "\"")
            .endCel().build())));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }
}
