package com.example;

import static io.gpushare.testing.GpuShareAssertions.assertThat;

import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import org.junit.jupiter.api.Test;

/** The user's own test of their manifests, with AssertJ's assertThat and gpushare's from one import. */
class ProductionManifestsTest {
  @Test
  void rendersTwoServersOnOneGpuWithoutAFinding() {
    RenderedManifests rendered = ManifestRenderer.strict().render(new ProductionManifests().bundle());

    assertThat(rendered.fileNames()).containsExactly("claim.yaml", "vllm.yaml", "cache.yaml");
    assertThat(new ProductionManifests().bundle()).isValid().hasNoFinding("GPU_MEMORY_OVERCOMMIT");
    assertThat(new ProductionManifests().bundle()).statefulSet("vllm")
        .satisfies(sts -> assertThat(sts.getMetadata().getNamespace()).isEqualTo("ml"))
        .satisfies(sts -> assertThat(sts.getSpec().getServiceName()).isEqualTo("vllm-pods"))
        .satisfies(sts -> assertThat(sts.getSpec().getTemplate().getSpec().getRuntimeClassName()).isEqualTo("nvidia"));
    assertThat(new ProductionManifests().bundle()).service("vllm-pods")
        .satisfies(service -> assertThat(service.getSpec().getClusterIP()).isEqualTo("None"));
    assertThat(rendered.text("cache.yaml")).contains("namespace: ml");
  }
}
