package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1beta1.ResourceClaimBuilder;
import org.junit.jupiter.api.Test;

/** A fabric8 object of resource.k8s.io/v1beta1 handed to the validator is judged as v1, in its own field names. */
class Validator_resourceApiVersions_Test {

  @Test
  void should_judge_a_v1beta1_claim_object_and_name_its_fields_as_v1beta1_does() {
    // GIVEN: a v1beta1 claim whose request has a negative count and no device class
    ResourceClaim claim = new ResourceClaimBuilder().withApiVersion("resource.k8s.io/v1beta1")
        .withNewMetadata().withName("c").endMetadata()
        .withNewSpec().withNewDevices().addNewRequest().withName("gpu").withAllocationMode("ExactCount").withCount(-1L)
        .endRequest().endDevices().endSpec()
        .build();
    // WHEN
    ValidationReport report = Validator.standard().validate(claim);
    // THEN
    assertThat(report.findings()).extracting(Finding::headline).containsExactly(
        "ERROR ALLOCATION_MODE_COUNT ResourceClaim[c].spec.devices.requests[0].count: expected a count greater than"
            + " zero with allocationMode ExactCount, found -1",
        "ERROR DEVICE_CLASS_MISSING ResourceClaim[c].spec.devices.requests[0].deviceClassName: expected a device"
            + " class, found none");
  }
}
