package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelectorBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSelectorSpec;
import io.gpushare.core.model.DeviceSubRequestSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recognizing specs in fabric8 objects: exactly the objects a spec converts to, compared as structures. */
class KubeSpecs_spec_Test {

  static Stream<ManifestSpec> specs() {
    return Stream.of(
        TutorialSpecs.claim("gpu-claim"),
        DeviceClaimSpec.shared("mps-on-mig")
            .addRequests(DeviceRequestSpec.builder().name("gpu").deviceClassName(MigDeviceConfig.DEVICE_CLASS)
                .addSelectors(DeviceSelectorSpec.productName("NVIDIA H100 80GB HBM3"), DeviceSelectorSpec.migProfile("3g.40gb"))
                .build())
            .addConfig(DeviceConfig.of(List.of("gpu"), MigDeviceConfig.mps(MpsConfig.builder()
                .defaultActiveThreadPercentage(50).putDefaultPerDevicePinnedMemoryLimit("0", "10Gi").build())))
            .build(),
        DeviceClaimSpec.perPod("first-available")
            .addRequests(DeviceRequestSpec.builder().name("gpu")
                .addFirstAvailable(DeviceSubRequestSpec.builder().name("h100").deviceClassName(GpuConfig.DEVICE_CLASS)
                    .count(2).addSelectors(DeviceSelectorSpec.productName("NVIDIA H100 80GB HBM3")).build())
                .addFirstAvailable(DeviceSubRequestSpec.builder().name("big").deviceClassName(GpuConfig.DEVICE_CLASS)
                    .addSelectors(DeviceSelectorSpec.memoryAtLeast("80Gi"), DeviceSelectorSpec.cel("device.driver != ''"))
                    .build())
                .build())
            .build(),
        VllmWorkloadSpec.builder().name("per-pod").replicas(3).port(9000).image("vllm/vllm-openai:v0.21.0")
            .model("google/gemma-3-1b-it").gpuMemoryUtilization(new BigDecimal("0.9"))
            .claim(ClaimReference.perPod("gpu", "first-available").withRequest("gpu")).sharedMemoryVolume(false)
            .build(),
        TutorialSpecs.service("vllm-service", "vllm-gpu"));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void should_recognize_the_spec_when_given_the_object_it_converts_to(ManifestSpec spec) {
    assertThat(KubeSpecs.spec(KubeObjects.toKubernetes(spec))).contains(spec);
  }

  @Test
  void should_write_claims_by_scope_with_the_fabric8_classes_kind_and_version() {
    // GIVEN
    DeviceClaimSpec shared = TutorialSpecs.claim("gpu-claim");
    // WHEN
    HasMetadata written = KubeObjects.toKubernetes(shared);
    // THEN
    assertThat(written).isInstanceOf(ResourceClaim.class);
    assertThat(written.getApiVersion()).isEqualTo(HasMetadata.getApiVersion(ResourceClaim.class));
    assertThat(ClaimScope.SHARED.kind()).isEqualTo(HasMetadata.getKind(ResourceClaim.class));
    assertThat(ClaimScope.PER_POD.kind()).isEqualTo(HasMetadata.getKind(ResourceClaimTemplate.class));
  }

  @Test
  void should_keep_a_selector_raw_when_its_text_is_not_the_one_gpushare_writes() {
    // GIVEN: the profile without the trailing newline of the codec's literal block
    ResourceClaim claim = KubeObjects.toResourceClaim(TutorialSpecs.claim("gpu-claim"));
    String expression = "device.attributes['gpu.nvidia.com'].profile == '1g.10gb'";
    claim.getSpec().getDevices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
        new DeviceSelectorBuilder().withNewCel().withExpression(expression).endCel().build())));
    // WHEN
    DeviceClaimSpec spec = (DeviceClaimSpec) KubeSpecs.spec(claim).orElseThrow();
    // THEN
    assertThat(spec.requests().get(0).selectors()).containsExactly(DeviceSelectorSpec.cel(expression));
  }

  @Test
  void should_not_recognize_parameters_the_codec_would_write_differently() {
    // GIVEN: a field the driver rejects, and a limit written as a number (the codec writes a string)
    ResourceClaim unknownField = claimWithParameters(Map.of("multiUser", true));
    ResourceClaim numericLimit = claimWithParameters(Map.of("defaultPinnedDeviceMemoryLimit", 1024));
    // WHEN / THEN
    assertThat(KubeSpecs.spec(unknownField)).isEmpty();
    assertThat(KubeSpecs.spec(numericLimit)).isEmpty();
  }

  @Test
  void should_not_recognize_nor_fail_when_given_objects_with_missing_parts() {
    // GIVEN
    ResourceClaim noSpec = new ResourceClaimBuilder().withMetadata(new ObjectMetaBuilder().withName("c").build()).build();
    ResourceClaim noOpaque = KubeObjects.toResourceClaim(TutorialSpecs.claim("gpu-claim"));
    noOpaque.getSpec().getDevices().getConfig().get(0).setOpaque(null);
    ResourceClaim noCel = KubeObjects.toResourceClaim(TutorialSpecs.claim("gpu-claim"));
    noCel.getSpec().getDevices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
        new DeviceSelectorBuilder().build())));
    Deployment noTemplate = new DeploymentBuilder().withNewMetadata().withName("d").endMetadata().withNewSpec()
        .endSpec().build();
    Deployment portName = KubeObjects.toDeployment(TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42"));
    portName.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(new ArrayList<>(List.of(
        "--model=m", "--port=http", "--gpu-memory-utilization=lots")));
    Service namedTarget = KubeObjects.toService(TutorialSpecs.service("s", "a"));
    namedTarget.getSpec().getPorts().get(0).setTargetPort(new IntOrString("http"));
    // WHEN / THEN
    for (HasMetadata resource : List.of(noSpec, noOpaque, noCel, noTemplate, portName, namedTarget)) {
      assertThat(KubeSpecs.spec(resource)).as(resource.getKind()).isEmpty();
    }
  }

  private static ResourceClaim claimWithParameters(Map<String, Object> mpsConfig) {
    ResourceClaim claim = KubeObjects.toResourceClaim(TutorialSpecs.claim("gpu-claim"));
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("apiVersion", "resource.nvidia.com/v1beta1");
    parameters.put("kind", "GpuConfig");
    parameters.put("sharing", Map.of("strategy", "MPS", "mpsConfig", mpsConfig));
    claim.getSpec().getDevices().getConfig().get(0).getOpaque().setParameters(parameters);
    return claim;
  }
}
