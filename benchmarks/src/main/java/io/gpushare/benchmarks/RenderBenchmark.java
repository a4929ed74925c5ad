package io.gpushare.benchmarks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.examples.TimeSlicingTutorial;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to turn the time-slicing tutorial ({@link TimeSlicingTutorial#bundle()}: one
 * {@code ResourceClaim} in {@code claim.yaml}, a {@code Deployment} and a {@code Service} in
 * {@code vllm.yaml}) into the UTF-8 bytes of its YAML files, with gpushare and with fabric8's own
 * serializer.
 *
 * <ul>
 *   <li>{@link #gpushare}: the whole pipeline per operation: build the bundle, convert it to fabric8
 *       objects, validate, render with {@code ManifestRenderer.standard()}, take the bytes of every
 *       file.
 *   <li>{@link #gpushareRenderOnly}: the same, but from a bundle built once in {@link #setUp}; shows
 *       the renderer (conversion, validation, YAML) without the DSL.
 *   <li>{@link #fabric8AsYaml}: fabric8's {@code KubernetesSerialization.asYaml} (one instance,
 *       reused) applied to the same three fabric8 objects, obtained once in {@link #setUp}, grouped
 *       into the same two files and converted to bytes. The serializer alone.
 *   <li>{@link #fabric8BuildAndAsYaml}: the same, but building the bundle and the three fabric8
 *       objects ({@code ManifestSet.of(TimeSlicingTutorial.bundle())}) every operation; the
 *       apples-to-apples comparison with {@link #gpushare}.
 * </ul>
 *
 * <p>Targets: {@code gpushare} at most 100 us per bundle, and at least 4x faster than
 * {@code fabric8BuildAndAsYaml} measured in the same run. Timings are reported, never asserted in
 * unit tests; {@code mvn verify} builds this module but runs no benchmark. Run with {@code java
 * -jar benchmarks/target/benchmarks.jar} (the usual JMH options, e.g. {@code -wi}, {@code -i},
 * {@code -f}, {@code -prof gc}, override the defaults below).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 12, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 8, time = 1, timeUnit = TimeUnit.SECONDS)
public class RenderBenchmark {
  private ManifestBundle bundle;
  private KubernetesSerialization serialization;
  /** The fabric8 objects of the tutorial, one list per output file, in file order. */
  private List<List<HasMetadata>> fabric8Files;

  @Setup
  public void setUp() {
    bundle = TimeSlicingTutorial.bundle();
    serialization = new KubernetesSerialization();
    fabric8Files = byFile(ManifestSet.of(TimeSlicingTutorial.bundle()));
  }

  @Benchmark
  public byte[][] gpushare() {
    return bytesOf(ManifestRenderer.standard().render(TimeSlicingTutorial.bundle()));
  }

  @Benchmark
  public byte[][] gpushareRenderOnly() {
    return bytesOf(ManifestRenderer.standard().render(bundle));
  }

  @Benchmark
  public byte[][] fabric8AsYaml() {
    return asYaml(serialization, fabric8Files);
  }

  @Benchmark
  public byte[][] fabric8BuildAndAsYaml() {
    return asYaml(serialization, byFile(ManifestSet.of(TimeSlicingTutorial.bundle())));
  }

  private static byte[][] bytesOf(RenderedManifests rendered) {
    byte[][] files = new byte[rendered.fileNames().size()][];
    int i = 0;
    for (String file : rendered.fileNames()) {
      files[i++] = rendered.bytes(file);
    }
    return files;
  }

  private static List<List<HasMetadata>> byFile(ManifestSet set) {
    List<List<HasMetadata>> files = new ArrayList<>();
    for (String file : set.files()) {
      files.add(set.resourcesIn(file));
    }
    return files;
  }

  /** Each file as fabric8 writes it: the objects' YAML documents one after another. */
  private static byte[][] asYaml(KubernetesSerialization serialization, List<List<HasMetadata>> files) {
    byte[][] out = new byte[files.size()][];
    for (int i = 0; i < out.length; i++) {
      StringBuilder text = new StringBuilder();
      for (HasMetadata resource : files.get(i)) {
        text.append(serialization.asYaml(resource));
      }
      out[i] = text.toString().getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }
}
