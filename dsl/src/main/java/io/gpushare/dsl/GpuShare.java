package io.gpushare.dsl;

import io.gpushare.core.model.ManifestBundle;

/**
 * The one entry point of the DSL: start from the claim the pods will share, choose how they share
 * the GPU, then add the inference servers.
 *
 * <pre>{@code
 * ManifestBundle tutorial = GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
 *     .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").replicas(2)
 *         .gpuMemoryUtilization(0.42).huggingFaceToken("hf-secret", "hf_api_token"))
 *     .loadBalancer("vllm-service", 8000)
 *     .build();
 * }</pre>
 *
 * produces {@code claim.yaml}:
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
 *         driver: gpu.nvidia.com
 *         parameters:
 *           apiVersion: resource.nvidia.com/v1beta1
 *           kind: GpuConfig
 *           sharing:
 *             strategy: TimeSlicing
 *             timeSlicingConfig:
 *               interval: Long
 * </pre>
 *
 * and {@code vllm.yaml} with the Deployment (two replicas, each
 * {@code --gpu-memory-utilization=0.42}, both on {@code gpu-claim}) and the LoadBalancer Service.
 * The defaults of each step are those of the GKE tutorial and are listed on {@link VllmOptions}.
 */
public final class GpuShare {
  /** The name of the claim's one device request, which the pods' claim entries also use. */
  public static final String REQUEST_NAME = "gpu";

  /** The output file of the claim. */
  public static final String CLAIM_FILE = "claim.yaml";

  /** The output file of per-pod ResourceClaimTemplates. */
  public static final String TEMPLATE_FILE = "claim-templates.yaml";

  /** The output file of the Deployments and Services. */
  public static final String WORKLOAD_FILE = "vllm.yaml";

  private GpuShare() {}

  /**
   * A {@code ResourceClaim} named {@code name} with one request {@code gpu} for one whole GPU
   * ({@code deviceClassName: gpu.nvidia.com}); every replica added later references it, so they
   * all share that one GPU.
   */
  public static SharingStep claim(String name) {
    return new SharedClaim(name);
  }

  /**
   * A {@code ResourceClaimTemplate} named {@code name}: each pod of the Deployments added later gets
   * a claim, so devices, of its own (a whole GPU, several, or a MIG slice). Written to
   * {@value #TEMPLATE_FILE}.
   *
   * <pre>{@code
   * GpuShare.perPod("gpu-claim-template-prod").migSlice("3g.40gb")
   *     .vllm("vllm-prod", v -> v.model("google/gemma-3-1b-it"))
   *     .build();
   * }</pre>
   */
  public static DevicesStep perPod(String name) {
    return new PerPodDevices(name);
  }

  /**
   * Several bundles as one, documents in order: each file gets the documents of every bundle that
   * writes to it. The validator then sees them together (budgets, feature gates).
   */
  public static ManifestBundle combine(ManifestBundle... bundles) {
    ManifestBundle.Builder combined = ManifestBundle.builder();
    for (ManifestBundle bundle : bundles) {
      combined.addAllDocuments(bundle.documents());
    }
    return combined.build();
  }
}
