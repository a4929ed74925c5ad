package io.gpushare.core.model;

/**
 * How long the GPU runs one process before switching to the next, under the NVIDIA driver's
 * {@code TimeSlicing} strategy. {@code Long} suits inference servers: fewer context switches.
 *
 * <pre>
 * timeSlicingConfig:
 *   interval: Long
 * </pre>
 */
public enum TimeSliceInterval {
  DEFAULT("Default"),
  SHORT("Short"),
  MEDIUM("Medium"),
  LONG("Long");

  private final String wireName;

  TimeSliceInterval(String wireName) {
    this.wireName = wireName;
  }

  /** The value the driver reads, case-sensitive: {@code Default}, {@code Short}, {@code Medium}, {@code Long}. */
  public String wireName() {
    return wireName;
  }
}
