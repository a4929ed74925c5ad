package io.gpushare.core.model;

import io.gpushare.core.kube.ObjectHook;
import java.util.List;
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
 *
 * <p>The escape hatch: {@link #hooks()} edit the fabric8 object the spec becomes, in order, before
 * it is validated and rendered ({@link io.gpushare.core.kube.ManifestSet#of(ManifestBundle)}).
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

  /** Edits of the spec's fabric8 object, applied in order before validation; none by default. */
  public abstract List<ObjectHook> hooks();

  public static ManifestDocument of(String file, ManifestSpec spec) {
    return ImmutableManifestDocument.of(file, spec);
  }

  /** {@code spec} in {@code file}, its fabric8 object edited by {@code hooks} in order. */
  public static ManifestDocument of(String file, ManifestSpec spec, List<ObjectHook> hooks) {
    return ImmutableManifestDocument.builder().file(file).spec(spec).addAllHooks(hooks).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("ManifestDocument[" + spec().kind() + "/" + spec().name() + "]");
    problems.require(FILE_NAME.matcher(file()).matches(),
        "file must be a plain file name ending in .yaml or .yml, found '" + file() + "'");
    problems.throwIfAny();
  }
}
