package io.gpushare.core.kustomize;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ReadManifests;
import io.gpushare.core.yaml.SourceNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the kustomizations of a directory the way {@code kustomize build} combines their files, so
 * that a patch is judged as the partial object it is, merged into its target, and never as a whole
 * object of its own (a Deployment patch without a {@code selector} is no {@code SELECTOR_MISMATCH}).
 *
 * <pre>{@code
 * KustomizedFiles kustomized = KustomizationReader.standard().readTree(Path.of("deploy"));
 * ReadManifests all = ReadManifests.combine(kustomized.reads());
 * Validator.standard().validate(all.set());
 * }</pre>
 *
 * <p>{@link #readTree} builds every kustomization at or under the directory that no other one there
 * includes (an overlay, not its base: the base is built as part of the overlay). Applied:
 * {@code resources:} (and {@code bases:}), {@code patches:} and {@code patchesStrategicMerge:} of
 * strategic-merge patches ({@link StrategicMerge}), JSON 6902 operations ({@code patches:} with a
 * {@code target:}, {@code patchesJson6902:}), {@code namespace:} and {@code images:}. Each other field
 * ({@code namePrefix}, {@code replicas}, generators) is named in one INFO finding per kustomization;
 * remote resources are not fetched. Files are read with
 * {@link io.gpushare.core.yaml.ManifestReader}'s bounds.
 */
public final class KustomizationReader {
  private static final KustomizationReader STANDARD = new KustomizationReader();

  private KustomizationReader() {}

  public static KustomizationReader standard() {
    return STANDARD;
  }

  /** Whether {@code directory} holds a kustomization file. */
  private static boolean isKustomization(Path directory) {
    return Kustomization.in(directory).isPresent();
  }

  /** The output of the one kustomization in {@code directory}, with the bases it includes. */
  public KustomizedFiles read(Path directory) {
    KustomizationBuild build = new KustomizationBuild();
    List<ReadManifests> reads = new ArrayList<>();
    List<ManifestParseException> unreadable = new ArrayList<>();
    manifests(build.build(directory), reads, unreadable);
    unreadable.addAll(0, build.unreadable());
    return new KustomizedFiles(reads, List.of(ReadManifests.combine(reads)), build.findings(), unreadable,
        build.files());
  }

  /**
   * Every kustomization at or under {@code directory} that no other kustomization there includes,
   * built; nothing when the tree has none.
   *
   * @throws IOException when the directory cannot be listed
   */
  public KustomizedFiles readTree(Path directory) throws IOException {
    List<Path> directories;
    try (Stream<Path> walk = Files.walk(directory)) {
      directories = walk.filter(Files::isDirectory).filter(KustomizationReader::isKustomization).sorted().toList();
    }
    // each kustomization built once: what it includes decides the roots, and its output is kept for them
    Set<Path> included = new LinkedHashSet<>();
    Map<Path, KustomizationBuild> builders = new java.util.HashMap<>();
    Map<Path, List<KustomizationBuild.Resource>> outputs = new java.util.HashMap<>();
    for (Path candidate : directories) {
      Path key = candidate.toAbsolutePath().normalize();
      KustomizationBuild build = new KustomizationBuild();
      outputs.put(key, build.build(candidate));
      builders.put(key, build);
      build.kustomizations().stream().filter(k -> !k.equals(key)).forEach(included::add);
    }
    List<ReadManifests> reads = new ArrayList<>();
    List<ReadManifests> builds = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<ManifestParseException> unreadable = new ArrayList<>();
    Set<Path> files = new LinkedHashSet<>();
    Set<Path> built = new LinkedHashSet<>();
    // overlays first; then whatever only a cycle reaches, once
    for (boolean roots : new boolean[] {true, false}) {
      for (Path candidate : directories) {
        Path key = candidate.toAbsolutePath().normalize();
        if (built.contains(key) || (roots && included.contains(key))) {
          continue;
        }
        KustomizationBuild build = builders.get(key);
        List<KustomizationBuild.Resource> resources = outputs.get(key);
        built.addAll(build.kustomizations());
        List<ReadManifests> own = new ArrayList<>();
        manifests(resources, own, unreadable);
        reads.addAll(own);
        builds.add(ReadManifests.combine(own));
        unreadable.addAll(build.unreadable());
        findings.addAll(build.findings());
        files.addAll(build.files());
      }
    }
    return new KustomizedFiles(reads, builds, findings, unreadable, files);
  }

  private static void manifests(List<KustomizationBuild.Resource> resources, List<ReadManifests> reads,
      List<ManifestParseException> unreadable) {
    for (KustomizationBuild.Resource resource : resources) {
      try {
        reads.add(SourceNodes.manifests(List.of(resource.root()), resource.source()));
      } catch (ManifestParseException e) {
        unreadable.add(e);
      }
    }
  }
}
