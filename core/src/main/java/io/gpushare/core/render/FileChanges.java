package io.gpushare.core.render;

import java.nio.file.Path;
import java.util.List;

/**
 * What a write did: the files it replaced or created, and those it left alone because their content
 * was already the same.
 *
 * <pre>{@code
 * FileChanges changes = rendered.writeTo(Path.of("manifests"));
 * changes.changed();    // [manifests/vllm.yaml]
 * changes.unchanged();  // [manifests/claim.yaml, manifests/dra-driver-values.yaml]
 * }</pre>
 *
 * @param changed the files written, in order
 * @param unchanged the files whose content was already what would have been written
 */
public record FileChanges(List<Path> changed, List<Path> unchanged) {
  public FileChanges {
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
  }
}
