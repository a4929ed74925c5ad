package io.gpushare.core.kube;

import java.util.OptionalLong;

/**
 * Reads the NVIDIA DRA driver's opaque parameters ({@code config[].opaque.parameters} of a claim)
 * back into gpushare's typed {@code GpuConfig} or {@code MigDeviceConfig}, leniently: whatever can be
 * read is, and everything the driver (v0.4.0) would refuse, ignore or apply differently is reported
 * as an {@link NvidiaConfigProblem} with its path. The same codec writes the parameters of
 * {@link KubeObjects}, so what gpushare writes and what it understands cannot drift apart.
 *
 * <pre>{@code
 * NvidiaConfigRead read = NvidiaConfigs.read(config.getOpaque().getParameters());
 * read.value();     // Optional[GpuConfig{sharing=GpuSharing{strategy=TIME_SLICING, ...}}]
 * read.problems();  // []
 * }</pre>
 *
 * for
 *
 * <pre>
 * parameters:
 *   apiVersion: resource.nvidia.com/v1beta1
 *   kind: GpuConfig
 *   sharing:
 *     strategy: TimeSlicing
 *     timeSlicingConfig:
 *       interval: Long
 * </pre>
 *
 * <p>What it checks is what the parameters say on their own: apiVersion and kind, unknown fields
 * (the driver's decoder is strict), JSON types, strategy and interval spelling, the settings that
 * belong to the strategy, MPS thread percentage and memory limits (in the whole MiB the driver
 * applies). Whether the kind suits the claim's devices is left to the validator.
 */
public final class NvidiaConfigs {
  /** Where the sharing block is, relative to {@code parameters}, for messages. */
  public static final String SHARING_PATH = NvidiaConfigCodec.SHARING;

  /** Where the sharing strategy is, relative to {@code parameters}, for messages. */
  public static final String STRATEGY_PATH = NvidiaConfigCodec.SHARING + "." + NvidiaConfigCodec.STRATEGY;

  private NvidiaConfigs() {}

  /** The parameters as fabric8 holds them (a map, a {@code GenericKubernetesResource}, a {@code RawExtension}). */
  public static NvidiaConfigRead read(Object parameters) {
    return NvidiaConfigCodec.read(parameters, OptionalLong.empty());
  }

  /**
   * The same, also checking per-device MPS limits keyed by index against {@code deviceCount}, the
   * number of devices the claim gives (indices count them from 0); unknown when empty.
   */
  public static NvidiaConfigRead read(Object parameters, OptionalLong deviceCount) {
    return NvidiaConfigCodec.read(parameters, deviceCount);
  }
}
