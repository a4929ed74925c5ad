package io.gpushare.core.model;

/**
 * An opaque configuration object of the NVIDIA DRA driver ({@code gpu.nvidia.com}), carried in a
 * claim's {@code config[].opaque.parameters}. The driver decodes it strictly by {@code apiVersion}
 * and {@code kind}.
 *
 * <pre>
 * parameters:
 *   apiVersion: resource.nvidia.com/v1beta1
 *   kind: GpuConfig
 * </pre>
 */
public interface NvidiaDeviceConfig {
  /** The driver's API group and version of every opaque config kind. */
  String API_VERSION = "resource.nvidia.com/v1beta1";

  /** The driver name opaque configs are addressed to. */
  String DRIVER = "gpu.nvidia.com";

  /** The {@code kind} the driver decodes, e.g. {@code GpuConfig}. */
  String kind();

  /** The device class whose devices this kind configures, e.g. {@code gpu.nvidia.com}. */
  String deviceClass();
}
