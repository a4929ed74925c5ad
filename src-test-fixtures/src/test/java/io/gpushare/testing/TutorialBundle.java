package io.gpushare.testing;

import io.gpushare.core.model.Acknowledgement;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tutorial's shape that the assertion tests judge: ResourceClaim[gpu-claim] time-sliced (Long)
 * and Deployment[vllm-gpu] at 0.42 of its memory per pod, with {@code replicas} pods, on vLLM 0.9.2 (a
 * release that can share a GPU: 0.8.0 to 0.9.0 cannot).
 */
final class TutorialBundle {
  private TutorialBundle() {}

  static ManifestBundle of(int replicas) {
    return of(replicas, "vllm/vllm-openai:v0.9.2");
  }

  /** The same with {@code image}, and the workload acknowledging {@code acknowledgements}. */
  static ManifestBundle of(int replicas, String image, Acknowledgement... acknowledgements) {
    return ManifestBundle.builder()
        .add("claim.yaml", DeviceClaimSpec.shared("gpu-claim")
            .addRequests(DeviceRequestSpec.of("gpu", "gpu.nvidia.com"))
            .addConfig(DeviceConfig.of(List.of("gpu"), GpuConfig.timeSlicing(TimeSliceInterval.LONG)))
            .build())
        .add("vllm.yaml", VllmWorkloadSpec.builder().name("vllm-gpu").replicas(replicas).port(8000)
            .image(image).model("google/gemma-3-1b-it").addAcknowledgements(acknowledgements)
            .gpuMemoryUtilization(new BigDecimal("0.42")).claim(ClaimReference.of("gpu", "gpu-claim"))
            .huggingFaceToken(io.gpushare.core.model.SecretKeyRef.of("hf-secret", "hf_api_token"))
            .sharedMemoryVolume(false).build())
        .build();
  }
}
