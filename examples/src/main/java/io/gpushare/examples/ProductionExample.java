package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.dsl.GpuShare;

/**
 * The time-slicing tutorial made ready for production: in namespace {@code ml}, two vLLM servers
 * share one GPU through one {@code ResourceClaim} (time slicing, 42% of its memory each), with CPU
 * and memory requests and limits, vLLM's HTTP probes on {@code /health} (a startup probe that allows
 * 15 minutes for the model to load), the Hugging Face cache on the PersistentVolumeClaim
 * {@code hf-cache}, the Hugging Face token and the vLLM API key from Secrets, the {@code Recreate}
 * strategy (a rolling update would start a third server on the shared GPU), a KV cache of 4 GiB given
 * with {@code --kv-cache-memory-bytes} (the two servers start together, and would otherwise race in
 * vLLM's memory profiling), a ClusterIP Service, and a vLLM image recent enough for Gemma 3 and that
 * flag.
 * {@code gpushare lint --strict} of its output reports nothing.
 *
 * <pre>
 * apiVersion: apps/v1
 * kind: Deployment
 * metadata:
 *   name: vllm
 *   namespace: ml
 *   labels:
 *     app.kubernetes.io/part-of: inference
 * spec:
 *   replicas: 2
 *   selector:
 *     matchLabels:
 *       app: vllm
 *   template: ...
 *   strategy:
 *     type: Recreate
 * </pre>
 *
 * The PersistentVolumeClaim {@code hf-cache} and the Secrets {@code hf-secret} and
 * {@code vllm-api-key} are the cluster's: gpushare only references them.
 */
public final class ProductionExample {
  private ProductionExample() {}

  /** The production bundle. */
  public static ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim")
        .timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> v.model("google/gemma-3-1b-it")
            .image("vllm/vllm-openai:v0.21.0") // Gemma 3 needs vLLM 0.8.0 or newer
            .replicas(2)
            .gpuMemoryUtilization(0.42)
            // both replicas start at once: a KV cache of a given size skips the memory profiling they would race in
            .extraArgs("--kv-cache-memory-bytes=4294967296")
            .huggingFaceToken("hf-secret", "hf_api_token")
            .apiKey("vllm-api-key", "key")
            .recreate()
            .objectLabel("app.kubernetes.io/part-of", "inference")
            .requests("2", "8Gi")
            .limits("4", "16Gi")
            .vllmProbes()
            .huggingFaceCache("hf-cache"))
        .clusterIp("vllm-server", 8000)
        .inNamespace("ml")
        .build();
  }
}
