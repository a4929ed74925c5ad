package io.gpushare.core.model;

import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One request of a claim: devices of one device class, optionally narrowed by selectors
 * ({@code exactly}), or alternatives in order of preference ({@code firstAvailable}).
 *
 * <pre>
 * requests:
 * - name: gpu
 *   exactly:
 *     deviceClassName: gpu.nvidia.com
 * </pre>
 */
@Value.Immutable
public abstract class DeviceRequestSpec {

  /** The request's name, referenced by {@code config[].requests} and container claims; a DNS label. */
  public abstract String name();

  /**
   * {@link GpuConfig#DEVICE_CLASS} for whole GPUs, {@link MigDeviceConfig#DEVICE_CLASS} for MIG slices; empty exactly when
   * {@link #firstAvailable()} is given.
   */
  public abstract java.util.Optional<String> deviceClassName();

  /** Alternatives in order of preference, instead of a device class. */
  public abstract List<DeviceSubRequestSpec> firstAvailable();

  /** How many devices; unset means one ({@code ExactCount} with count 1). */
  public abstract OptionalLong count();

  /** Conditions every allocated device must meet, written as CEL selectors. */
  public abstract List<DeviceSelectorSpec> selectors();

  /**
   * Whether the driver creates this request's MIG slices on demand (dynamic MIG, which needs the
   * driver's {@code DynamicMIG} feature gate) rather than allocating slices created ahead of time, e.g.
   * by mig-parted (static MIG, no gate: the default). Nothing in the claim's YAML says which; the
   * renderer writes the gate into the driver's Helm values only for dynamic requests. Turning the gate
   * on makes the driver destroy MIG devices it did not create (shared/reference/vllm-memory.md section 8).
   */
  @Value.Default
  public boolean dynamicMig() {
    return false;
  }

  public static DeviceRequestSpec of(String name, String deviceClassName) {
    return builder().name(name).deviceClassName(deviceClassName).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("DeviceRequestSpec[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(deviceClassName().isPresent() != !firstAvailable().isEmpty(),
        "exactly one of deviceClassName and firstAvailable is needed");
    problems.require(firstAvailable().isEmpty() || (count().isEmpty() && selectors().isEmpty()),
        "count and selectors go on each firstAvailable alternative, not on the request");
    count().ifPresent(c -> problems.require(c > 0, "count must be > 0, found " + c));
    problems.require(!dynamicMig() || deviceClassName().equals(java.util.Optional.of(MigDeviceConfig.DEVICE_CLASS)),
        "dynamicMig needs deviceClassName " + MigDeviceConfig.DEVICE_CLASS + ", found " + deviceClassName().orElse("none"));
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code DeviceRequestSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeviceRequestSpec}. */
  public static final class Builder extends ImmutableDeviceRequestSpec.Builder {}
}
