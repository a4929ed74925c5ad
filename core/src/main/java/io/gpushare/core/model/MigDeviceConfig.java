package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The NVIDIA driver's {@code MigDeviceConfig} for MIG slices (device class {@code mig.nvidia.com}).
 * A MIG slice can only be shared with MPS (time slicing has no effect on MIG devices, and the
 * driver's decoder rejects {@code timeSlicingConfig} here), so that is the only sharing this type can
 * express. MPS on MIG needs static, pre-created slices: the driver cannot combine the
 * {@code MPSSupport} and {@code DynamicMIG} feature gates.
 *
 * <pre>
 * parameters:
 *   apiVersion: resource.nvidia.com/v1beta1
 *   kind: MigDeviceConfig
 *   sharing:
 *     strategy: MPS
 *     mpsConfig:
 *       defaultActiveThreadPercentage: 50
 * </pre>
 */
@Value.Immutable
public abstract class MigDeviceConfig implements NvidiaDeviceConfig {
  public static final String KIND = "MigDeviceConfig";

  /** The NVIDIA driver's device class of MIG slices. */
  public static final String DEVICE_CLASS = "mig.nvidia.com";

  /** MPS settings for the processes sharing the slice; unset, the slice is not shared by the driver. */
  public abstract Optional<MpsConfig> mps();

  @Override
  public final String kind() {
    return KIND;
  }

  @Override
  public final String deviceClass() {
    return DEVICE_CLASS;
  }

  public static MigDeviceConfig mps(MpsConfig config) {
    return builder().mps(config).build();
  }

  /**
   * A builder that starts with every attribute of this {@code MigDeviceConfig}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MigDeviceConfig}. */
  public static final class Builder extends ImmutableMigDeviceConfig.Builder {}
}
