package com.example;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestSource;
import io.gpushare.core.validate.FindingCode;
import io.gpushare.dsl.GpuShare;

/** The tutorial with what the DSL has no option for, set through the escape hatch. */
public final class HookedManifests implements ManifestSource {
  @Override
  public ManifestBundle bundle() {
    return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").replicas(2)
            .gpuMemoryUtilization(0.42).huggingFaceToken("hf-secret", "hf_api_token")
            .customizePod(pod -> pod.withRuntimeClassName("nvidia"))
            .acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "the tutorial's image, as published"))
        .loadBalancer("vllm-service", 8000)
        .customizeService(s -> s.editSpec().withLoadBalancerSourceRanges("10.0.0.0/8").endSpec())
        .add("config.yaml", new ConfigMapBuilder().withNewMetadata().withName("vllm-config").endMetadata()
            .addToData("max-model-len", "2048").build())
        .build();
  }
}
