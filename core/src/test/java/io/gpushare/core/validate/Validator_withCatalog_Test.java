package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelectorBuilder;
import io.gpushare.core.TestCatalogs;
import io.gpushare.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A validator built with a user's catalog judges a GPU or a model only that catalog knows exactly
 * like a built-in one, and the standard validator still says it could not check.
 */
class Validator_withCatalog_Test {
  private static final String DEVICES = "ResourceClaim[gpu-claim].spec.devices";
  private static final String CONTAINER = "Deployment[vllm-gpu].spec.template.spec.containers[0]";
  private static final String ACME_UNKNOWN = "INFO GPU_PRODUCT_UNKNOWN " + DEVICES + ".requests: GPU product"
      + " 'ACME X1 96GB' is not in gpushare's catalog, so its memory and MIG profiles were not checked";

  private final Validator withAcme = Validator.withCatalog(TestCatalogs.standardWithAcme());

  @Test
  void should_report_model_does_not_fit_when_only_the_users_catalog_knows_the_gpu() {
    // GIVEN: Gemma 3 27B (51.0 GiB of weights) on 0.42 of the 96 GiB ACME X1
    Fixture fixture = new Fixture();
    fixture.onProduct("ACME X1 96GB");
    fixture.args("--model=google/gemma-3-27b-it", "--gpu-memory-utilization=0.42");
    // WHEN
    ValidationReport report = withAcme.validate(fixture.set());
    // THEN
    assertThat(report.findings()).extracting(Finding::headline).containsExactly(
        "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the weights of google/gemma-3-27b-it (51.0 GiB)"
            + " to fit in 0.42 x 95.5 GiB = 40.1 GiB, found they do not (and the KV cache needs room too)");
  }

  @Test
  void should_only_report_the_gpu_as_unknown_when_validated_without_the_users_catalog() {
    // GIVEN: the same claim and Deployment
    Fixture fixture = new Fixture();
    fixture.onProduct("ACME X1 96GB");
    fixture.args("--model=google/gemma-3-27b-it", "--gpu-memory-utilization=0.42");
    // WHEN
    ValidationReport report = Validator.standard().validate(fixture.set());
    // THEN
    assertThat(report.findings()).extracting(Finding::headline).containsExactly(ACME_UNKNOWN);
  }

  @Test
  void should_report_mig_profile_unknown_when_the_users_gpu_has_no_such_profile() {
    // GIVEN: a 3g.40gb slice (an A100 80GB and H100 profile) of the ACME X1, whose 3g profile is 3g.48gb
    Fixture fixture = migSliceOfAcme("3g.40gb");
    // WHEN
    ValidationReport withCatalog = withAcme.validate(fixture.set());
    ValidationReport standard = Validator.standard().validate(fixture.set());
    // THEN
    assertThat(withCatalog.findings()).extracting(Finding::headline).containsExactly(
        "ERROR MIG_PROFILE_UNKNOWN " + DEVICES + ".requests: expected a MIG profile of ACME X1 96GB [1g.12gb, 3g.48gb,"
            + " 7g.96gb], found '3g.40gb'");
    assertThat(standard.findings()).extracting(Finding::headline).containsExactly(ACME_UNKNOWN);
  }

  @Test
  void should_accept_a_profile_of_the_users_gpu_that_no_built_in_gpu_has() {
    // GIVEN
    Fixture fixture = migSliceOfAcme("3g.48gb");
    // WHEN
    ValidationReport report = withAcme.validate(fixture.set());
    // THEN
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void should_judge_a_users_model_like_a_built_in_one_when_it_runs_on_a_built_in_gpu() {
    // GIVEN: the 40.1 B ACME model (74.7 GiB) on 0.42 of an A100 80GB, in a vLLM older than it needs (one
    // replica: vLLM 0.8.5 counts a second server's memory as its own)
    Fixture fixture = new Fixture();
    fixture.onProduct("NVIDIA A100-SXM4-80GB");
    fixture.deployment.getSpec().setReplicas(1);
    fixture.container().setImage("vllm/vllm-openai:v0.8.5");
    fixture.args("--model=acme/acme-chat-40b", "--gpu-memory-utilization=0.42");
    // WHEN
    ValidationReport withCatalog = withAcme.validate(fixture.set());
    ValidationReport standard = Validator.standard().validate(fixture.set());
    // THEN
    assertThat(withCatalog.findings()).extracting(Finding::headline).containsExactly(
        "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the weights of acme/acme-chat-40b (74.7 GiB) to"
            + " fit in 0.42 x 79.5 GiB = 33.4 GiB, found they do not (and the KV cache needs room too)",
        "ERROR VLLM_IMAGE_TOO_OLD " + CONTAINER + ".image: expected vLLM 0.9.0 or newer for acme/acme-chat-40b,"
            + " found vllm/vllm-openai:v0.8.5");
    assertThat(standard.findings()).extracting(Finding::headline).containsExactly(
        "INFO MODEL_UNKNOWN " + CONTAINER + ".args[0]: model 'acme/acme-chat-40b' is not in gpushare's catalog, so"
            + " whether its weights fit was not checked");
  }

  @Test
  void should_list_the_validators_own_gpus_in_the_hint_when_a_product_is_unknown() {
    // GIVEN
    Fixture fixture = new Fixture();
    fixture.onProduct("NVIDIA B300");
    // WHEN
    ValidationReport report = withAcme.validate(fixture.set());
    // THEN
    assertThat(report.findings()).singleElement().extracting(Finding::hint).asString()
        .startsWith("the catalog knows ACME X1 96GB, NVIDIA A100-SXM4-40GB, ");
  }

  @Test
  void should_judge_with_exactly_the_catalog_given_when_it_has_no_built_in_entries() {
    // GIVEN: a catalog without the tutorial's model, so its image age is not judged either
    Validator validator = Validator.withCatalog(Catalog.of(List.of(), List.of()));
    // WHEN
    ValidationReport report = validator.validate(Fixture.tutorial());
    // THEN
    assertThat(validator.catalog().models()).isEmpty();
    assertThat(report.findings()).extracting(Finding::code)
        .containsExactly("ROLLOUT_SURGE_OVERCOMMIT", "VLLM_STARTUP_RACE", "API_KEY_MISSING", "MODEL_UNKNOWN");
  }

  /** The fixture's claim as one MIG slice of the ACME X1, without sharing config. */
  private static Fixture migSliceOfAcme(String profile) {
    Fixture fixture = new Fixture();
    var exactly = fixture.devices().getRequests().get(0).getExactly();
    exactly.setDeviceClassName("mig.nvidia.com");
    fixture.devices().getConfig().clear();
    exactly.setSelectors(new ArrayList<>(List.of(
        cel("device.attributes[\"gpu.nvidia.com\"].productName == \"ACME X1 96GB\""),
        cel("device.attributes[\"gpu.nvidia.com\"].profile == \"" + profile + "\""))));
    return fixture;
  }

  private static io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector cel(String expression) {
    return new DeviceSelectorBuilder().withNewCel().withExpression(expression).endCel().build();
  }
}
