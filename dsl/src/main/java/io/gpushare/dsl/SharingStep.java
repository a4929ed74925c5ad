package io.gpushare.dsl;

import io.gpushare.core.model.TimeSliceInterval;

/** The second step: how the pods on the shared claim share its GPU. */
public interface SharingStep {

  /**
   * Narrows the claim to one GPU product, by the {@code productName} attribute the NVIDIA driver
   * publishes. The validator then knows the device's memory and checks model weights, MPS limits and
   * headroom against it (products in gpushare's catalog: A100 40GB and 80GB, H100 80GB, H200, L4, T4).
   *
   * <pre>
   * exactly:
   *   deviceClassName: gpu.nvidia.com
   *   selectors:
   *   - cel:
   *       expression: device.attributes["gpu.nvidia.com"].productName == "NVIDIA A100-SXM4-40GB"
   * </pre>
   *
   * @param productName e.g. {@code NVIDIA A100-SXM4-40GB}, as {@code kubectl get resourceslices -o yaml} shows it
   */
  SharingStep onGpu(String productName);

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
