package io.gpushare.benchmarks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.KubeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The floor under {@code gpushare lint} (docs/performance.md, "Start-up" and "Scale";
 * scripts/startup.sh): only what no lint of the fabric8 model can skip. It reads each YAML file given
 * (a directory's {@code .yaml} and {@code .yml} files, on every core) with SnakeYAML and turns each
 * document into its fabric8 model object through gpushare's own mapper ({@link KubeJson}, with its
 * lazily found property deserializers), and prints one line: no command-line parsing, no rules, no
 * source positions, no report. startup.sh runs it with a class-data-sharing archive of its own, the
 * best conditions the JVM gives:
 * <pre>
 * java -XX:SharedArchiveFile=read-anchor.jsa -cp benchmarks/target/benchmarks.jar io.gpushare.benchmarks.StartupReadAnchor FILE...
 * </pre>
 */
public final class StartupReadAnchor {
  private StartupReadAnchor() {}

  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      try (Stream<Path> walk = Files.walk(Path.of(arg))) {
        walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .sorted().forEach(files::add);
      }
    }
    // a directory's files on every core, as lint reads them
    Stream<Path> stream = files.size() > 1 ? files.parallelStream() : files.stream();
    long objects = stream.mapToLong(StartupReadAnchor::read).sum();
    System.out.println(objects + " objects read from " + files.size() + " files");
  }

  /** The objects of one file; 0 for a file SnakeYAML or the model refuses (lint would report it). */
  private static long read(Path file) {
    long objects = 0;
    try {
      for (Object document : new Yaml().loadAll(Files.readString(file))) {
        if (document instanceof Map<?, ?> map && map.get("apiVersion") instanceof String apiVersion
            && map.get("kind") instanceof String kind) {
          @SuppressWarnings("unchecked")
          HasMetadata object = KubeJson.readObject((Map<String, Object>) map, apiVersion, kind);
          objects += object == null ? 0 : 1;
        }
      }
    } catch (IOException | RuntimeException e) {
      return objects;
    }
    return objects;
  }
}
