package io.gpushare.core.kube;

import java.util.Objects;

/**
 * Something in NVIDIA opaque parameters that the driver (v0.4.0) would refuse, ignore or apply
 * differently than written, found by {@link NvidiaConfigs#read}. The path is relative to
 * {@code parameters}; the message says what was expected and what was found, the hint how to fix it.
 *
 * <pre>
 * parameters:
 *   apiVersion: resource.nvidia.com/v1beta1
 *   kind: GpuConfig
 *   sharing:
 *     strategy: timeSlicing     # STRATEGY_UNKNOWN at sharing.strategy:
 *                               #   expected TimeSlicing or MPS, found 'timeSlicing'
 * </pre>
 *
 * @param type what is wrong
 * @param path where, relative to {@code parameters}, e.g. {@code sharing.strategy}
 * @param message what was expected and what was found
 * @param hint how to fix it
 */
public record NvidiaConfigProblem(Type type, String path, String message, String hint) {
  public NvidiaConfigProblem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /** What is wrong; the driver's reaction is in each constant's description. */
  public enum Type {
    /** No apiVersion or no kind: the driver cannot decode the object. */
    TYPE_MISSING,
    /** An apiVersion other than the driver's {@code resource.nvidia.com/v1beta1}, which its decoder does not know. */
    API_VERSION_UNKNOWN,
    /** A kind the driver does not know (kinds are case-sensitive). */
    KIND_UNKNOWN,
    /** A field the driver's strict decoder rejects. */
    UNKNOWN_FIELD,
    /** A field of the wrong JSON type, which the decoder rejects. */
    FIELD_TYPE,
    /** A sharing strategy the driver does not know (strategies are case-sensitive). */
    STRATEGY_UNKNOWN,
    /** Settings of another strategy than the one chosen. */
    CONFIG_MISMATCH,
    /** Time slicing on a MIG slice, which the driver accepts and ignores. */
    MIG_TIME_SLICING,
    /** A time-slice interval missing or not one the driver knows. */
    INTERVAL_UNKNOWN,
    /** An MPS active thread percentage that is not a whole number in 0..100. */
    THREAD_PERCENTAGE_RANGE,
    /** An MPS active thread percentage of 0, which leaves every client without threads. */
    THREAD_PERCENTAGE_ZERO,
    /** An MPS pinned-memory limit that is not a quantity, or below the 1 MiB the driver applies at least. */
    PINNED_MEMORY_TOO_LOW,
    /** An MPS pinned-memory limit in decimal units, which the driver applies as binary MiB. */
    PINNED_MEMORY_DECIMAL_UNITS,
    /** A per-device MPS limit keyed by neither a device index of the claim nor a UUID. */
    DEVICE_KEY_INVALID
  }
}
