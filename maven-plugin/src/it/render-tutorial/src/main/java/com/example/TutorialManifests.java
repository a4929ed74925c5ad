package com.example;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestSource;
import io.gpushare.core.validate.FindingCode;
import io.gpushare.dsl.GpuShare;

/** The GKE time-slicing tutorial, as a project would write it; its image cannot load Gemma 3, kept on purpose. */
public final class TutorialManifests implements ManifestSource {
  @Override
  public ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").replicas(2)
            .gpuMemoryUtilization(0.42).huggingFaceToken("hf-secret", "hf_api_token")
            .acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "reproduces the GKE tutorial as published"))
        .loadBalancer("vllm-service", 8000)
        .build();
  }
}
