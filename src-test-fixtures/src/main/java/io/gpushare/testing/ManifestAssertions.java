package io.gpushare.testing;

import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.yaml.ManifestReader;
import io.gpushare.core.yaml.ReadManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class ManifestAssertions {
  private ManifestAssertions() {}

  public static ManifestSetAssert assertThat(ManifestBundle bundle) {
    return new ManifestSetAssert(bundle == null ? null : ManifestSet.of(bundle));
  }

  public static ManifestSetAssert assertThat(ManifestSet set) {
    return new ManifestSetAssert(set);
  }

  /** YAML text, read with the same bounded reader as {@code gpushare lint}. */
  public static ManifestSetAssert assertThat(String yaml) {
    return new ManifestSetAssert(yaml == null ? null : ManifestReader.standard().read(yaml, "text.yaml").set());
  }

  /** A YAML file, or every {@code *.yaml} and {@code *.yml} file under a directory. */
  public static ManifestSetAssert assertThat(Path path) {
    if (path == null) {
      return new ManifestSetAssert(null);
    }
    try {
      List<ReadManifests> reads = new ArrayList<>();
      if (Files.isDirectory(path)) {
        for (Path file : ManifestReader.yamlFilesUnder(path)) {
          reads.add(ManifestReader.standard().read(file));
        }
      } else {
        reads.add(ManifestReader.standard().read(path));
      }
      return new ManifestSetAssert(ReadManifests.combine(reads).set());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
