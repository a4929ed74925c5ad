package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.testing.GoldenFile;
import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the packaged {@code cli/target/gpushare.jar} in a new JVM, as a user does, under default
 * locales whose number and case rules differ from English.
 */
class RenderJarIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "user.language={0}, user.country={1}")
  @CsvSource({"en,US", "de,DE", "tr,TR"})
  void should_write_the_reference_documents_under_every_default_locale(String language, String country)
      throws IOException, InterruptedException {
    // GIVEN
    Path out = dir.resolve("manifests");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.language=" + language, "-Duser.country=" + country,
        "-jar", System.getProperty("gpushare.jar"), "render", "--out", out.toString()));
    // WHEN
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    // THEN
    assertThat(process.exitValue()).as(output).isZero();
    GoldenFile.assertMatches(Files.readString(out.resolve("claim.yaml")), ReferenceDocuments.timeSlicingClaim(), "claim.yaml");
    GoldenFile.assertMatches(Files.readString(out.resolve("vllm.yaml")), ReferenceDocuments.timeSlicingVllm(), "vllm.yaml");
    // only Kubernetes objects: the driver's Helm values are written only with --driver-values
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("claim.yaml", "vllm.yaml");
    }
  }
}
