package io.gpushare.core.model;

import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One request of a claim: devices of one device class, optionally narrowed by CEL selectors.
 *
 * <pre>
 * requests:
 * - name: gpu
 *   exactly:
 *     deviceClassName: gpu.nvidia.com
 * </pre>
 */
@Value.Immutable
public abstract class DeviceRequest {

  /** The request's name, referenced by {@code config[].requests} and container claims; a DNS label. */
  public abstract String name();

  /** {@code gpu.nvidia.com} for whole GPUs, {@code mig.nvidia.com} for MIG slices. */
  public abstract String deviceClassName();

  /** How many devices; unset means one ({@code ExactCount} with count 1). */
  public abstract OptionalLong count();

  /** CEL expressions every allocated device must satisfy. */
  public abstract List<String> selectors();

  public static DeviceRequest of(String name, String deviceClassName) {
    return builder().name(name).deviceClassName(deviceClassName).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("DeviceRequest[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(!deviceClassName().isEmpty(), "deviceClassName must not be empty");
    count().ifPresent(c -> problems.require(c > 0, "count must be > 0, found " + c));
    problems.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeviceRequest}. */
  public static final class Builder extends ImmutableDeviceRequest.Builder {}
}
