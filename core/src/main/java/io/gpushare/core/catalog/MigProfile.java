package io.gpushare.core.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MIG profile of a GPU: its name, the memory of one slice as the driver publishes it (a MIG
 * device's {@code capacity.memory} in its ResourceSlice, the {@code nvidia-smi mig -lgip} figure),
 * and the total CUDA reports inside the slice, which vLLM's {@code --gpu-memory-utilization}
 * multiplies.
 *
 * <pre>
 * device.attributes["gpu.nvidia.com"].profile == "3g.40gb"   // H100 80GB: 40448 MiB (39.50 GiB)
 * </pre>
 *
 * @param name the profile name, e.g. {@code 3g.40gb} or {@code 1g.10gb+me}
 * @param memoryMiB the slice's memory, in MiB
 * @param cudaTotalMiB the total {@code cudaMemGetInfo} reports in the slice, in MiB
 */
public record MigProfile(String name, long memoryMiB, long cudaTotalMiB) {
  private static final Pattern NAME = Pattern.compile("[0-9]+g\\.([0-9]+)gb.*");
  private static final long MIB = 1024L * 1024;

  public MigProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a MIG profile needs a name");
    }
    if (memoryMiB <= 0 || cudaTotalMiB <= 0 || cudaTotalMiB > memoryMiB) {
      throw new IllegalArgumentException("MIG profile " + name + ": expected 0 < cudaTotalMiB <= memoryMiB, found "
          + cudaTotalMiB + " and " + memoryMiB);
    }
  }

  /**
   * A profile known by its name only, its memory derived from the name: the name's gigabytes read as
   * GiB x 0.975, rounded down to 128 MiB (the published figures of the A100 40GB, A100 80GB and H100
   * 80GB profiles are within 2.6 % of it: H100 {@code 1g.10gb} 9984 MiB exactly, {@code 7g.80gb} 81152
   * MiB for 79872 derived); CUDA inside a slice sees the slice, so the CUDA total is the same figure.
   * 1 MiB when the name does not follow {@code <n>g.<m>gb}.
   */
  public static MigProfile derived(String name) {
    long memory = derivedMemoryMiB(name);
    return new MigProfile(name, memory, memory);
  }

  /** The slice memory a profile name suggests (see {@link #derived}); 1 MiB when the name says nothing. */
  static long derivedMemoryMiB(String name) {
    Matcher matcher = NAME.matcher(name == null ? "" : name);
    if (!matcher.matches() || matcher.group(1).length() > 6) {
      return 1;
    }
    long gib = Long.parseLong(matcher.group(1));
    return Math.max(1, gib * 1024 * 975 / 1000 / 128 * 128);
  }

  public long memoryBytes() {
    return memoryMiB * MIB;
  }

  /** The total CUDA reports inside the slice, in bytes: what vLLM's fraction is a fraction of. */
  public long cudaTotalBytes() {
    return cudaTotalMiB * MIB;
  }
}
