package io.gpushare.core;

import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.Acknowledgement;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.TcpProbe;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.validate.FindingCode;
import java.math.BigDecimal;
import java.util.List;

/** The tutorial's objects built from value types only (core's tests cannot use the DSL). */
public final class TutorialSpecs {
  private TutorialSpecs() {}

  public static DeviceClaimSpec claim(String name) {
    return DeviceClaimSpec.shared(name)
        .addRequests(DeviceRequestSpec.of("gpu", GpuConfig.DEVICE_CLASS))
        .addConfig(DeviceConfig.of(List.of("gpu"), GpuConfig.timeSlicing(TimeSliceInterval.LONG)))
        .build();
  }

  public static VllmWorkloadSpec vllm(String name, String claim, int replicas, String utilization) {
    VllmWorkloadSpec.Builder builder = vllmWithoutReplicasPortOrUtilization(name, claim)
        .replicas(replicas)
        .port(8000);
    if (utilization != null) {
      builder.gpuMemoryUtilization(new BigDecimal(utilization));
    }
    return builder.build();
  }

  /** The tutorial's Deployment, less the attributes a test wants to set itself (strict builders set each once). */
  public static VllmWorkloadSpec.Builder vllmWithoutReplicasPortOrUtilization(String name, String claim) {
    return VllmWorkloadSpec.builder()
        .name(name)
        .image("vllm/vllm-openai:v0.7.2")
        .addCommand("python3", "-m", "vllm.entrypoints.openai.api_server")
        .host("0.0.0.0")
        .model("google/gemma-3-1b-it")
        .huggingFaceToken(SecretKeyRef.of("hf-secret", "hf_api_token"))
        .claim(ClaimReference.of("gpu", claim))
        .addTolerations(TolerationSpec.gpuNoSchedule())
        .readinessProbe(TcpProbe.of(15, 10))
        .sharedMemoryVolume(true);
  }

  public static VllmServiceSpec service(String name, String app) {
    return VllmServiceSpec.builder()
        .name(name)
        .type("LoadBalancer")
        .putSelector("app", app)
        .addPorts(PortSpec.http(8000))
        .build();
  }

  /** The reason the tutorial's bundle keeps its image, which cannot load Gemma 3. */
  public static final String AS_PUBLISHED = "reproduces the GKE tutorial as published";

  /** The tutorial's bundle, its image error acknowledged as the tutorial example does. */
  public static ManifestBundle bundle(int replicas, String utilization) {
    return ManifestBundle.builder()
        .add("claim.yaml", claim("gpu-claim"))
        .add("vllm.yaml", vllm("vllm-gpu", "gpu-claim", replicas, utilization).toBuilder()
            .addAcknowledgements(Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, AS_PUBLISHED)).build())
        .add("vllm.yaml", service("vllm-service", "vllm-gpu"))
        .build();
  }
}
