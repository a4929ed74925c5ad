package io.gpushare.dsl;

import io.gpushare.core.model.TimeSliceInterval;

/** The second step: how the pods on the shared claim share its GPU. */
public interface SharingStep {

  /**
   * The driver switches the GPU between processes; no memory isolation, so each server's
   * {@code --gpu-memory-utilization} is what keeps them apart. Needs the driver's
   * {@code TimeSlicingSettings} feature gate.
   *
   * <pre>
   * sharing:
   *   strategy: TimeSlicing
   *   timeSlicingConfig:
   *     interval: Long
   * </pre>
   */
  WorkloadStep timeSlicing(TimeSliceInterval interval);
}
