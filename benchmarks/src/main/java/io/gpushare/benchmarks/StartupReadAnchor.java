package io.gpushare.benchmarks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.KubeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The floor under {@code gpushare lint} (docs/performance.md, "Start-up"; scripts/startup.sh): only
 * what no lint of the fabric8 model can skip. It reads each YAML file given with SnakeYAML and turns
 * each document into its fabric8 model object through gpushare's own mapper ({@link KubeJson}, with
 * its lazily found property deserializers), and prints one line: no command-line parsing, no rules,
 * no report. startup.sh runs it with a class-data-sharing archive of its own, the best conditions
 * the JVM gives:
 * <pre>
 * java -XX:SharedArchiveFile=read-anchor.jsa -cp benchmarks/target/benchmarks.jar io.gpushare.benchmarks.StartupReadAnchor FILE...
 * </pre>
 */
public final class StartupReadAnchor {
  private StartupReadAnchor() {}

  public static void main(String[] args) throws IOException {
    int objects = 0;
    for (String file : args) {
      for (Object document : new Yaml().loadAll(Files.readString(Path.of(file)))) {
        if (document instanceof Map<?, ?> map && map.get("apiVersion") instanceof String apiVersion
            && map.get("kind") instanceof String kind) {
          @SuppressWarnings("unchecked")
          HasMetadata object = KubeJson.readObject((Map<String, Object>) map, apiVersion, kind);
          objects += object.getMetadata() == null ? 0 : 1;
        }
      }
    }
    System.out.println(objects + " objects read");
  }
}
