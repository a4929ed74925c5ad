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
  TIME_SLICING("TimeSlicing", "TimeSlicingSettings"),
  /** Processes run concurrently under an MPS control daemon. Driver feature gate {@code MPSSupport}. */
  MPS("MPS", "MPSSupport");

  private final String wireName;
  private final String featureGate;

  SharingStrategy(String wireName, String featureGate) {
    this.wireName = wireName;
    this.featureGate = featureGate;
  }

  /** The value the driver reads, case-sensitive. */
  public String wireName() {
    return wireName;
  }

  /** The driver feature gate (a Helm value) without which the driver refuses the strategy. */
  public String featureGate() {
    return featureGate;
  }
}
