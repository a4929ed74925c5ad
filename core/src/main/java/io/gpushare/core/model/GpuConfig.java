package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The NVIDIA driver's {@code GpuConfig} for whole GPUs (device class {@code gpu.nvidia.com}): how
 * the pods that share the claim share the GPU.
 *
 * <pre>
 * parameters:
 *   apiVersion: resource.nvidia.com/v1beta1
 *   kind: GpuConfig
 *   sharing:
 *     strategy: TimeSlicing
 *     timeSlicingConfig:
 *       interval: Long
 * </pre>
 */
@Value.Immutable
public abstract class GpuConfig implements NvidiaDeviceConfig {
  public static final String KIND = "GpuConfig";

  /** The NVIDIA driver's device class of whole GPUs. */
  public static final String DEVICE_CLASS = "gpu.nvidia.com";

  /** Unset: the driver's default for the device. */
  public abstract Optional<GpuSharing> sharing();

  @Override
  public final String kind() {
    return KIND;
  }

  @Override
  public final String deviceClass() {
    return DEVICE_CLASS;
  }

  public static GpuConfig timeSlicing(TimeSliceInterval interval) {
    return builder().sharing(GpuSharing.timeSlicing(interval)).build();
  }

  public static GpuConfig mps(MpsConfig config) {
    return builder().sharing(GpuSharing.mps(config)).build();
  }

  /**
   * A builder that starts with every attribute of this {@code GpuConfig}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GpuConfig}. */
  public static final class Builder extends ImmutableGpuConfig.Builder {}
}
