package io.gpushare.core.render;

import io.gpushare.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YAML of a validated set, one text per output file in order, and the report of what the
 * validator still had to say (warnings, infos).
 *
 * <pre>{@code
 * out.fileNames();                    // [claim.yaml, vllm.yaml]
 * out.text("vllm.yaml");              // "apiVersion: apps/v1\nkind: Deployment\n..."
 * out.writeTo(Path.of("manifests"));  // all files or none
 * }</pre>
 */
public final class RenderedManifests {
  private final Map<String, String> files;
  private final ValidationReport report;

  RenderedManifests(Map<String, String> files, ValidationReport report) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    this.report = report;
  }

  public Set<String> fileNames() {
    return files.keySet();
  }

  /** The text of one file; throws for a name that is not among {@link #fileNames()}. */
  public String text(String file) {
    String text = files.get(file);
    if (text == null) {
      throw new IllegalArgumentException("no file named '" + file + "'; the files are " + files.keySet());
    }
    return text;
  }

  /** The UTF-8 bytes of one file. */
  public byte[] bytes(String file) {
    return text(file).getBytes(StandardCharsets.UTF_8);
  }

  /** Findings that did not block rendering. */
  public ValidationReport report() {
    return report;
  }

  /**
   * Writes every file into {@code directory} (created if missing), all or none: each file is first
   * written in full to a temporary file beside its target; only when all are written are they renamed
   * over their targets, and a failed rename restores the files already replaced. Files whose content
   * is already right are not touched. Files of earlier runs that this run does not write are left
   * in place.
   *
   * @return which files changed and which were already up to date
   */
  public FileChanges writeTo(Path directory) throws IOException {
    Map<Path, byte[]> contents = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      contents.put(directory.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
    }
    return AtomicFiles.writeAll(contents);
  }

  /**
   * Every file as one multi-document YAML stream, as {@code gpushare render} prints it: each file's
   * documents preceded by a {@code # file: NAME} comment, files separated by {@code ---}. It can be
   * piped to {@code kubectl apply -f -}.
   */
  public String toYamlStream() {
    StringBuilder text = new StringBuilder();
    files.forEach((name, yaml) -> {
      if (text.length() > 0) {
        text.append("---\n");
      }
      text.append("# file: ").append(name).append('\n').append(yaml);
    });
    return text.toString();
  }

  @Override
  public String toString() {
    return toYamlStream();
  }
}
