package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ResourceApiVersion;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.Severity;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Claims written in {@code resource.k8s.io/v1beta1} and {@code v1beta2} are read as v1 and judged by
 * the same rules, and each finding names the field and line of the file as written.
 */
class ManifestReader_resourceApiVersions_Test {
  private static final String CLAIM = "ResourceClaim[gpu-claim]";
  private static final String PARAMETERS = CLAIM + ".spec.devices.config[0].opaque.parameters";
  private static final String REAL_WORLD = "realworld/";

  private final ManifestReader reader = ManifestReader.standard();

  /** The tutorial's files, its claim written in {@code version}. */
  private static RenderedManifests tutorial(ResourceApiVersion version) {
    return ManifestRenderer.standard().targeting(version).render(TutorialSpecs.bundle(2, "0.42"));
  }

  private static Arguments defect(ResourceApiVersion version, String name, UnaryOperator<String> claim,
      UnaryOperator<String> vllm, String location, String headline) {
    return Arguments.of(version, name, claim, vllm, location, headline);
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        // v1beta2 has v1's shape: the same lines and paths as a v1 claim
        defect(ResourceApiVersion.V1BETA2, "a config naming no request",
            c -> c.replace("requests: [\"gpu\"]", "requests: [\"gpus\"]"), v -> v,
            "claim.yaml:12", "ERROR CONFIG_REQUEST_UNKNOWN " + CLAIM + ".spec.devices.config[0].requests[0]: expected"
                + " the name of a request in the claim (or request/subrequest), found 'gpus'; the claim has [gpu]"),
        defect(ResourceApiVersion.V1BETA2, "a strategy in the wrong case",
            c -> c.replace("strategy: TimeSlicing", "strategy: timeSlicing"), v -> v,
            "claim.yaml:19", "ERROR SHARING_STRATEGY_UNKNOWN " + PARAMETERS + ".sharing.strategy: expected TimeSlicing"
                + " or MPS, found 'timeSlicing'"),
        defect(ResourceApiVersion.V1BETA2, "an empty device class",
            c -> c.replace("deviceClassName: gpu.nvidia.com", "deviceClassName: \"\""), v -> v,
            "claim.yaml:10", "ERROR DEVICE_CLASS_MISSING " + CLAIM + ".spec.devices.requests[0].exactly.deviceClassName:"
                + " expected a device class, found none"),
        defect(ResourceApiVersion.V1BETA2, "three replicas at 0.42 sharing the claim",
            c -> c, v -> v.replace("replicas: 2", "replicas: 3"),
            "claim.yaml:1", "ERROR GPU_MEMORY_OVERCOMMIT " + CLAIM + ": 1.26 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 3 x 0.42"),
        // v1beta1: one line less (no `exactly:`), and the request's fields sit on the request
        defect(ResourceApiVersion.V1BETA1, "a config naming no request",
            c -> c.replace("requests: [\"gpu\"]", "requests: [\"gpus\"]"), v -> v,
            "claim.yaml:11", "ERROR CONFIG_REQUEST_UNKNOWN " + CLAIM + ".spec.devices.config[0].requests[0]: expected"
                + " the name of a request in the claim (or request/subrequest), found 'gpus'; the claim has [gpu]"),
        defect(ResourceApiVersion.V1BETA1, "a strategy in the wrong case",
            c -> c.replace("strategy: TimeSlicing", "strategy: timeSlicing"), v -> v,
            "claim.yaml:18", "ERROR SHARING_STRATEGY_UNKNOWN " + PARAMETERS + ".sharing.strategy: expected TimeSlicing"
                + " or MPS, found 'timeSlicing'"),
        defect(ResourceApiVersion.V1BETA1, "an empty device class",
            c -> c.replace("deviceClassName: gpu.nvidia.com", "deviceClassName: \"\""), v -> v,
            "claim.yaml:9", "ERROR DEVICE_CLASS_MISSING " + CLAIM + ".spec.devices.requests[0].deviceClassName:"
                + " expected a device class, found none"),
        defect(ResourceApiVersion.V1BETA1, "a request without a device class (the line of the request)",
            c -> c.replace("      deviceClassName: gpu.nvidia.com\n", ""), v -> v,
            "claim.yaml:8", "ERROR DEVICE_CLASS_MISSING " + CLAIM + ".spec.devices.requests[0].deviceClassName:"
                + " expected a device class, found none"),
        defect(ResourceApiVersion.V1BETA1, "three replicas at 0.42 sharing the claim",
            c -> c, v -> v.replace("replicas: 2", "replicas: 3"),
            "claim.yaml:1", "ERROR GPU_MEMORY_OVERCOMMIT " + CLAIM + ": 1.26 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 3 x 0.42"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("defects")
  void should_catch_a_claim_defect_at_the_line_and_field_of_the_file_as_written(ResourceApiVersion version,
      String name, UnaryOperator<String> claim, UnaryOperator<String> vllm, String location, String headline) {
    // GIVEN: the tutorial's files, the claim in an older version, with one defect; read back, the Deployment
    // no longer acknowledges its image error, so it gets an image that loads Gemma 3 (same lines)
    RenderedManifests files = tutorial(version);
    ReadManifests read = ReadManifests.combine(List.of(
        reader.read(claim.apply(files.text("claim.yaml")), "claim.yaml"),
        reader.read(vllm.apply(files.text("vllm.yaml")).replace("vllm/vllm-openai:v0.7.2", "vllm/vllm-openai:v0.21.0"),
            "vllm.yaml")));
    // WHEN
    ValidationReport report = Validator.standard().validate(read.set());
    // THEN: the errors are this one, where the file has it
    assertThat(report.findings(Severity.ERROR)).extracting(f -> read.location(f.path()) + ": " + f.headline())
        .containsExactly(location + ": " + headline);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("olderVersions")
  void should_read_an_older_claim_as_v1_and_remember_its_version(ResourceApiVersion version) {
    // WHEN
    Manifest manifest = reader.read(tutorial(version).text("claim.yaml"), "claim.yaml").set().manifests().get(0);
    // THEN
    assertThat(manifest.resource()).isInstanceOf(ResourceClaim.class);
    assertThat(manifest.resource().getApiVersion()).isEqualTo("resource.k8s.io/v1");
    assertThat(((ResourceClaim) manifest.resource()).getSpec().getDevices().getRequests().get(0).getExactly()
        .getDeviceClassName()).isEqualTo("gpu.nvidia.com");
    assertThat(manifest.sourceApiVersion()).isEqualTo(version.apiVersion());
    assertThat(manifest.convertedFrom().apiVersion()).isEqualTo(version.apiVersion());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("olderVersions")
  void should_give_the_objects_back_as_written_byte_for_byte(ResourceApiVersion version) {
    // GIVEN
    String claim = tutorial(version).text("claim.yaml");
    // WHEN
    ReadManifests read = reader.read(claim, "claim.yaml");
    // THEN: what fmt writes is the file itself, in its own version
    assertThat(YamlRenderer.canonical().render(read.asWritten("claim.yaml"))).isEqualTo(claim);
  }

  static Stream<ResourceApiVersion> olderVersions() {
    return Stream.of(ResourceApiVersion.V1BETA2, ResourceApiVersion.V1BETA1);
  }

  @Test
  void should_judge_a_public_v1beta1_demo_as_its_v1_twin() throws IOException {
    // GIVEN: NVIDIA's MPS quickstart, published in both versions
    ReadManifests v1beta1 = reader.read(resource("nvidia-gpu-test-mps-v1beta1.yaml"), "gpu-test-mps.yaml");
    ReadManifests v1 = reader.read(resource("nvidia-gpu-test-mps-v1.yaml"), "gpu-test-mps.yaml");
    // WHEN
    ValidationReport fromV1beta1 = Validator.standard().validate(v1beta1.set());
    ValidationReport fromV1 = Validator.standard().validate(v1.set());
    // THEN
    assertThat(fromV1beta1.findings()).isEqualTo(fromV1.findings()).isEmpty();
    assertThat(fromV1beta1.featureGates()).isEqualTo(fromV1.featureGates()).containsExactly("MPSSupport");
    assertThat(v1beta1.set().resources(ResourceClaimTemplate.class)).isEqualTo(v1.set().resources(ResourceClaimTemplate.class));
  }

  @Test
  void should_point_at_the_lines_of_a_broken_public_v1beta1_demo() throws IOException {
    // GIVEN: NVIDIA's v1beta1 MPS quickstart with a misspelled request reference and device class
    String demo = resource("nvidia-gpu-test-mps-v1beta1.yaml")
        .replace("requests: [\"mps-gpu\"]", "requests: [\"mps_gpu\"]")
        .replace("deviceClassName: gpu.nvidia.com", "deviceClassName: gpu_nvidia.com");
    ReadManifests read = reader.read(demo, "gpu-test-mps.yaml");
    // WHEN
    ValidationReport report = Validator.standard().validate(read.set());
    // THEN: lines 18 and 20 of the published file, in its own field names
    String devices = "ResourceClaimTemplate[shared-gpu].spec.spec.devices";
    assertThat(report.findings(Severity.ERROR))
        .extracting(f -> read.location(f.path()) + ": " + f.code() + " " + f.path())
        .containsExactly(
            "gpu-test-mps.yaml:20: CONFIG_REQUEST_UNKNOWN " + devices + ".config[0].requests[0]",
            "gpu-test-mps.yaml:18: INVALID_NAME " + devices + ".requests[0].deviceClassName");
  }

  @Test
  void should_point_at_a_moved_field_of_a_public_v1beta1_template() throws IOException {
    // GIVEN: GKE's compute-class sample (allocationMode: All), with a count next to All
    String sample = resource("gke-ccc-dra-deployment-v1beta1.yaml")
        .replace("        allocationMode: All\n", "        allocationMode: All\n        count: 2\n");
    ReadManifests read = reader.read(sample, "deployment.yaml");
    // WHEN
    List<Finding> errors = Validator.standard().validate(read.set()).findings(Severity.ERROR);
    // THEN
    assertThat(errors).extracting(f -> read.location(f.path()) + ": " + f.code() + " " + f.path())
        .containsExactly("deployment.yaml:26: ALLOCATION_MODE_COUNT"
            + " ResourceClaimTemplate[all-gpus].spec.spec.devices.requests[0].count");
  }

  @Test
  void should_judge_a_public_v1beta1_template_without_findings() throws IOException {
    // GIVEN
    ReadManifests read = reader.read(resource("ai-on-eks-timeslicing-claim-template-v1beta1.yaml"), "template.yaml");
    // WHEN
    ValidationReport report = Validator.standard().validate(read.set());
    // THEN: judged (it needs time slicing), not skipped
    assertThat(report.findings()).isEmpty();
    assertThat(report.featureGates()).containsExactly("TimeSlicingSettings");
    assertThat(read.set().manifests().get(1).sourceApiVersion()).isEqualTo("resource.k8s.io/v1beta1");
  }

  @Test
  void should_refuse_a_claim_of_a_version_no_supported_kubernetes_serves() {
    // GIVEN
    String claim = tutorial(ResourceApiVersion.V1BETA1).text("claim.yaml")
        .replace("resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha2");
    ReadManifests read = reader.read(claim, "claim.yaml");
    // WHEN
    List<Finding> findings = Validator.standard().validate(read.set()).findings();
    // THEN
    assertThat(findings).extracting(f -> read.location(f.path()) + ": " + f.headline()).containsExactly(
        "claim.yaml:1: ERROR RESOURCE_API_VERSION_REMOVED " + CLAIM + ".apiVersion: expected resource.k8s.io/v1"
            + " (Kubernetes 1.34 and later; v1beta2 or v1beta1 on older clusters), found resource.k8s.io/v1alpha2,"
            + " which Kubernetes 1.31 removed with classic DRA (it was served by 1.27 to 1.30, as an alpha API);"
            + " nothing else about this object was checked");
  }

  @Test
  void should_refuse_a_v1alpha3_claim_but_not_a_v1alpha3_device_taint_rule() {
    // GIVEN
    String claim = tutorial(ResourceApiVersion.V1BETA1).text("claim.yaml")
        .replace("resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3");
    String rule = """
        apiVersion: resource.k8s.io/v1alpha3
        kind: DeviceTaintRule
        metadata:
          name: gpu-maintenance
        spec:
          taint:
            key: example.com/maintenance
            effect: NoSchedule
        """;
    ReadManifests read = ReadManifests.combine(List.of(reader.read(claim, "claim.yaml"), reader.read(rule, "rule.yaml")));
    // WHEN
    List<Finding> findings = Validator.standard().validate(read.set()).findings();
    // THEN
    assertThat(findings).extracting(f -> f.code() + " " + f.path())
        .containsExactly("RESOURCE_API_VERSION_REMOVED " + CLAIM + ".apiVersion");
    assertThat(findings.get(0).message()).contains("which Kubernetes 1.33 removed for ResourceClaim (it was served by"
        + " 1.31 and 1.32, as an alpha API)");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ManifestReader_resourceApiVersions_Test.class.getResourceAsStream(REAL_WORLD + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
