package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.validate.FindingCode;
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
 *
 * <p>The tutorial's image {@code vllm/vllm-openai:v0.7.2} cannot load Gemma 3 (vLLM 0.8.2 is the first
 * image that does), so its server never starts: {@code VLLM_IMAGE_TOO_OLD} is an error. The bundle
 * acknowledges it, with the reason, so that the tutorial's documents still render as published, and
 * every report still prints it:
 *
 * <pre>
 * ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: ...
 * </pre>
 *
 * {@link CorrectedTimeSlicingTutorial} is the same service as it should be deployed.
 */
public final class TimeSlicingTutorial {
  private TimeSlicingTutorial() {}

  /** Why the bundle keeps the tutorial's image, which cannot load its model. */
  public static final String AS_PUBLISHED = "reproduces the GKE tutorial as published";

  /** The tutorial's bundle. */
  public static ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim")
        .timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it")
            .replicas(2)
            .gpuMemoryUtilization(0.42)
            .huggingFaceToken("hf-secret", "hf_api_token")
            .acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, AS_PUBLISHED))
        .loadBalancer("vllm-service", 8000)
        .build();
  }
}
