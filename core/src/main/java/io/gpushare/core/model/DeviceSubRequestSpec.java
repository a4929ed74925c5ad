package io.gpushare.core.model;

import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One alternative of a {@code firstAvailable} request: the scheduler takes the first that can be
 * allocated. Configs must name it as {@code request/subrequest}: the NVIDIA driver matches the
 * allocated name exactly.
 *
 * <pre>
 * firstAvailable:
 * - name: h100-80gb
 *   deviceClassName: gpu.nvidia.com
 *   selectors:
 *   - cel:
 *       expression: device.attributes["gpu.nvidia.com"].productName == "NVIDIA H100 80GB HBM3"
 * </pre>
 */
@Value.Immutable
public abstract class DeviceSubRequestSpec {
  public abstract String name();

  public abstract String deviceClassName();

  public abstract OptionalLong count();

  /** Conditions every allocated device must meet, written as CEL selectors. */
  public abstract List<DeviceSelectorSpec> selectors();

  @Value.Check
  protected void check() {
    Problems problems = new Problems("DeviceSubRequestSpec[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(!deviceClassName().isEmpty(), "deviceClassName must not be empty");
    count().ifPresent(c -> problems.require(c > 0, "count must be > 0, found " + c));
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code DeviceSubRequestSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeviceSubRequestSpec}. */
  public static final class Builder extends ImmutableDeviceSubRequestSpec.Builder {}
}
