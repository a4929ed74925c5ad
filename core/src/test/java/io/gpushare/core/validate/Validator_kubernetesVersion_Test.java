package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.kube.KubernetesVersion;
import io.gpushare.core.yaml.ManifestReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Validator#forKubernetes}: DRA API versions and pod claim entries judged by the release the
 * cluster runs. The releases come from the upstream API lifecycle (see KubernetesVersion_serves_Test);
 * the pod's {@code source:} from kubernetes/kubernetes#125116, which removed it in 1.31.
 */
class Validator_kubernetesVersion_Test {
  private static final String V1ALPHA2_CLAIM = """
      apiVersion: resource.k8s.io/v1alpha2
      kind: ResourceClaim
      metadata:
        name: c
      spec:
        resourceClassName: gpu.nvidia.com
      """;
  private static final String V1ALPHA3_CLAIM = """
      apiVersion: resource.k8s.io/v1alpha3
      kind: ResourceClaim
      metadata:
        name: c
      spec:
        devices:
          requests:
          - name: gpu
            deviceClassName: gpu.nvidia.com
      """;
  private static final String V1BETA1_CLAIM = V1ALPHA3_CLAIM.replace("v1alpha3", "v1beta1");
  private static final String V1_CLAIM = """
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaim
      metadata:
        name: c
      spec:
        devices:
          requests:
          - name: gpu
            exactly:
              deviceClassName: gpu.nvidia.com
      """;
  private static final String SOURCE_POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        resourceClaims:
        - name: gpu
          source:
            resourceClaimName: c
        containers:
        - name: ctr
          image: ubuntu:22.04
          resources:
            claims:
            - name: gpu
      """;
  private static final String ENTRY_POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        resourceClaims:
        - name: gpu
          resourceClaimName: c
        containers:
        - name: ctr
          image: ubuntu:22.04
          resources:
            claims:
            - name: gpu
      """;

