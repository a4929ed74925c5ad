package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code sharing} block of a {@link GpuConfig}: a strategy and the settings that go with it.
 * The factories make the wrong pairing (MPS settings on a time-sliced GPU) impossible to write.
 *
 * <pre>
 * sharing:
 *   strategy: TimeSlicing
 *   timeSlicingConfig:
 *     interval: Long
 * </pre>
 */
@Value.Immutable
public abstract class GpuSharing {

  public abstract SharingStrategy strategy();

  /** Only with {@link SharingStrategy#TIME_SLICING}. */
  public abstract Optional<TimeSlicingConfig> timeSlicingConfig();

  /** Only with {@link SharingStrategy#MPS}. */
  public abstract Optional<MpsConfig> mpsConfig();

  public static GpuSharing timeSlicing(TimeSliceInterval interval) {
    return builder()
        .strategy(SharingStrategy.TIME_SLICING)
        .timeSlicingConfig(TimeSlicingConfig.of(interval))
        .build();
  }

  public static GpuSharing mps(MpsConfig config) {
    return builder().strategy(SharingStrategy.MPS).mpsConfig(config).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("GpuSharing");
    problems.require(timeSlicingConfig().isEmpty() || strategy() == SharingStrategy.TIME_SLICING,
        "timeSlicingConfig is only read with strategy TimeSlicing, found strategy "
            + strategy().wireName());
    problems.require(mpsConfig().isEmpty() || strategy() == SharingStrategy.MPS,
        "mpsConfig is only read with strategy MPS, found strategy " + strategy().wireName());
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code GpuSharing}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GpuSharing}. */
  public static final class Builder extends ImmutableGpuSharing.Builder {}
}
