package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.model.ManifestDocument;
import java.util.List;

/** Applies a document's {@link ObjectHook}s to its fresh fabric8 object, in order. */
final class Hooks {
  private Hooks() {}

  static HasMetadata apply(ManifestDocument document) {
    HasMetadata resource = KubeObjects.toKubernetes(document.spec());
    List<ObjectHook> hooks = document.hooks();
    for (int i = 0; i < hooks.size(); i++) {
      String which = "hook " + (i + 1) + " of " + hooks.size() + " on " + document.spec().kind() + "[" + document.spec().name() + "] (" + document.file() + ")";
      try {
        resource = hooks.get(i).apply(resource);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(which + " failed: " + e.getMessage(), e);
      }
      if (resource == null) {
        throw new IllegalArgumentException(which + " returned null; return the object to keep");
      }
    }
    return resource;
  }
}
