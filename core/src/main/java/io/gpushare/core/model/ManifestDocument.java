package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * One document of a {@link ManifestBundle} and the file it is written to; several documents of one
 * file are separated by {@code ---}.
 *
 * <pre>
 * # vllm.yaml: ManifestDocument.of("vllm.yaml", deployment), then ManifestDocument.of("vllm.yaml", service)
 * apiVersion: apps/v1
 * kind: Deployment
 * ...
 * ---
 * apiVersion: v1
 * kind: Service
 * </pre>
 */
@Value.Immutable
public abstract class ManifestDocument {
  private static final java.util.regex.Pattern FILE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.ya?ml");

  /** The file name, such as {@code claim.yaml}; no directories. */
  @Value.Parameter
  public abstract String file();

  @Value.Parameter
  public abstract ManifestSpec spec();

  public static ManifestDocument of(String file, ManifestSpec spec) {
    return ImmutableManifestDocument.of(file, spec);
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("ManifestDocument[" + spec().kind() + "/" + spec().name() + "]");
    problems.require(FILE_NAME.matcher(file()).matches(),
        "file must be a plain file name ending in .yaml or .yml, found '" + file() + "'");
    problems.throwIfAny();
  }
}
