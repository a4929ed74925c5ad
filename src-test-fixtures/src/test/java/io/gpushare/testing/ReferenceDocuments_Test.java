package io.gpushare.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReferenceDocuments_Test {

  @Test
  void should_start_with_resource_api_version_when_reading_time_slicing_claim() {
    // WHEN
    String claim = ReferenceDocuments.timeSlicingClaim();
    // THEN
    assertThat(claim.lines().findFirst()).hasValue("apiVersion: resource.k8s.io/v1");
    assertThat(claim).contains("\nkind: ResourceClaim\n", "strategy: TimeSlicing");
  }

  @Test
  void should_end_with_exactly_one_newline_when_reading_time_slicing_claim() {
    // WHEN
    String claim = ReferenceDocuments.timeSlicingClaim();
    // THEN
    assertThat(claim).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
  }

  @Test
  void should_end_with_exactly_one_newline_when_reading_time_slicing_vllm() {
    // WHEN
    String vllm = ReferenceDocuments.timeSlicingVllm();
    // THEN
    assertThat(vllm.lines().findFirst()).hasValue("apiVersion: apps/v1");
    assertThat(vllm).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
  }

  @Test
  void should_return_same_text_when_reading_claim_by_relative_path() {
    // WHEN
    String claim = ReferenceDocuments.read("timeslicing/claim.yaml");
    // THEN
    assertThat(claim).isEqualTo(ReferenceDocuments.timeSlicingClaim()).isNotEmpty();
  }

  @Test
  void should_throw_IllegalArgumentException_naming_the_path_when_resource_is_unknown() {
    // WHEN / THEN
    assertThatThrownBy(() -> ReferenceDocuments.read("timeslicing/nope.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No reference document at classpath resource"
            + " io/gpushare/testing/reference/timeslicing/nope.yaml"
            + " (relative path \"timeslicing/nope.yaml\"); expected one of"
            + " timeslicing/claim.yaml, timeslicing/vllm.yaml, mps/claim.yaml, mps/vllm.yaml,"
            + " mig/claim-templates.yaml, mig/vllm.yaml under io/gpushare/testing/reference/");
  }
}
