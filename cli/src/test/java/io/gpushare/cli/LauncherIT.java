package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.testing.GoldenFile;
import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher {@code cli/target/gpushare} that {@code mvn package} writes beside the jar, as a
 * user does: from another directory, through a symlink, with its class-data-sharing archive.
 */
class LauncherIT {
  @TempDir Path dir;

  private final Path launcher = Path.of(System.getProperty("gpushare.jar")).resolveSibling("gpushare");

  @Test
  void should_render_the_reference_documents_when_run_through_a_symlink_from_another_directory()
      throws IOException, InterruptedException {
    // GIVEN
    Path link = Files.createSymbolicLink(dir.resolve("gpushare"), launcher.toAbsolutePath());
    // WHEN
    Result result = run(List.of(link.toString(), "render", "--out", "manifests"), null);
    // THEN
    assertThat(result.exit()).as(result.output()).isZero();
    GoldenFile.assertMatches(Files.readString(dir.resolve("manifests/claim.yaml")),
        ReferenceDocuments.timeSlicingClaim(), "claim.yaml");
    GoldenFile.assertMatches(Files.readString(dir.resolve("manifests/vllm.yaml")),
        ReferenceDocuments.timeSlicingVllm(), "vllm.yaml");
  }

  @Test
  void should_load_the_commands_classes_from_the_archive_when_it_fits_the_jar()
      throws IOException, InterruptedException {
    // GIVEN
    assertThat(launcher.resolveSibling("gpushare.jsa")).isRegularFile();
    // WHEN: the JVM says where each class came from
    Result result = run(List.of(launcher.toString(), "--version"), "-Xlog:class+load:stderr");
    // THEN
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).contains("io.gpushare.cli.GpuShareCommand source: shared objects file");
    // picocli's classes are compiled for Java 5: only a static archive holds them
    assertThat(result.output()).contains("picocli.CommandLine source: shared objects file");
  }

  @Test
  void should_write_only_the_commands_output_to_stdout_when_the_archive_does_not_fit()
      throws IOException, InterruptedException {
    // GIVEN: a copy of the launcher and the jar beside an archive older than the jar
    Path copy = Files.createDirectory(dir.resolve("copy"));
    Files.copy(launcher, copy.resolve("gpushare"));
    Files.copy(launcher.resolveSibling("gpushare.jar"), copy.resolve("gpushare.jar"));
    Files.writeString(copy.resolve("gpushare.jsa"), "not an archive");
    Files.setLastModifiedTime(copy.resolve("gpushare.jsa"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Path foreign = Files.createDirectory(dir.resolve("foreign"));
    Files.copy(launcher, foreign.resolve("gpushare"));
    Files.copy(launcher.resolveSibling("gpushare.jar"), foreign.resolve("gpushare.jar"));
    Files.copy(launcher.resolveSibling("gpushare.jsa"), foreign.resolve("gpushare.jsa"));
    // WHEN
    Result stale = run(List.of(copy.resolve("gpushare").toString(), "--version"), null);
    Result moved = run(List.of(foreign.resolve("gpushare").toString(), "--version"), null);
    // THEN: the archive of another jar path is passed over without a word on stdout
    assertThat(stale.exit()).isZero();
    assertThat(stale.stdout()).matches("gpushare \\S+\n");
    assertThat(moved.exit()).isZero();
    assertThat(moved.stdout()).matches("gpushare \\S+\n");
  }

  private record Result(int exit, String stdout, String output) {}

  private Result run(List<String> command, String javaOptions) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    if (javaOptions != null) {
      builder.environment().put("GPUSHARE_JAVA_OPTS", javaOptions);
    }
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process process = builder.redirectError(err.toFile()).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    String stderr = Files.readString(err);
    Files.delete(err);
    return new Result(process.exitValue(), stdout, stdout + stderr);
  }
}
