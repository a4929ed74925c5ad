package io.gpushare.core.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Replaces one file atomically: the text is written in full to a temporary file beside it, then
 * renamed over it, so a reader sees the old file or the new one, never half of either.
 *
 * <pre>{@code
 * AtomicWrite.replace(Path.of("manifests/vllm.yaml"), canonicalYaml);
 * }</pre>
 */
public final class AtomicWrite {
  private AtomicWrite() {}

  public static void replace(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    AtomicFiles.writeAll(absolute.getParent(), Map.of(absolute, text.getBytes(StandardCharsets.UTF_8)));
  }
}
