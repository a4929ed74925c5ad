package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.Acknowledgement;
import io.gpushare.core.model.ManifestBundle;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged findings: a spec's {@code acknowledgements()} and a manifest's
 * {@code gpushare.io/acknowledge} annotation mark the findings of their object, which are still
 * reported, with the reason, but no longer count.
 */
class Acknowledgements_apply_Test {
  private static final String IMAGE = "Deployment[vllm-gpu].spec.template.spec.containers[0].image";
  private static final String ANNOTATION = "Deployment[vllm-gpu].metadata.annotations[\"gpushare.io/acknowledge\"]";
  private static final String IMAGE_ERROR = "VLLM_IMAGE_TOO_OLD " + IMAGE + ": expected vLLM 0.8.2 or newer for"
      + " google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2";

  private static ValidationReport validate(ManifestSet set) {
    return Validator.standard().validate(set);
  }

  /** The tutorial's objects as published, the Deployment annotated with {@code text}. */
  private static ManifestSet tutorialAnnotated(String text) {
    ManifestSet tutorial = Fixture.tutorial();
    tutorial.resources(io.fabric8.kubernetes.api.model.apps.Deployment.class).get(0).getMetadata()
        .setAnnotations(Map.of(Acknowledgement.ANNOTATION, text));
    return tutorial;
  }

