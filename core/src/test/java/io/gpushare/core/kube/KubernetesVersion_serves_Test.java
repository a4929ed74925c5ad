package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which Kubernetes release serves which {@code resource.k8s.io} version, from the upstream API
 * lifecycle: the {@code k8s.io/api/resource} packages of each release (v0.32 has v1alpha3 and v1beta1,
 * v0.33 adds v1beta2, v0.34 adds v1), the Kubernetes changelogs (1.27 "resource.k8s.io/v1alpha2"
 * replacing v1alpha1; 1.31 v1alpha3 replacing v1alpha2 with structured parameters, KEP-4381; 1.33 v1alpha3
 * keeping only DeviceTaintRule) and kubernetes/kubernetes#125116 (1.31: pod resourceClaims without
 * {@code source}).
 */
class KubernetesVersion_serves_Test {

  static Stream<Arguments> lifecycle() {
    return Stream.of(
        Arguments.of("resource.k8s.io/v1alpha2", "ResourceClaim", "1.26", false),
        Arguments.of("resource.k8s.io/v1alpha2", "ResourceClaim", "1.27", true),
        Arguments.of("resource.k8s.io/v1alpha2", "ResourceClaimTemplate", "1.30", true),
        Arguments.of("resource.k8s.io/v1alpha2", "ResourceClaim", "1.31", false),
        Arguments.of("resource.k8s.io/v1alpha3", "ResourceClaim", "1.30", false),
        Arguments.of("resource.k8s.io/v1alpha3", "DeviceClass", "1.31", true),
        Arguments.of("resource.k8s.io/v1alpha3", "ResourceSlice", "1.32", true),
        Arguments.of("resource.k8s.io/v1alpha3", "ResourceClaimTemplate", "1.33", false),
        Arguments.of("resource.k8s.io/v1beta1", "ResourceClaim", "1.31", false),
        Arguments.of("resource.k8s.io/v1beta1", "ResourceClaim", "1.32", true),
        Arguments.of("resource.k8s.io/v1beta1", "ResourceClaim", "1.34", true),
        Arguments.of("resource.k8s.io/v1beta2", "DeviceClass", "1.32", false),
        Arguments.of("resource.k8s.io/v1beta2", "DeviceClass", "1.33", true),
        Arguments.of("resource.k8s.io/v1", "ResourceClaim", "1.33", false),
        Arguments.of("resource.k8s.io/v1", "ResourceClaim", "1.34", true));
  }

  @ParameterizedTest(name = "{0} {1} on {2}: {3}")
  @MethodSource("lifecycle")
  void should_serve_a_version_only_in_its_releases_when_asked(String apiVersion, String kind, String release,
      boolean served) {
    // GIVEN
    KubernetesVersion version = KubernetesVersion.of(release);
    // WHEN
    Optional<Boolean> serves = version.serves(apiVersion, kind);
    // THEN
    assertThat(serves).contains(served);
  }

  @Test
  void should_say_the_releases_of_a_version_when_known() {
    // GIVEN / WHEN / THEN
    assertThat(KubernetesVersion.servedRange("resource.k8s.io/v1alpha2", "ResourceClaim")).contains("1.27 to 1.30");
    assertThat(KubernetesVersion.servedRange("resource.k8s.io/v1alpha1", "ResourceClaim")).contains("1.26 only");
    assertThat(KubernetesVersion.servedRange("resource.k8s.io/v1beta2", "ResourceClaim")).contains("1.33 and later");
    assertThat(KubernetesVersion.firstServing("resource.k8s.io/v1", "DeviceClass")).contains(KubernetesVersion.of("1.34"));
  }

  @Test
  void should_not_know_a_kind_whose_releases_it_does_not_track_when_asked() {
    // GIVEN: DeviceTaintRule (v1alpha3 from 1.33) and classic DRA's ResourceClass are not tracked
    KubernetesVersion version = KubernetesVersion.of("1.33");
    // WHEN / THEN
    assertThat(version.serves("resource.k8s.io/v1alpha3", "DeviceTaintRule")).isEmpty();
    assertThat(version.serves("resource.k8s.io/v1alpha2", "ResourceClass")).isEmpty();
    assertThat(version.serves("apps/v1", "Deployment")).isEmpty();
  }

  @Test
  void should_read_and_order_releases_when_well_formed() {
    // GIVEN
    KubernetesVersion older = KubernetesVersion.of("1.9");
    KubernetesVersion newer = KubernetesVersion.of("1.30");
    // WHEN / THEN
    assertThat(newer).isGreaterThan(older);
    assertThat(newer.atLeast(older)).isTrue();
    assertThat(newer).hasToString("1.30");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.3x", "v1.32", "1.32.4", "1", "", "1.032", " 1.32"})
  void should_refuse_a_version_when_malformed(String text) {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> KubernetesVersion.of(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a Kubernetes minor version MAJOR.MINOR such as 1.32, found '" + text + "'");
  }
}
