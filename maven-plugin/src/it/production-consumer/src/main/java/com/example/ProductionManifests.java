package com.example;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestSource;
import io.gpushare.dsl.GpuShare;

/** Two vLLM servers sharing one GPU in production, plus what the DSL does not have, through its hooks. */
public final class ProductionManifests implements ManifestSource {
  static PersistentVolumeClaim cache() {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName("hf-cache").endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("50Gi")).endResources().endSpec()
        .build();
  }

  @Override
  public ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim")
        .timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> v.model("google/gemma-3-1b-it")
            .image("vllm/vllm-openai:v0.9.2")
            .replicas(2)
            .gpuMemoryUtilization(0.42)
            .huggingFaceToken("hf-secret", "hf_api_token")
            .apiKey("vllm-api-key", "key")
            .statefulSet("vllm-pods")
            .requests("2", "8Gi")
            .limits("4", "16Gi")
            .vllmProbes()
            .huggingFaceCache("hf-cache")
            // the escape hatch: what the DSL has no method for
            .customizePod(pod -> pod.withRuntimeClassName("nvidia")))
        .clusterIp("vllm-server", 8000)
        .add("cache.yaml", cache())
        .inNamespace("ml")
        .build();
  }
}
