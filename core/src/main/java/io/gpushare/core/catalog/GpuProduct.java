package io.gpushare.core.catalog;

import java.util.List;

/**
 * A GPU the catalog knows: the product names the NVIDIA DRA driver publishes as the
 * {@code productName} attribute, its memory, and its MIG profiles.
 *
 * <pre>
 * device.attributes["gpu.nvidia.com"].productName == "NVIDIA A100-SXM4-40GB"
 * </pre>
 *
 * @param id a stable identifier, e.g. {@code A100_40GB}
 * @param productNames the {@code productName} attribute values of this GPU
 * @param memoryMiB the device memory the driver publishes, in MiB
 * @param migProfiles the MIG profile names, empty for GPUs without MIG (L4, T4)
 */
public record GpuProduct(String id, List<String> productNames, long memoryMiB, List<String> migProfiles) {
  public GpuProduct {
    productNames = List.copyOf(productNames);
    migProfiles = List.copyOf(migProfiles);
  }

  /** The name a selector should use: the first product name. */
  public String productName() {
    return productNames.get(0);
  }

  public long memoryBytes() {
    return memoryMiB * 1024 * 1024;
  }

  public boolean supportsMig() {
    return !migProfiles.isEmpty();
  }
}
