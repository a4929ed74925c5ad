package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.dsl.GpuShare;

/**
 * One model over several GPUs: each pod gets four H100 80GB for Llama 3.1 70B, and the DSL sets
 * vLLM's {@code --tensor-parallel-size=4} to match the request's count.
 *
 * <pre>
 * exactly:
 *   deviceClassName: gpu.nvidia.com
 *   allocationMode: ExactCount
 *   count: 4
 *   selectors:
 *   - cel:
 *       expression: device.attributes["gpu.nvidia.com"].productName == "NVIDIA H100 80GB HBM3"
 * ...
 * args:
 * - --tensor-parallel-size=4
 * </pre>
 */
public final class MultiGpuExample {
  private MultiGpuExample() {}

  public static ManifestBundle bundle() {
    return GpuShare.perPod("four-h100").onGpu("NVIDIA H100 80GB HBM3").gpus(4)
        .vllm("vllm-llama-70b", v -> v.model("meta-llama/Llama-3.1-70B-Instruct")
            .image("vllm/vllm-openai:v0.21.0")
            .huggingFaceToken("hf-secret", "hf_api_token"))
        .loadBalancer("vllm-llama-70b-service", 8000)
        .build();
  }
}
