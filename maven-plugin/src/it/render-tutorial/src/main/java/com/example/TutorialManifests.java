package com.example;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestSource;
import io.gpushare.dsl.GpuShare;

/** The GKE time-slicing tutorial, as a project would write it. */
public final class TutorialManifests implements ManifestSource {
  @Override
  public ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").replicas(2)
            .gpuMemoryUtilization(0.42).huggingFaceToken("hf-secret", "hf_api_token"))
        .loadBalancer("vllm-service", 8000)
        .build();
  }
}
