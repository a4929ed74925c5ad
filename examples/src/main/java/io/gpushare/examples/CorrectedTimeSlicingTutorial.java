package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.dsl.GpuShare;

/**
 * The GKE tutorial "Time slicing of GPUs with DRA" corrected: the same GPU, claim, model, two
 * servers at 0.42 each and LoadBalancer, without what the published manifests get wrong
 * ({@code gpushare render --example timeslicing-corrected}; {@code gpushare lint --strict} of its
 * output reports nothing):
 *
 * <ul>
 *   <li>an image that loads Gemma 3 ({@code v0.7.2} cannot: {@code VLLM_IMAGE_TOO_OLD});
 *   <li>a StatefulSet with {@code podManagementPolicy: OrderedReady} instead of a Deployment: the two
 *       servers on the shared GPU profile their memory one after the other, and an update replaces
 *       one pod at a time, never starting a third server on the GPU ({@code ROLLOUT_SURGE_OVERCOMMIT});
 *   <li>{@code VLLM_API_KEY} from a Secret, since the LoadBalancer puts vLLM on the internet
 *       ({@code API_KEY_MISSING}).
 * </ul>
 *
 * <pre>
 * apiVersion: apps/v1
 * kind: StatefulSet
 * metadata:
 *   name: vllm-gpu
 * spec:
 *   replicas: 2
 *   ...
 *       containers:
 *       - name: vllm-gpu
 *         image: vllm/vllm-openai:v0.21.0
 *         ...
 *         env:
 *         - name: VLLM_API_KEY
 *           valueFrom:
 *             secretKeyRef:
 *               name: vllm-api-key
 *               key: key
 *   serviceName: vllm-gpu-pods
 *   podManagementPolicy: OrderedReady
 * </pre>
 */
public final class CorrectedTimeSlicingTutorial {
  private CorrectedTimeSlicingTutorial() {}

  /** The corrected bundle. */
  public static ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim")
        .timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it")
            .image("vllm/vllm-openai:v0.21.0")     // loads Gemma 3 (v0.8.2 is the first image that does)
            .replicas(2)
            .gpuMemoryUtilization(0.42)
            .huggingFaceToken("hf-secret", "hf_api_token")
            .apiKey("vllm-api-key", "key")         // VLLM_API_KEY: the LoadBalancer is public
            .statefulSet("vllm-gpu-pods"))         // one server starts (and is replaced) at a time
        .loadBalancer("vllm-service", 8000)
        .build();
  }
}
