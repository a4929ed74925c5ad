package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.dsl.GpuShare;

/**
 * The GKE tutorial "Time slicing of GPUs with DRA": one A100 shared by two vLLM replicas of
 * {@code google/gemma-3-1b-it} through one {@code ResourceClaim} with time slicing (interval
 * {@code Long}), each replica capped at 42% of the GPU's memory, behind a LoadBalancer.
 *
 * <p>Rendered, it is the tutorial's {@code claim.yaml}:
 *
 * <pre>
 * apiVersion: resource.k8s.io/v1
 * kind: ResourceClaim
 * metadata:
 *   name: gpu-claim
 * spec:
 *   devices:
 *     requests:
 *     - name: gpu
 *       exactly:
 *         deviceClassName: gpu.nvidia.com
 *     config:
 *     - requests: ["gpu"]
 *       opaque:
 *         ...
 * </pre>
 *
 * and {@code vllm.yaml} (the Deployment {@code vllm-gpu}, then the Service {@code vllm-service}),
 * byte for byte.
 */
public final class TimeSlicingTutorial {
  private TimeSlicingTutorial() {}

  /** The tutorial's bundle. */
  public static ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim")
        .timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it")
            .replicas(2)
            .gpuMemoryUtilization(0.42)
            .huggingFaceToken("hf-secret", "hf_api_token"))
        .loadBalancer("vllm-service", 8000)
        .build();
  }
}
