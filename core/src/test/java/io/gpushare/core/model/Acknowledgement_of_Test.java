package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.validate.FindingCode;
import org.junit.jupiter.api.Test;

class Acknowledgement_of_Test {

  @Test
  void should_keep_the_code_and_the_stripped_reason_when_both_are_given() {
    // WHEN
    Acknowledgement acknowledgement = Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, " as published ");
    // THEN
    assertThat(acknowledgement).isEqualTo(new Acknowledgement(FindingCode.VLLM_IMAGE_TOO_OLD, "as published"));
  }

  @Test
  void should_fail_when_the_reason_is_blank() {
    assertThatThrownBy(() -> Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC acknowledgement of VLLM_IMAGE_TOO_OLD: a reason is required, found none");
  }

  @Test
  void should_fail_when_the_reason_is_longer_than_the_bound() {
    assertThatThrownBy(() -> Acknowledgement.of(FindingCode.API_KEY_MISSING, "x".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC acknowledgement of API_KEY_MISSING: a reason of at most 200 characters is expected,"
            + " found 201");
  }

  @Test
  void should_fail_when_the_reason_has_several_lines() {
    assertThatThrownBy(() -> Acknowledgement.of(FindingCode.API_KEY_MISSING, "one\ntwo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC acknowledgement of API_KEY_MISSING: a reason of one line is expected, found a line"
            + " break");
  }

  @Test
  void should_fail_when_the_code_is_about_acknowledgements() {
    assertThatThrownBy(() -> Acknowledgement.of(FindingCode.ACKNOWLEDGEMENT_UNUSED, "stale on purpose"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC acknowledgement of ACKNOWLEDGEMENT_UNUSED: ACKNOWLEDGEMENT_UNUSED is about"
            + " acknowledgements and cannot itself be acknowledged");
  }

  @Test
  void should_keep_the_acknowledgements_when_a_spec_is_copied() {
    // GIVEN
    VllmWorkloadSpec spec = TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42").toBuilder()
        .addAcknowledgements(Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, "as published")).build();
    // WHEN
    VllmWorkloadSpec copy = spec.toBuilder().replicas(1).build();
    VllmWorkloadSpec from = VllmWorkloadSpec.builder().from(spec).build();
    // THEN
    assertThat(copy.acknowledgements()).containsExactly(Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, "as published"));
    assertThat(from).isEqualTo(spec);
  }

  @Test
  void should_fail_when_a_spec_acknowledges_one_code_twice() {
    assertThatThrownBy(() -> TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42").toBuilder()
        .addAcknowledgements(Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, "as published"),
            Acknowledgement.of(FindingCode.VLLM_IMAGE_TOO_OLD, "again"))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acknowledgements name VLLM_IMAGE_TOO_OLD twice; give it one reason");
  }
}
