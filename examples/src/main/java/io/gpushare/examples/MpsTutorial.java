package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.dsl.GpuShare;

/**
 * The GKE tutorial "MPS with DRA": one A100 40GB shared by two vLLM replicas under NVIDIA MPS, each
 * client held to half the GPU's threads and 15Gi of pinned memory, each vLLM at 35% of the memory
 * (0.35 x 40 GiB = 14 GiB, under the 15Gi limit that vLLM itself does not see).
 *
 * <pre>
 * sharing:
 *   strategy: MPS
 *   mpsConfig:
 *     defaultActiveThreadPercentage: 50
 *     defaultPinnedDeviceMemoryLimit: 15Gi
 * </pre>
 */
public final class MpsTutorial {
  private MpsTutorial() {}

  public static ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim")
        .mps(50, "15Gi")
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it")
            .image("vllm/vllm-openai:v0.21.0")
            .replicas(2)
            .gpuMemoryUtilization(0.35)
            .huggingFaceToken("hf-secret", "hf_api_token"))
        .loadBalancer("vllm-service", 8000)
        .build();
  }
}
