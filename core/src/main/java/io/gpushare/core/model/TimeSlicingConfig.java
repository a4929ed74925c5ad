package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * The NVIDIA driver's {@code timeSlicingConfig}: the time-slice interval.
 *
 * <pre>
 * timeSlicingConfig:
 *   interval: Long
 * </pre>
 *
 * <p>Build it with {@link #of(TimeSliceInterval)}.
 */
@Value.Immutable
public abstract class TimeSlicingConfig {

  /**
   * Required: the driver (v0.4.0) dereferences a missing interval inside a present
   * {@code timeSlicingConfig} and panics, so gpushare always writes it. {@link TimeSliceInterval#DEFAULT}
   * keeps the GPU's default.
   */
  public abstract TimeSliceInterval interval();

  public static TimeSlicingConfig of(TimeSliceInterval interval) {
    return builder().interval(interval).build();
  }

  /**
   * A builder that starts with every attribute of this {@code TimeSlicingConfig}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TimeSlicingConfig}. */
  public static final class Builder extends ImmutableTimeSlicingConfig.Builder {}
}
