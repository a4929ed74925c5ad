package io.gpushare.core.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Replaces one file atomically: the text is written in full to a temporary file beside it, then
 * renamed over it, so a reader sees the old file or the new one, never half of either. A symbolic
 * link is followed (the file it points to is replaced, beside itself); the file keeps its
 * permissions, owner and group; a read-only file is refused.
 *
 * <pre>{@code
 * AtomicWrite.replace(Path.of("manifests/vllm.yaml"), canonicalYaml);
 * }</pre>
 */
public final class AtomicWrite {
  private AtomicWrite() {}

  /**
   * @return whether the file changed (false when it already held {@code text})
   * @throws IOException when the file cannot be replaced (read-only, several hard links, a directory
   *     in the way, no atomic rename): the file is then as it was
   */
  public static boolean replace(Path file, String text) throws IOException {
    return !AtomicFiles.writeAll(Map.of(file, text.getBytes(StandardCharsets.UTF_8))).changed().isEmpty();
  }
}
