package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.dsl.GpuShare;

/**
 * No sharing: each of two vLLM replicas of Llama 3.1 8B gets a whole GPU of its own through a
 * {@code ResourceClaimTemplate}, and no NVIDIA sharing config (no driver feature gate needed).
 *
 * <pre>
 * kind: ResourceClaimTemplate
 * metadata:
 *   name: gpu-per-pod
 * spec:
 *   spec:
 *     devices:
 *       requests:
 *       - name: gpu
 *         exactly:
 *           deviceClassName: gpu.nvidia.com
 * </pre>
 */
public final class ExclusiveGpuExample {
  private ExclusiveGpuExample() {}

  public static ManifestBundle bundle() {
    return GpuShare.perPod("gpu-per-pod").wholeGpu()
        .vllm("vllm-llama", v -> v.model("meta-llama/Llama-3.1-8B-Instruct")
            .image("vllm/vllm-openai:v0.21.0")
            .replicas(2)
            .huggingFaceToken("hf-secret", "hf_api_token"))
        .loadBalancer("vllm-llama-service", 8000)
        .build();
  }
}
