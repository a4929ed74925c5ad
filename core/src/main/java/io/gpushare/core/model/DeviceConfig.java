package io.gpushare.core.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * One {@code config} entry of a claim: an NVIDIA opaque configuration applied to the named requests
 * (all requests when none are named).
 *
 * <pre>
 * config:
 * - requests: ["gpu"]
 *   opaque:
 *     driver: gpu.nvidia.com
 *     parameters:
 *       apiVersion: resource.nvidia.com/v1beta1
 *       kind: GpuConfig
 *       ...
 * </pre>
 */
@Value.Immutable
public abstract class DeviceConfig {

  /** Names of the requests (or {@code request/subrequest}) this applies to; empty means all. */
  public abstract List<String> requests();

  /** The configuration object the driver decodes. */
  public abstract NvidiaDeviceConfig parameters();

  /** The driver the opaque configuration is for: {@value NvidiaDeviceConfig#DRIVER}. */
  @Value.Default
  public String driver() {
    return NvidiaDeviceConfig.DRIVER;
  }

  public static DeviceConfig of(List<String> requests, NvidiaDeviceConfig parameters) {
    return builder().addAllRequests(requests).parameters(parameters).build();
  }

  /**
   * A builder that starts with every attribute of this {@code DeviceConfig}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeviceConfig}. */
  public static final class Builder extends ImmutableDeviceConfig.Builder {}
}
