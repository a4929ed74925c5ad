package io.gpushare.benchmarks;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/**
 * The anchor of the start-up measurement (docs/performance.md, "Start-up"; scripts/startup.sh):
 * what a team writes without gpushare, plain fabric8. It builds the tutorial's ResourceClaim,
 * Deployment and Service with fabric8's builders and prints them with fabric8's own YAML
 * serialization, in one short-lived JVM:
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gpushare.benchmarks.StartupAnchor
 * </pre>
 */
public final class StartupAnchor {
  private StartupAnchor() {}

  public static void main(String[] args) {
    var claim = new ResourceClaimBuilder()
        .withNewMetadata().withName("gpu-claim").endMetadata()
        .withNewSpec().withNewDevices()
        .addNewRequest().withName("gpu").withNewExactly().withDeviceClassName("gpu.nvidia.com").endExactly().endRequest()
        .addNewConfig().withRequests("gpu").withNewOpaque().withDriver("gpu.nvidia.com")
        .withParameters(Map.of("apiVersion", "resource.nvidia.com/v1beta1", "kind", "GpuConfig",
            "sharing", Map.of("strategy", "TimeSlicing", "timeSlicingConfig", Map.of("interval", "Long"))))
        .endOpaque().endConfig()
        .endDevices().endSpec().build();
    var deployment = new DeploymentBuilder()
        .withNewMetadata().withName("vllm-gpu").endMetadata()
        .withNewSpec().withReplicas(2)
        .withNewSelector().addToMatchLabels("app", "vllm-gpu").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "vllm-gpu").endMetadata()
        .withNewSpec()
        .addNewToleration().withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule").endToleration()
        .addNewResourceClaim().withName("gpu").withResourceClaimName("gpu-claim").endResourceClaim()
        .addNewContainer().withName("vllm-gpu").withImage("vllm/vllm-openai:v0.7.2")
        .withCommand("python3", "-m", "vllm.entrypoints.openai.api_server")
        .withArgs("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.42")
        .addNewEnv().withName("HF_TOKEN").withNewValueFrom().withNewSecretKeyRef("hf_api_token", "hf-secret", null)
        .endValueFrom().endEnv()
        .addNewPort().withContainerPort(8000).endPort()
        .withNewResources().addNewClaim().withName("gpu").endClaim().endResources()
        .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(8000)).endTcpSocket()
        .withInitialDelaySeconds(15).withPeriodSeconds(10).endReadinessProbe()
        .addNewVolumeMount().withName("dshm").withMountPath("/dev/shm").endVolumeMount()
        .endContainer()
        .addNewVolume().withName("dshm").withNewEmptyDir().withMedium("Memory").endEmptyDir().endVolume()
        .endSpec().endTemplate().endSpec().build();
    var service = new ServiceBuilder()
        .withNewMetadata().withName("vllm-service").endMetadata()
        .withNewSpec().addToSelector("app", "vllm-gpu").withType("LoadBalancer")
        .addNewPort().withName("http").withProtocol("TCP").withPort(8000).withTargetPort(new IntOrString(8000)).endPort()
        .endSpec().build();
    KubernetesSerialization serialization = new KubernetesSerialization();
    System.out.print(serialization.asYaml(claim));
    System.out.print(serialization.asYaml(deployment));
    System.out.print(serialization.asYaml(service));
  }
}
