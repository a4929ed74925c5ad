package io.gpushare.testing;

import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.render.RenderedManifests;
import java.nio.file.Path;

/**
 * Entry point of the manifest assertions, for users' unit tests, on a bundle, a YAML text or a file
 * (or a directory of them):
 *
 * <pre>{@code
 * assertThat(bundle)
 *     .isValid()
 *     .hasFinding("ROLLOUT_SURGE_OVERCOMMIT");
 * assertThat(bundle).resourceClaim("gpu-claim").usesTimeSlicing(TimeSliceInterval.LONG);
 * assertThat(bundle).deployment("vllm-gpu")
 *     .hasReplicas(2).hasGpuMemoryUtilization(0.42).referencesClaim("gpu-claim");
 * assertThat(Path.of("manifests")).isEquivalentTo(expectedYaml);
 * }</pre>
 *
 * judging manifests such as
 *
 * <pre>
 * kind: ResourceClaim
 * metadata:
 *   name: gpu-claim
 * ...
 *           sharing:
 *             strategy: TimeSlicing
 * </pre>
 *
 * <p>Its {@code assertThat(String)} and {@code assertThat(Path)} clash with AssertJ's when both are
 * statically imported; {@link GpuShareAssertions} extends AssertJ's {@code Assertions} and has no
 * such clash. This class stays for the tests written against it and delegates there.
 */
public final class ManifestAssertions {
  private ManifestAssertions() {}

  public static ManifestSetAssert assertThat(ManifestBundle bundle) {
    return GpuShareAssertions.assertThat(bundle);
  }

  public static ManifestSetAssert assertThat(ManifestSet set) {
    return GpuShareAssertions.assertThat(set);
  }

  public static ManifestSetAssert assertThat(RenderedManifests rendered) {
    return GpuShareAssertions.assertThat(rendered);
  }

  /** YAML text, read with the same bounded reader as {@code gpushare lint}. */
  public static ManifestSetAssert assertThat(String yaml) {
    return GpuShareAssertions.assertThatYaml(yaml);
  }

  /** A YAML file, or every {@code *.yaml} and {@code *.yml} file under a directory. */
  public static ManifestSetAssert assertThat(Path path) {
    return GpuShareAssertions.assertThatManifests(path);
  }
}
