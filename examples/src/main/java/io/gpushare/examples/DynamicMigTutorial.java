package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.dsl.GpuShare;

/**
 * The GKE tutorial "Dynamic MIG with DRA": one H100 80GB cut, on demand, into a {@code 3g.40gb} slice
 * for a production server and a {@code 1g.10gb} slice for a development server; each pod gets its
 * slice through a {@code ResourceClaimTemplate}. The slices are dynamic ({@code dynamicMigSlice}), so the
 * rendered driver values turn on its {@code DynamicMIG} gate; on a GPU whose slices were created ahead
 * of time, {@code migSlice} asks for the same slices without the gate.
 *
 * <pre>
 * kind: ResourceClaimTemplate
 * metadata:
 *   name: gpu-claim-template-prod
 * spec:
 *   spec:
 *     devices:
 *       requests:
 *       - name: gpu
 *         exactly:
 *           deviceClassName: mig.nvidia.com
 *           selectors:
 *           - cel:
 *               expression: |
 *                 device.attributes["gpu.nvidia.com"].profile == "3g.40gb"
 * </pre>
 */
public final class DynamicMigTutorial {
  private DynamicMigTutorial() {}

  public static ManifestBundle bundle() {
    return GpuShare.combine(
        GpuShare.perPod("gpu-claim-template-prod").dynamicMigSlice("3g.40gb")
            .vllm("vllm-prod", v -> v.model("google/gemma-3-1b-it")
                .image("vllm/vllm-openai:v0.21.0")
                .containerName("vllm-gpu")
                .huggingFaceToken("hf-secret", "hf_api_token"))
            .loadBalancer("vllm-prod-service", 8000)
            .build(),
        GpuShare.perPod("gpu-claim-template-dev").dynamicMigSlice("1g.10gb")
            .vllm("vllm-dev", v -> v.model("google/gemma-3-1b-it")
                .image("vllm/vllm-openai:v0.21.0")
                .containerName("vllm-gpu")
                .extraArgs("--max-model-len=2048")
                .huggingFaceToken("hf-secret", "hf_api_token"))
            .loadBalancer("vllm-dev-service", 8000)
            .build());
  }
}
