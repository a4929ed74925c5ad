package io.gpushare.testing;

import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.yaml.ManifestReader;
import io.gpushare.core.yaml.ReadManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one entry point for tests: every AssertJ assertion (it extends AssertJ's {@link Assertions},
 * as AssertJ recommends for custom assertions) plus gpushare's on manifests, so one static import
 * serves both, and importing AssertJ's {@code assertThat} beside it is no ambiguity:
 *
 * <pre>{@code
 * import static io.gpushare.testing.GpuShareAssertions.assertThat;
 *
 * assertThat(bundle).isValid().hasNoFinding("GPU_MEMORY_OVERCOMMIT");
 * assertThat(bundle).deployment("vllm-gpu").hasReplicas(2).referencesClaim("gpu-claim");
 * assertThat(bundle).resourceClaimTemplate("gpu-claim-template-prod").isNotNull();
 * assertThat(ManifestRenderer.standard().render(bundle)).service("vllm-service")
 *     .extracting(s -> s.getSpec().getType()).isEqualTo("LoadBalancer");
 * assertThatManifests(Path.of("src/main/k8s")).isValid();
 * assertThat(List.of(1, 2)).hasSize(2);   // AssertJ's own, through the same import
 * }</pre>
 *
 * <p>AssertJ's {@code assertThat(String)} and {@code assertThat(Path)} keep their meaning here, so
 * YAML text and files have their own names: {@link #assertThatYaml} and {@link #assertThatManifests}.
 */
public class GpuShareAssertions extends Assertions {

  /** Only for a subclass that adds its own assertions, as this class adds to AssertJ's. */
  protected GpuShareAssertions() {}

  /** A bundle of gpushare specs, as {@code ManifestSet.of(bundle)} converts it. */
  public static ManifestSetAssert assertThat(ManifestBundle bundle) {
    return new ManifestSetAssert(bundle == null ? null : ManifestSet.of(bundle));
  }

  public static ManifestSetAssert assertThat(ManifestSet set) {
    return new ManifestSetAssert(set);
  }

  /**
   * What {@code ManifestRenderer} wrote: every file of Kubernetes objects, read back as {@code lint}
   * reads it. A file with no object in it (the DRA driver's Helm values) is not part of the set.
   */
  public static ManifestSetAssert assertThat(RenderedManifests rendered) {
    if (rendered == null) {
      return new ManifestSetAssert(null);
    }
    List<ReadManifests> reads = new ArrayList<>();
    for (String file : rendered.fileNames()) {
      String text = rendered.text(file);
      if (hasKubernetesObject(text)) {
        reads.add(ManifestReader.standard().read(text, file));
      }
    }
    return new ManifestSetAssert(ReadManifests.combine(reads).set());
  }

  /** Whether a document of the text has both {@code apiVersion} and {@code kind}. */
  private static boolean hasKubernetesObject(String text) {
    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
      if (document instanceof Map<?, ?> map && map.containsKey("apiVersion") && map.containsKey("kind")) {
        return true;
      }
    }
    return false;
  }

  /** YAML text, read with the same bounded reader as {@code gpushare lint}. */
  public static ManifestSetAssert assertThatYaml(String yaml) {
    return new ManifestSetAssert(yaml == null ? null : ManifestReader.standard().read(yaml, "text.yaml").set());
  }

  /** A YAML file, or every {@code *.yaml} and {@code *.yml} file under a directory. */
  public static ManifestSetAssert assertThatManifests(Path path) {
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
