package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Objects with empty list entries or missing names, as ManifestReader_fuzz_Test found them, are judged, not a crash. */
class Validator_nullEntries_Test {

  @Test
  void should_skip_an_empty_container_claim_entry_when_judging_the_pod() {
    // GIVEN a container whose resources.claims has an empty entry (crash-PodApiRule-null-container-claim)
    Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .addNewResourceClaim().withName("gpu").withResourceClaimName("gpu-claim").endResourceClaim()
        .addNewContainer().withName("c").withImage("i").withNewResources().endResources().endContainer()
        .endSpec().build();
    pod.getSpec().getContainers().get(0).getResources().setClaims(
        Arrays.asList(new io.fabric8.kubernetes.api.model.ResourceClaim("gpu", null), null));

    // WHEN it is validated
    ValidationReport report = Validator.standard().validate(pod);

    // THEN the entry that is there is judged, the empty one is skipped
    assertThat(report.findings()).extracting(Finding::code).doesNotContain("CONTAINER_CLAIM_UNKNOWN");
  }

  @Test
  void should_list_the_named_requests_when_a_config_names_an_unknown_one_and_a_request_has_no_name() {
    // GIVEN a claim with a request without a name and a config naming another (crash-ClaimApiRule-request-without-name)
    ResourceClaim claim = new ResourceClaimBuilder().withNewMetadata().withName("c").endMetadata().withNewSpec()
        .withNewDevices()
        .addNewRequest().withNewExactly().withDeviceClassName("gpu.nvidia.com").endExactly().endRequest()
        .addNewRequest().withName("b").withNewExactly().withDeviceClassName("gpu.nvidia.com").endExactly().endRequest()
        .addNewConfig().withRequests("gpu").withNewOpaque().withDriver("gpu.nvidia.com").endOpaque().endConfig()
        .endDevices().endSpec().build();

    // WHEN it is validated
    ValidationReport report = Validator.standard().validate(claim);

    // THEN the unknown reference is reported with the names the claim has
    assertThat(report.findings()).filteredOn(f -> f.code().equals("CONFIG_REQUEST_UNKNOWN"))
        .extracting(Finding::path, Finding::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ResourceClaim[c].spec.devices.config[0].requests[0]",
            "expected the name of a request in the claim (or request/subrequest), found 'gpu'; the claim has [b]"));
  }
}
