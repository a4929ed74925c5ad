package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The GKE tutorial's documents as published: one error (its image cannot load Gemma 3) and the
 * documented warnings (the start-up race of its two replicas too); the tutorial example renders them
 * anyway by acknowledging the error ({@code Acknowledgements_apply_Test}).
 */
class Validator_tutorial_Test {
  private final ValidationReport report = Validator.standard().validate(Fixture.tutorial());

  @Test
  void should_find_the_image_error_and_exactly_the_documented_warnings() {
    // GIVEN the tutorial's three objects, WHEN validated (above), THEN
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.toText()).isEqualTo("""
        ERROR VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: expected vLLM 0.8.2 \
        or newer for google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2
          hint: use vllm/vllm-openai:v0.8.2 or newer; an older image cannot load the model, so the server never starts
        WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update starts 1 more pod \
        (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then has 1.26 of the GPU's memory requested \
        (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42
          hint: the new pod cannot start while the old ones hold the GPU; set spec.strategy.type: Recreate, or \
        rollingUpdate maxSurge: 0 with maxUnavailable: 1
        WARNING VLLM_STARTUP_RACE ResourceClaim[gpu-claim]: expected co-located vLLM servers to start one after \
        another, found 2 servers on ResourceClaim[gpu-claim] that can start together (Deployment[vllm-gpu] starts its \
        2 pods at once); each profiles the device's memory while the other loads and counts its growth as its own: \
        "No available memory for the cache blocks" or "Error in memory profiling" until a restart
          hint: start them one after another: one StatefulSet with the default podManagementPolicy OrderedReady and \
        a readinessProbe on the vLLM container; or size each KV cache with --kv-cache-memory-bytes (vLLM 0.11.0 and \
        later, not vLLM 0.7.2), which skips the profiling
        WARNING API_KEY_MISSING Service[vllm-service].spec.type: expected vLLM behind a LoadBalancer to require an \
        API key, found Deployment[vllm-gpu] without --api-key or VLLM_API_KEY
          hint: add env VLLM_API_KEY from a Secret (clients then send 'Authorization: Bearer <key>'), or use type \
        ClusterIP behind an authenticating gateway
        1 error, 3 warnings
        driver feature gates needed: TimeSlicingSettings
        """);
  }

  @Test
  void should_write_the_report_as_json() {
    assertThat(Validator.standard().validate(new Fixture().set()).toJson()).isEqualTo("""
        {
          "errors" : 0,
          "warnings" : 0,
          "infos" : 0,
          "featureGates" : [ "TimeSlicingSettings" ],
          "findings" : [ ],
          "acknowledged" : 0
        }
        """);
    assertThat(report.toJson()).contains("""
            "code" : "ROLLOUT_SURGE_OVERCOMMIT",
            "severity" : "WARNING",
            "path" : "Deployment[vllm-gpu].spec.strategy",
        """);
  }

  @Test
  void should_block_rendering_when_the_image_error_is_not_acknowledged() {
    assertThat(report.blocksRendering(false)).isTrue();
    assertThat(report.blocksRendering(true)).isTrue();
  }
}
