package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pod volume and where the vLLM container mounts it: a PersistentVolumeClaim (the Hugging Face
 * cache, so a restart does not download the model again), a ConfigMap, or an {@code emptyDir}.
 *
 * <pre>
 * volumeMounts:                                  volumes:
 * - name: hf-cache                               - name: hf-cache
 *   mountPath: /root/.cache/huggingface            persistentVolumeClaim:
 *                                                    claimName: hf-cache
 * </pre>
 *
 * <p>Intrinsic checks: a name, an absolute mount path, the source's object name for a claim or a
 * ConfigMap, a {@code sizeLimit} that is a quantity. Whether the claim or ConfigMap exists is the
 * API server's business when the pod starts.
 */
@Value.Immutable
public abstract class VolumeSpec {
  /** Where the volume's content comes from. */
  public enum Source {
    /** {@code persistentVolumeClaim: {claimName: <sourceName>}} */
    PERSISTENT_VOLUME_CLAIM,
    /** {@code configMap: {name: <sourceName>}} */
    CONFIG_MAP,
    /** {@code emptyDir: {medium, sizeLimit}} */
    EMPTY_DIR
  }

  /** The Hugging Face cache directory of the vLLM image (root's home). */
  public static final String HUGGING_FACE_CACHE_PATH = "/root/.cache/huggingface";

  public abstract String name();

  public abstract Source source();

  /** The PersistentVolumeClaim's or the ConfigMap's name; unset for an {@code emptyDir}. */
  public abstract Optional<String> sourceName();

  public abstract String mountPath();

  @Value.Default
  public boolean readOnly() {
    return false;
  }

  /** {@code emptyDir.medium}, e.g. {@code Memory}. */
  public abstract Optional<String> medium();

  /** {@code emptyDir.sizeLimit}, a quantity such as {@code 8Gi}. */
  public abstract Optional<String> sizeLimit();

  /** A PersistentVolumeClaim mounted at {@code mountPath}. */
  public static VolumeSpec persistentVolumeClaim(String name, String claimName, String mountPath) {
    return builder().name(name).source(Source.PERSISTENT_VOLUME_CLAIM).sourceName(claimName).mountPath(mountPath)
        .build();
  }

  /** The PersistentVolumeClaim {@code claimName} as the Hugging Face cache, volume {@code hf-cache}. */
  public static VolumeSpec huggingFaceCache(String claimName) {
    return persistentVolumeClaim("hf-cache", claimName, HUGGING_FACE_CACHE_PATH);
  }

  /** A ConfigMap mounted read-only at {@code mountPath}. */
  public static VolumeSpec configMap(String name, String configMapName, String mountPath) {
    return builder().name(name).source(Source.CONFIG_MAP).sourceName(configMapName).mountPath(mountPath)
        .readOnly(true).build();
  }

  /** An empty directory on the node's disk, mounted at {@code mountPath}. */
  public static VolumeSpec emptyDir(String name, String mountPath) {
    return builder().name(name).source(Source.EMPTY_DIR).mountPath(mountPath).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("VolumeSpec[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(mountPath().startsWith("/"), "mountPath must be absolute, found '" + mountPath() + "'");
    boolean emptyDir = source() == Source.EMPTY_DIR;
    problems.require(emptyDir != sourceName().isPresent(), emptyDir
        ? "an emptyDir has no sourceName, found '" + sourceName().orElse("") + "'"
        : "a " + source() + " volume needs the sourceName of its object");
    problems.require(emptyDir || (medium().isEmpty() && sizeLimit().isEmpty()),
        "medium and sizeLimit belong to an emptyDir, found them on a " + source() + " volume");
    sizeLimit().ifPresent(limit -> problems.require(Quantities.isQuantity(limit),
        "sizeLimit must be a quantity such as 8Gi, found '" + limit + "'"));
    problems.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VolumeSpec}. */
  public static final class Builder extends ImmutableVolumeSpec.Builder {}
}
