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
 * The YAML of a validated set, one text per output file in order, the report of what the
 * validator still had to say (warnings, infos), and, kept apart because they are no Kubernetes
 * object, the NVIDIA DRA driver's Helm values for the feature gates the set needs.
 *
 * <pre>{@code
 * out.fileNames();                    // [claim.yaml, vllm.yaml]
 * out.text("vllm.yaml");              // "apiVersion: apps/v1\nkind: Deployment\n..."
 * out.writeTo(Path.of("manifests"));  // all files or none
 * out.writeDriverValuesTo(Path.of("dra-driver-values.yaml"));  // helm install ... -f dra-driver-values.yaml
 * }</pre>
 */
public final class RenderedManifests {
  /** The file name the driver's Helm values go to by convention, and that their install command uses. */
  public static final String DRIVER_VALUES_FILE = DriverValues.FILE;

  private final Map<String, String> files;
  private final ValidationReport report;
  private final String driverValues;

  RenderedManifests(Map<String, String> files, ValidationReport report, String driverValues) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    this.report = report;
    this.driverValues = driverValues;
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
   * {@link #writeTo(Path)} and {@link #writeDriverValuesTo(Path)} as one group: every manifest file
   * in {@code directory} and the driver's values in {@code driverValuesFile}, all or none.
   */
  public FileChanges writeTo(Path directory, Path driverValuesFile) throws IOException {
    Map<Path, byte[]> contents = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      contents.put(directory.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
    }
    contents.put(driverValuesFile, driverValues.getBytes(StandardCharsets.UTF_8));
    return AtomicFiles.writeAll(contents);
  }

  /**
   * Helm values for the NVIDIA DRA driver chart with exactly the feature gates these manifests need,
   * the install command in a comment; never among {@link #fileNames()} nor in {@link #toYamlStream()}:
   *
   * <pre>
   * # Helm values for the NVIDIA DRA driver, chart 0.4.0, as these manifests need it.
   * # Feature gates: TimeSlicingSettings.
   * ...
   * featureGates:
   *   TimeSlicingSettings: true
   * </pre>
   */
  public String driverValues() {
    return driverValues;
  }

  /**
   * Writes {@link #driverValues()} to {@code file} (its directory created if missing), atomically
   * like {@link #writeTo}; conventionally {@value #DRIVER_VALUES_FILE}, outside the manifest
   * directory, since {@code kubectl apply -f DIR} would take it for a manifest.
   *
   * @return the file, as changed or as unchanged (when it already held these values)
   */
  public FileChanges writeDriverValuesTo(Path file) throws IOException {
    return AtomicFiles.writeAll(Map.of(file, driverValues.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Every file as one multi-document YAML stream, as {@code gpushare render} prints it: each file's
   * documents preceded by a {@code # file: NAME} comment, files separated by {@code ---}. Every
   * document is a Kubernetes object (the driver's values are not in it), so it can be piped to
   * {@code kubectl apply -f -}.
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
