package io.gpushare.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TestCatalogs;
import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceSelectorSpec;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.validate.ValidationException;
import io.gpushare.core.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestRenderer_withValidator_Test {
  private final Validator withAcme = Validator.withCatalog(TestCatalogs.standardWithAcme());

  /** The tutorial, with its claim on the ACME X1 and its Deployment at {@code utilization}. */
  private static ManifestBundle onAcme(String utilization) {
    DeviceClaimSpec claim = DeviceClaimSpec.shared("gpu-claim")
        .addRequests(DeviceRequestSpec.builder().name("gpu").deviceClassName("gpu.nvidia.com")
            .addSelectors(DeviceSelectorSpec.productName("ACME X1 96GB")).build())
        .addConfig(DeviceConfig.of(List.of("gpu"), GpuConfig.timeSlicing(TimeSliceInterval.LONG)))
        .build();
    return ManifestBundle.builder()
        .add("claim.yaml", claim)
        .add("vllm.yaml", TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, utilization).toBuilder()
            .addAcknowledgements(io.gpushare.core.model.Acknowledgement.of(
                io.gpushare.core.validate.FindingCode.VLLM_IMAGE_TOO_OLD, TutorialSpecs.AS_PUBLISHED))
            .build())
        .build();
  }

  @Test
  void should_render_with_the_validators_catalog_when_given_a_validator() {
    // WHEN
    RenderedManifests out = ManifestRenderer.standard().withValidator(withAcme).render(onAcme("0.42"));
    // THEN: the ACME X1 is known, so no GPU_PRODUCT_UNKNOWN
    assertThat(out.report().findings()).extracting(f -> f.code())
        .containsExactly("VLLM_IMAGE_TOO_OLD", "ROLLOUT_SURGE_OVERCOMMIT", "VLLM_STARTUP_RACE");
    assertThat(ManifestRenderer.standard().render(onAcme("0.42")).report().findings()).extracting(f -> f.code())
        .contains("GPU_PRODUCT_UNKNOWN");
  }

  @Test
  void should_refuse_to_render_when_the_validators_catalog_shows_no_margin_for_the_cuda_contexts() {
    // GIVEN: 2 x 0.495 of 96 GiB leaves 0.96 GiB for two CUDA contexts and CUDA graphs (vLLM 0.7.2), which
    // only a known memory shows
    ManifestBundle bundle = onAcme("0.495");
    // WHEN / THEN: vLLM 0.7.2 does not check free memory at start-up, so a warning
    assertThat(ManifestRenderer.standard().render(bundle).report().findings()).extracting(f -> f.code())
        .doesNotContain("GPU_MEMORY_CONTEXT_MARGIN");
    assertThatThrownBy(() -> ManifestRenderer.strict().withValidator(withAcme).render(bundle))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("WARNING GPU_MEMORY_CONTEXT_MARGIN ResourceClaim[gpu-claim]");
  }
}
