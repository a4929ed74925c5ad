package io.gpushare.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.opentest4j.AssertionFailedError;

/**
 * Compares text against a golden file and fails with a unified diff.
 *
 * <p>Differences that a line diff cannot show, in line endings (CRLF against LF) or in the trailing
 * newline, are explained in the failure message. The {@link AssertionFailedError} carries the expected and
 * the actual text, so IDEs can show their own diff.
 *
 * <pre>
 * import io.gpushare.testing.GoldenFile;
 * import java.nio.file.Path;
 * import org.junit.jupiter.api.Test;
 *
 * class ClaimRenderingTest {
 *
 *     &#64;Test
 *     void should_render_the_time_slicing_claim() {
 *         String yaml = renderClaim(); // the text under test
 *         GoldenFile.at(Path.of("src/test/resources/golden/claim.yaml")).assertMatches(yaml);
 *     }
 * }
 * </pre>
 *
 * <p>System property {@value #UPDATE_PROPERTY}: when it is {@code true} (for example
 * {@code mvn test -Dgpushare.golden.update=true}), {@link #assertMatches(String)} writes the actual text to
 * the golden file instead of failing, creating missing directories, replacing the file atomically and
 * leaving it untouched when it already holds the actual text.
 */
public final class GoldenFile {

  /** The system property that switches {@link #assertMatches(String)} to update mode when {@code true}. */
  public static final String UPDATE_PROPERTY = "gpushare.golden.update";

  private final Path path;
  private final boolean update;

  GoldenFile(Path path, boolean update) {
    this.path = Objects.requireNonNull(path, "path");
    this.update = update;
  }

  /**
   * Returns the golden file at {@code path}, typically under {@code src/test/resources}; update mode is
   * on when the system property {@value #UPDATE_PROPERTY} is {@code true}.
   *
   * @param path the golden file
   * @return the golden file
   */
  public static GoldenFile at(Path path) {
    return new GoldenFile(path, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  /**
   * Returns the golden file's path, as given to {@link #at(Path)}.
   *
   * @return the path
   */
  public Path path() {
    return path;
  }

  /**
   * Passes if the golden file's UTF-8 content equals {@code actual} exactly; in update mode, writes
   * {@code actual} to the golden file instead (only if the content differs).
   *
   * @param actual the text under test
   * @throws AssertionFailedError if the golden file is missing or differs, outside update mode
   * @throws UncheckedIOException if the golden file cannot be read or written
   */
  public void assertMatches(String actual) {
    Objects.requireNonNull(actual, "actual");
    if (update) {
      write(actual);
      return;
    }
    if (!Files.exists(path)) {
      throw new AssertionFailedError("Golden file " + path + " does not exist; rerun with -D"
          + UPDATE_PROPERTY + "=true to create it from the actual text.");
    }
    String expected = read();
    if (!expected.equals(actual)) {
      String subject = "Golden file " + path;
      String hint = "rerun with -D" + UPDATE_PROPERTY + "=true to accept the actual text";
      String name = String.valueOf(path.getFileName());
      throw new AssertionFailedError(
          TextDiff.message(subject, hint, "golden file", name, expected, actual), expected, actual);
    }
  }

  /**
   * Passes if {@code actual} equals the in-memory {@code expected} text exactly, for example a
   * {@link ReferenceDocuments} document; otherwise fails with the same message as
   * {@link #assertMatches(String)}, without the update hint.
   *
   * @param actual the text under test
   * @param expected the expected text
   * @param name the name shown in the message and in the diff's file names
   * @throws AssertionFailedError if the texts differ
   */
  public static void assertMatches(String actual, String expected, String name) {
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(name, "name");
    if (!expected.equals(actual)) {
      throw new AssertionFailedError(
          TextDiff.message("Expected text " + name, null, "expected text", name, expected, actual),
          expected, actual);
    }
  }

  private String read() {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read golden file " + path + " as UTF-8", e);
    }
  }

  private void write(String actual) {
    byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), bytes)) {
        return;
      }
      Path target = path.toAbsolutePath();
      Path directory = target.getParent();
      Files.createDirectories(directory);
      Path temp = directory.resolve("." + target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not update golden file " + path, e);
    }
  }
}
