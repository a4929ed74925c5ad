package io.gpushare.core.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A GPU the catalog knows: the product names the NVIDIA DRA driver publishes as the
 * {@code productName} attribute, its memory as the driver publishes it, the total CUDA reports
 * (which vLLM's budget multiplies), and its MIG profiles with their memory.
 *
 * <pre>
 * device.attributes["gpu.nvidia.com"].productName == "NVIDIA H100 80GB HBM3"
 *   memoryMiB 81559 (capacity.memory), cudaTotalMiB 81090 (vLLM logs "total_gpu_memory (79.19GiB)")
 *   migProfiles 1g.10gb (9984 MiB) ... 7g.80gb (81152 MiB)
 * </pre>
 *
 * @param id a stable identifier, e.g. {@code A100_40GB}
 * @param productNames the {@code productName} attribute values of this GPU
 * @param memoryMiB the device memory the driver publishes, in MiB
 * @param cudaTotalMiB the total {@code cudaMemGetInfo} reports for the whole GPU, in MiB: less than
 *     {@code memoryMiB} by what the driver reserves
 * @param mig the MIG profiles with their memory, empty for GPUs without MIG (L4, T4)
 */
public record GpuProduct(String id, List<String> productNames, long memoryMiB, long cudaTotalMiB,
    List<MigProfile> mig) {
  /**
   * What the driver reserves out of CUDA's sight, when no measured total is known: the H100 80GB's
   * 81559 MiB published against 79.19 GiB (81090 MiB) that vLLM logs. Applied to the A100 40GB (39.54
   * GiB derived, 39.39 to 39.56 GiB in vLLM logs) and the L4 (22.04 derived, 22.03 to 22.07 logged) it
   * stays within the spread between drivers.
   */
  static final long DERIVED_RESERVE_MIB = 469;
  private static final long MIB = 1024L * 1024;

  public GpuProduct {
    productNames = List.copyOf(productNames);
    mig = List.copyOf(mig);
    if (cudaTotalMiB <= 0 || cudaTotalMiB > memoryMiB) {
      throw new IllegalArgumentException(id + ": expected 0 < cudaTotalMiB <= memoryMiB, found " + cudaTotalMiB
          + " and " + memoryMiB);
    }
  }

  /**
   * A GPU known by its published memory and profile names only: the CUDA total derived with
   * {@link #derivedCudaTotalMiB}, each profile's memory with {@link MigProfile#derived}.
   */
  public GpuProduct(String id, List<String> productNames, long memoryMiB, List<String> migProfiles) {
    this(id, productNames, memoryMiB, derivedCudaTotalMiB(memoryMiB),
        migProfiles.stream().map(MigProfile::derived).toList());
  }

  /** The CUDA total of a GPU whose total was never measured: its memory less {@value #DERIVED_RESERVE_MIB} MiB. */
  public static long derivedCudaTotalMiB(long memoryMiB) {
    return Math.max(memoryMiB - DERIVED_RESERVE_MIB, memoryMiB * 9 / 10);
  }

  /**
   * The same in bytes, for a device known by a memory only (a {@code memory >= 40Gi} selector, the DSL's
   * {@code withMemoryAtLeast}): what lint and the DSL's planning both take as its CUDA total.
   */
  public static long derivedCudaTotalBytes(long memoryBytes) {
    return derivedCudaTotalMiB(memoryBytes / MIB) * MIB;
  }

  /** The name a selector should use: the first product name. */
  public String productName() {
    return productNames.get(0);
  }

  public long memoryBytes() {
    return memoryMiB * 1024 * 1024;
  }

  /** The total CUDA reports for the whole GPU, in bytes: what vLLM's fraction is a fraction of. */
  public long cudaTotalBytes() {
    return cudaTotalMiB * 1024 * 1024;
  }

  /** The MIG profile names, in catalog order. */
  public List<String> migProfiles() {
    return mig.stream().map(MigProfile::name).toList();
  }

  /** The MIG profile of that name, when this GPU has it. */
  public Optional<MigProfile> migProfile(String name) {
    return mig.stream().filter(profile -> profile.name().equals(name)).findFirst();
  }

  public boolean supportsMig() {
    return !mig.isEmpty();
  }
}
