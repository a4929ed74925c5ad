package io.gpushare.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.TutorialSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedManifests_driverValues_Test {
  private final RenderedManifests out = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));

  @TempDir Path dir;

  @Test
  void should_keep_the_driver_values_out_of_the_files_and_the_stream() {
    // THEN: every document of the stream is a Kubernetes object
    assertThat(out.fileNames()).doesNotContain(RenderedManifests.DRIVER_VALUES_FILE);
    assertThat(out.toYamlStream()).doesNotContain("nvidiaDriverRoot").doesNotContain("# file: dra-driver-values.yaml");
    assertThat(out.driverValues()).startsWith("# Helm values for the NVIDIA DRA driver, chart 0.4.0")
        .contains("featureGates:\n  TimeSlicingSettings: true\n");
  }

  @Test
  void should_write_the_driver_values_only_where_asked_and_leave_the_manifest_directory_without_them()
      throws IOException {
    // GIVEN
    Path values = dir.resolve("helm/dra-driver-values.yaml");
    // WHEN
    out.writeTo(dir.resolve("manifests"));
    FileChanges first = out.writeDriverValuesTo(values);
    FileChanges second = out.writeDriverValuesTo(values);
    // THEN
    assertThat(first).isEqualTo(new FileChanges(List.of(values), List.of()));
    assertThat(second).isEqualTo(new FileChanges(List.of(), List.of(values)));
    assertThat(values).hasContent(out.driverValues());
    try (var files = Files.list(dir.resolve("manifests"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("claim.yaml", "vllm.yaml");
    }
  }
}
