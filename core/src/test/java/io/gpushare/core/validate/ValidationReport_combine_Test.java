package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationReport_combine_Test {
  private static final Finding IMAGE = new Finding("VLLM_IMAGE_TOO_OLD", Severity.ERROR,
      "Deployment[vllm-gpu].spec.template.spec.containers[0].image", "expected vLLM 0.8.2 or newer", "upgrade");
  private static final Finding RACE = new Finding("VLLM_STARTUP_RACE", Severity.WARNING, "Deployment[vllm-gpu]",
      "servers start together", "start them one at a time");

  @Test
  void should_keep_each_finding_once_and_every_gate_when_sets_judged_apart_repeat_a_base() {
    // GIVEN: two overlays of one base, each reporting the base's image error
    ValidationReport dev = new ValidationReport(List.of(IMAGE), Set.of("TimeSlicingSettings"));
    ValidationReport prod = new ValidationReport(List.of(IMAGE, RACE), Set.of("MPSSupport"));
    // WHEN
    ValidationReport combined = ValidationReport.combine(List.of(dev, prod));
    // THEN: the error once, sorted as a report sorts, the gates of both sets
    assertThat(combined.findings()).containsExactly(IMAGE, RACE);
    assertThat(combined.featureGates()).containsExactly("MPSSupport", "TimeSlicingSettings");
    assertThat(combined.summary()).isEqualTo(ValidationReport.combine(List.of(prod)).summary());
  }
}