  private static List<String> lint(String yaml, String release) {
    Validator validator = release == null ? Validator.standard()
        : Validator.standard().forKubernetes(KubernetesVersion.of(release));
    ValidationReport report = validator.validate(ManifestReader.standard().read(yaml, "m.yaml").set());
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.hint()).isNotBlank());
    return report.findings().stream().map(Finding::headline).toList();
  }

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of("a v1alpha2 claim on 1.30, which serves it", V1ALPHA2_CLAIM, "1.30", List.of(
            "INFO RESOURCE_API_VERSION_UNCHECKED ResourceClaim[c].apiVersion: Kubernetes 1.30 serves"
                + " resource.k8s.io/v1alpha2 (it is served by 1.27 to 1.30), a version gpushare does not model, so"
                + " gpushare could not check this object")),
        Arguments.of("a v1alpha2 claim on 1.31, which removed it", V1ALPHA2_CLAIM, "1.31", List.of(
            "ERROR RESOURCE_API_VERSION_REMOVED ResourceClaim[c].apiVersion: expected a version Kubernetes 1.31 serves"
                + " for a ResourceClaim (resource.k8s.io/v1alpha3), found resource.k8s.io/v1alpha2, which is served by"
                + " 1.27 to 1.30; nothing else about this object was checked")),
        Arguments.of("a v1alpha2 claim on 1.26, before it", V1ALPHA2_CLAIM, "1.26", List.of(
            "ERROR RESOURCE_API_VERSION_NOT_SERVED ResourceClaim[c].apiVersion: expected a version Kubernetes 1.26"
                + " serves for a ResourceClaim (resource.k8s.io/v1alpha1), found resource.k8s.io/v1alpha2, which is"
                + " served by 1.27 to 1.30; nothing else about this object was checked")),
        Arguments.of("a v1alpha3 claim on 1.32", V1ALPHA3_CLAIM, "1.32", List.of(
            "INFO RESOURCE_API_VERSION_UNCHECKED ResourceClaim[c].apiVersion: Kubernetes 1.32 serves"
                + " resource.k8s.io/v1alpha3 (it is served by 1.31 to 1.32), a version gpushare does not model, so"
                + " gpushare could not check this object")),
        Arguments.of("a v1alpha3 claim on 1.33", V1ALPHA3_CLAIM, "1.33", List.of(
            "ERROR RESOURCE_API_VERSION_REMOVED ResourceClaim[c].apiVersion: expected a version Kubernetes 1.33 serves"
                + " for a ResourceClaim (resource.k8s.io/v1beta1, resource.k8s.io/v1beta2), found"
                + " resource.k8s.io/v1alpha3, which is served by 1.31 to 1.32; nothing else about this object was"
                + " checked")),
        Arguments.of("a v1beta1 claim on 1.32", V1BETA1_CLAIM, "1.32", List.of()),
        Arguments.of("a v1beta1 claim on 1.31, before it", V1BETA1_CLAIM, "1.31", List.of(
            "ERROR RESOURCE_API_VERSION_NOT_SERVED ResourceClaim[c].apiVersion: expected a version Kubernetes 1.31"
                + " serves for a ResourceClaim (resource.k8s.io/v1alpha3), found resource.k8s.io/v1beta1, which is"
                + " served by 1.32 and later")),
        Arguments.of("a v1 claim on 1.34", V1_CLAIM, "1.34", List.of()),
        Arguments.of("a v1 claim on 1.32, before it", V1_CLAIM, "1.32", List.of(
            "ERROR RESOURCE_API_VERSION_NOT_SERVED ResourceClaim[c].apiVersion: expected a version Kubernetes 1.32"
                + " serves for a ResourceClaim (resource.k8s.io/v1alpha3, resource.k8s.io/v1beta1), found"
                + " resource.k8s.io/v1, which is served by 1.34 and later")),
        Arguments.of("a pod's source: on 1.30, which reads it", SOURCE_POD + "---\n" + V1ALPHA2_CLAIM, "1.30", List.of(
            "INFO CLAIM_NOT_IN_SET Pod[p].spec.resourceClaims[0].resourceClaimName: ResourceClaim 'c' is among the"
                + " manifests as resource.k8s.io/v1alpha2, a version gpushare does not judge, so nothing about it was"
                + " checked",
            "INFO RESOURCE_API_VERSION_UNCHECKED ResourceClaim[c].apiVersion: Kubernetes 1.30 serves"
                + " resource.k8s.io/v1alpha2 (it is served by 1.27 to 1.30), a version gpushare does not model, so"
                + " gpushare could not check this object")),
        Arguments.of("a pod's source: on 1.32, after 1.31 removed it", SOURCE_POD + "---\n" + V1BETA1_CLAIM, "1.32",
            List.of("ERROR POD_CLAIM_SOURCE Pod[p].spec.resourceClaims[0]: expected exactly one of resourceClaimName or"
                + " resourceClaimTemplateName, found neither but a source: field, which Kubernetes 1.31 removed (it is"
                + " read up to 1.30); Kubernetes 1.32 ignores it")),
        Arguments.of("a pod's resourceClaimName on 1.30, before it", ENTRY_POD, "1.30", List.of(
            "ERROR POD_CLAIM_SOURCE Pod[p].spec.resourceClaims[0]: expected source.resourceClaimName or"
                + " source.resourceClaimTemplateName, as Kubernetes 1.30 reads them, found resourceClaimName on the"
                + " entry, where Kubernetes 1.31 moved it")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void should_judge_versions_by_the_target_release_when_given(String name, String yaml, String release,
      List<String> expected) {
    // GIVEN: the manifests of the case
    // WHEN
    List<String> headlines = lint(yaml, release);
    // THEN
    assertThat(headlines).containsExactlyElementsOf(expected);
  }

  @Test
  void should_judge_as_today_when_no_release_is_given() {
    // GIVEN: a v1alpha2 claim and a pod with source:, the NVIDIA driver's classic DRA demos
    String yaml = SOURCE_POD + "---\n" + V1ALPHA2_CLAIM;
    // WHEN
    List<String> headlines = lint(yaml, null);
    // THEN: the current releases serve neither
    assertThat(headlines).containsExactly(
        "ERROR POD_CLAIM_SOURCE Pod[p].spec.resourceClaims[0]: expected exactly one of resourceClaimName or"
            + " resourceClaimTemplateName, found neither",
        "ERROR RESOURCE_API_VERSION_REMOVED ResourceClaim[c].apiVersion: expected resource.k8s.io/v1 (Kubernetes 1.34"
            + " and later; v1beta2 or v1beta1 on older clusters), found resource.k8s.io/v1alpha2, which Kubernetes 1.31"
            + " removed with classic DRA (it was served by 1.27 to 1.30, as an alpha API); nothing else about this"
            + " object was checked");
    assertThat(Validator.standard().kubernetesVersion()).isEmpty();
  }
}
