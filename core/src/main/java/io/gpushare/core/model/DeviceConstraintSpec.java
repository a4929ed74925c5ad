package io.gpushare.core.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * A constraint across a claim's requests, e.g. that several MIG slices come from one physical GPU.
 *
 * <pre>
 * constraints:
 * - requests: ["slice-0", "slice-1"]
 *   matchAttribute: gpu.nvidia.com/parentUUID
 * </pre>
 */
@Value.Immutable
public abstract class DeviceConstraintSpec {
  /** The MIG slices' parent GPU, to keep slices on one GPU. */
  public static final String SAME_PARENT_GPU = "gpu.nvidia.com/parentUUID";

  /** The requests it binds; empty binds all. */
  public abstract List<String> requests();

  /** The fully qualified attribute every allocated device must share. */
  public abstract String matchAttribute();

  public static DeviceConstraintSpec sameParentGpu(List<String> requests) {
    return builder().addAllRequests(requests).matchAttribute(SAME_PARENT_GPU).build();
  }

  /**
   * A builder that starts with every attribute of this {@code DeviceConstraintSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeviceConstraintSpec}. */
  public static final class Builder extends ImmutableDeviceConstraintSpec.Builder {}
}