  @Test
  void should_report_the_error_acknowledged_and_not_count_it_when_the_spec_acknowledges_it() {
    // GIVEN the tutorial's bundle, whose workload acknowledges its image error
    ManifestBundle bundle = TutorialSpecs.bundle(2, "0.42");
    // WHEN
    ValidationReport report = validate(ManifestSet.of(bundle));
    // THEN
    assertThat(report.acknowledged()).extracting(Finding::headline)
        .containsExactly("ERROR (acknowledged: reproduces the GKE tutorial as published) " + IMAGE_ERROR);
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.blocksRendering(false)).isFalse();
    assertThat(report.findings(Severity.ERROR)).isEmpty();
    assertThat(report.summary()).isEqualTo("0 errors, 3 warnings, 1 acknowledged");
    assertThat(report.toText()).startsWith("ERROR (acknowledged: reproduces the GKE tutorial as published) "
        + IMAGE_ERROR + "\n  hint: use vllm/vllm-openai:v0.8.2 or newer;");
    assertThat(report.toJson()).contains("""
            "hint" : "use vllm/vllm-openai:v0.8.2 or newer; an older image cannot load the model, so the server \
        never starts",
            "acknowledged" : "reproduces the GKE tutorial as published"
          }, {""").contains("""
            "acknowledged" : null
          } ],
          "acknowledged" : 1
        }""");
  }

  @Test
  void should_acknowledge_the_finding_when_the_annotation_names_its_code_and_a_reason() {
    // GIVEN the tutorial's files, the Deployment annotated as a reader of plain YAML would
    ManifestSet set = tutorialAnnotated("VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published");
    // WHEN
    ValidationReport report = validate(set);
    // THEN
    assertThat(report.findings()).extracting(Finding::headline).containsExactly(
        "ERROR (acknowledged: reproduces the GKE tutorial as published) " + IMAGE_ERROR,
        "WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update starts 1 more pod"
            + " (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then has 1.26 of the GPU's memory"
            + " requested (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42",
        "WARNING VLLM_STARTUP_RACE ResourceClaim[gpu-claim]: expected co-located vLLM servers to start one after"
            + " another, found 2 servers on ResourceClaim[gpu-claim] that can start together (Deployment[vllm-gpu]"
            + " starts its 2 pods at once); each profiles the device's memory while the other loads and counts its"
            + " growth as its own: \"No available memory for the cache blocks\" or \"Error in memory profiling\" until"
            + " a restart",
        "WARNING API_KEY_MISSING Service[vllm-service].spec.type: expected vLLM behind a LoadBalancer to require an"
            + " API key, found Deployment[vllm-gpu] without --api-key or VLLM_API_KEY");
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void should_acknowledge_each_line_when_the_annotation_has_several() {
    // GIVEN
    ManifestSet set = tutorialAnnotated("""
        VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published
        ROLLOUT_SURGE_OVERCOMMIT: rolled out by hand, one pod at a time
        """);
    // WHEN
    ValidationReport report = validate(set);
    // THEN: the warning is acknowledged too; the race (reported on the claim, which the annotation is not
    // on) and the Service's finding are not
    assertThat(report.acknowledged()).extracting(Finding::code, Finding::acknowledged).containsExactly(
        org.assertj.core.groups.Tuple.tuple("VLLM_IMAGE_TOO_OLD",
            java.util.Optional.of("reproduces the GKE tutorial as published")),
        org.assertj.core.groups.Tuple.tuple("ROLLOUT_SURGE_OVERCOMMIT",
            java.util.Optional.of("rolled out by hand, one pod at a time")));
    assertThat(report.findings(Severity.WARNING)).extracting(Finding::code)
        .containsExactly("VLLM_STARTUP_RACE", "API_KEY_MISSING");
  }

  @Test
  void should_warn_and_acknowledge_nothing_when_a_code_has_no_reason() {
    // GIVEN
    ManifestSet set = tutorialAnnotated("VLLM_IMAGE_TOO_OLD");
    // WHEN
    ValidationReport report = validate(set);
    // THEN
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.findings(Severity.WARNING)).filteredOn(f -> f.code().startsWith("ACKNOWLEDGEMENT"))
        .extracting(Finding::toString).containsExactly("WARNING ACKNOWLEDGEMENT_INVALID " + ANNOTATION
            + ": expected CODE: reason, found 'VLLM_IMAGE_TOO_OLD': a reason is required, found none\n"
            + "  hint: write one acknowledgement per line as CODE: reason, e.g. gpushare.io/acknowledge:"
            + " \"VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published\"; a finding without a reason is not"
            + " acknowledged");
  }

  @Test
  void should_warn_when_the_annotation_names_no_finding_code() {
    // GIVEN
    ManifestSet set = tutorialAnnotated("IMAGE_TOO_OLD: typo");
    // WHEN
    ValidationReport report = validate(set);
    // THEN
    assertThat(report.findings(Severity.WARNING)).filteredOn(f -> f.code().equals("ACKNOWLEDGEMENT_INVALID"))
        .extracting(Finding::path, Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple(ANNOTATION,
            "expected CODE: reason with one of gpushare's finding codes, found 'IMAGE_TOO_OLD: typo'"));
  }

  @Test
  void should_warn_when_an_acknowledgement_matches_no_finding() {
    // GIVEN clean manifests (a newer image) whose Deployment still acknowledges the image error
    Fixture fixture = new Fixture();
    fixture.deployment.getMetadata().setAnnotations(Map.of(Acknowledgement.ANNOTATION,
        "VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published"));
    // WHEN
    ValidationReport report = validate(fixture.set());
    // THEN
    assertThat(report.findings()).extracting(Finding::toString).containsExactly("WARNING ACKNOWLEDGEMENT_UNUSED "
        + ANNOTATION + ": expected a VLLM_IMAGE_TOO_OLD finding about Deployment[vllm-gpu] to acknowledge, found none\n"
        + "  hint: remove the acknowledgement of VLLM_IMAGE_TOO_OLD if what it was written for is fixed; otherwise"
        + " check its code and that it is on the object the finding's path names");
  }

  @Test
  void should_not_acknowledge_a_finding_about_another_object() {
    // GIVEN the Service acknowledges the Deployment's image error
    ManifestSet set = Fixture.tutorial();
    set.resources(io.fabric8.kubernetes.api.model.Service.class).get(0).getMetadata()
        .setAnnotations(Map.of(Acknowledgement.ANNOTATION, "VLLM_IMAGE_TOO_OLD: wrong object"));
    // WHEN
    ValidationReport report = validate(set);
    // THEN
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.acknowledged()).isEmpty();
    assertThat(report.findings(Severity.WARNING)).extracting(Finding::code, Finding::path)
        .contains(org.assertj.core.groups.Tuple.tuple("ACKNOWLEDGEMENT_UNUSED",
            "Service[vllm-service].metadata.annotations[\"gpushare.io/acknowledge\"]"));
  }

  @Test
  void should_warn_at_the_workload_when_the_spec_acknowledges_a_finding_it_does_not_have() {
    // GIVEN a workload that acknowledges a missing API key it does not miss
    ManifestBundle bundle = ManifestBundle.builder()
        .add("claim.yaml", TutorialSpecs.claim("gpu-claim"))
        .add("vllm.yaml", TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 1, "0.42").toBuilder()
            .image("vllm/vllm-openai:v0.8.5")
            .addAcknowledgements(Acknowledgement.of(FindingCode.VLLM_PORT_MISMATCH, "a sidecar proxies the port"))
            .build())
        .build();
    // WHEN
    ValidationReport report = validate(ManifestSet.of(bundle));
    // THEN
    assertThat(report.findings()).extracting(Finding::headline).containsExactly("WARNING ACKNOWLEDGEMENT_UNUSED"
        + " Deployment[vllm-gpu]: expected a VLLM_PORT_MISMATCH finding about Deployment[vllm-gpu] to acknowledge,"
        + " found none");
  }

  @Test
  void should_never_print_a_credential_when_a_reason_holds_one() {
    // GIVEN
    ManifestSet set = tutorialAnnotated("VLLM_IMAGE_TOO_OLD: token " + FakeTokens.HF + " for the old image");
    // WHEN
    ValidationReport report = validate(set);
    // THEN
    assertThat(report.acknowledged()).extracting(Finding::headline)
        .containsExactly("ERROR (acknowledged: token hf_**** for the old image) " + IMAGE_ERROR);
    assertThat(report.toText()).doesNotContain(FakeTokens.HF);
    assertThat(report.toJson()).doesNotContain(FakeTokens.HF);
  }
}
