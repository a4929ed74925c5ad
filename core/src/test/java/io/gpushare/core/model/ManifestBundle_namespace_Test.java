package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import org.junit.jupiter.api.Test;

class ManifestBundle_namespace_Test {

  @Test
  void should_accept_two_claims_of_one_name_when_their_namespaces_differ() {
    // GIVEN
    DeviceClaimSpec claim = TutorialSpecs.claim("gpu-claim");
    // WHEN
    ManifestBundle bundle = ManifestBundle.builder()
        .add("claim.yaml", claim.withNamespace("team-a"))
        .add("claim.yaml", claim.withNamespace("team-b"))
        .build();
    // THEN
    assertThat(bundle.specs()).extracting(ManifestSpec::namespace)
        .containsExactly(java.util.Optional.of("team-a"), java.util.Optional.of("team-b"));
  }

  @Test
  void should_refuse_two_claims_of_one_name_when_they_share_the_namespace() {
    DeviceClaimSpec claim = TutorialSpecs.claim("gpu-claim").withNamespace("ml");
    assertThatThrownBy(() -> ManifestBundle.builder().add("claim.yaml", claim).add("claim.yaml", claim).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC ManifestBundle: 1 problem(s):
              - two documents are named ResourceClaim[gpu-claim]""");
  }
}
