package io.gpushare.core.model;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The NVIDIA driver's {@code mpsConfig}: limits the MPS control daemon applies to every client.
 *
 * <pre>
 * mpsConfig:
 *   defaultActiveThreadPercentage: 50
 *   defaultPinnedDeviceMemoryLimit: 15Gi
 * </pre>
 *
 * <p>Memory limits are Kubernetes quantities ({@code 15Gi}); the driver applies them in whole MiB.
 * Per-device limits are keyed by GPU UUID or index.
 */
@Value.Immutable
public abstract class MpsConfig {

  /** Share of the GPU's threads each client may use, 0..100. */
  public abstract OptionalInt defaultActiveThreadPercentage();

  /** Device memory each client may pin, as a quantity such as {@code 15Gi}. */
  public abstract Optional<String> defaultPinnedDeviceMemoryLimit();

  /** Per-device overrides of the pinned memory limit, by GPU UUID or index, in insertion order. */
  public abstract Map<String, String> defaultPerDevicePinnedMemoryLimit();

  @Value.Check
  protected void check() {
    Problems problems = new Problems("MpsConfig");
    defaultActiveThreadPercentage().ifPresent(p -> problems.require(p >= 0 && p <= 100,
        "defaultActiveThreadPercentage must be in 0..100, found " + p));
    defaultPinnedDeviceMemoryLimit().ifPresent(q -> problems.require(Quantities.isQuantity(q),
        "defaultPinnedDeviceMemoryLimit must be a Kubernetes quantity such as 15Gi, found '" + q + "'"));
    defaultPerDevicePinnedMemoryLimit().forEach((device, q) -> problems.require(
        Quantities.isQuantity(q),
        "defaultPerDevicePinnedMemoryLimit[" + device + "] must be a Kubernetes quantity such as 15Gi,"
            + " found '" + q + "'"));
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code MpsConfig}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link MpsConfig}. */
  public static final class Builder extends ImmutableMpsConfig.Builder {}
}
