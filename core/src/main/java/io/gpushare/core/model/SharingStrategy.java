package io.gpushare.core.model;

/**
 * How processes share one GPU, as the NVIDIA DRA driver's {@code sharing.strategy} names it.
 *
 * <pre>
 * sharing:
 *   strategy: TimeSlicing
 * </pre>
 */
public enum SharingStrategy {
  /** Processes take turns on the whole GPU; no memory isolation. Driver feature gate {@code TimeSlicingSettings}. */
  TIME_SLICING("TimeSlicing"),
  /** Processes run concurrently under an MPS control daemon. Driver feature gate {@code MPSSupport}. */
  MPS("MPS");

  private final String wireName;

  SharingStrategy(String wireName) {
    this.wireName = wireName;
  }

  /** The value the driver reads, case-sensitive. */
  public String wireName() {
    return wireName;
  }
}
