package io.gpushare.core.yaml;

import io.gpushare.core.validate.Finding;
import java.util.Optional;

/**
 * One file of a directory as {@link ManifestReader#readOrSkip} found it: either skipped, with the
 * INFO finding that says why (Helm values, a tool's configuration, a kustomize file), or read.
 *
 * <pre>
 * values.yaml:1: INFO NOT_A_KUBERNETES_OBJECT values.yaml: expected Kubernetes objects ... skipped
 * </pre>
 */
public final class FileRead {
  private final Finding skipped;
  private final ReadManifests read;

  private FileRead(Finding skipped, ReadManifests read) {
    this.skipped = skipped;
    this.read = read;
  }

  static FileRead skipped(Finding finding) {
    return new FileRead(finding, null);
  }

  static FileRead read(ReadManifests read) {
    return new FileRead(null, read);
  }

  /** The finding that skips the file, when it holds no Kubernetes object. */
  public Optional<Finding> skipped() {
    return Optional.ofNullable(skipped);
  }

  /** The objects of the file; empty when it was skipped. */
  public Optional<ReadManifests> read() {
    return Optional.ofNullable(read);
  }
}
