package io.gpushare.testing;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.gpushare.core.kube.NvidiaConfigRead;
import io.gpushare.core.kube.NvidiaConfigs;
import io.gpushare.core.model.GpuSharing;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.SharingStrategy;
import io.gpushare.core.model.TimeSliceInterval;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one {@code ResourceClaim}, reading its NVIDIA opaque config through the same codec
 * gpushare writes it with ({@link NvidiaConfigs}):
 *
 * <pre>{@code
 * assertThat(bundle).resourceClaim("gpu-claim").usesTimeSlicing(TimeSliceInterval.LONG);
 * }</pre>
 *
 * passes for
 *
 * <pre>
 * sharing:
 *   strategy: TimeSlicing
 *   timeSlicingConfig:
 *     interval: Long
 * </pre>
 */
public final class ResourceClaimAssert extends AbstractAssert<ResourceClaimAssert, ResourceClaim> {

  ResourceClaimAssert(ResourceClaim actual) {
    super(actual, ResourceClaimAssert.class);
  }

  /** Its NVIDIA config shares the GPU with time slicing at this interval. */
  public ResourceClaimAssert usesTimeSlicing(TimeSliceInterval interval) {
    String at = parametersPath() + "." + NvidiaConfigs.SHARING_PATH;
    Optional<NvidiaConfigRead> read = nvidiaConfig();
    String found = read.flatMap(NvidiaConfigRead::strategy)
        .map(strategy -> strategy.wireName() + read.flatMap(NvidiaConfigRead::sharing)
            .flatMap(GpuSharing::timeSlicingConfig).map(t -> " " + t.interval().wireName()).orElse(""))
        .orElse("no sharing");
    String expected = SharingStrategy.TIME_SLICING.wireName() + " " + interval.wireName();
    if (!expected.equals(found)) {
      throwAssertionError(ManifestErrors.shouldHaveValue("the sharing strategy and interval", at, expected, found));
    }
    return myself;
  }

  /** Its NVIDIA config shares the GPU with MPS. */
  public ResourceClaimAssert usesMps() {
    String found = nvidiaConfig().flatMap(NvidiaConfigRead::strategy).map(SharingStrategy::wireName)
        .orElse("no sharing");
    String expected = SharingStrategy.MPS.wireName();
    if (!expected.equals(found)) {
      throwAssertionError(ManifestErrors.shouldHaveValue("the sharing strategy",
          parametersPath() + "." + NvidiaConfigs.STRATEGY_PATH, expected, found));
    }
    return myself;
  }

  private String parametersPath() {
    return "ResourceClaim[" + actual.getMetadata().getName() + "].spec.devices.config[].opaque.parameters";
  }

  /** The first config for the NVIDIA driver, read back. */
  private Optional<NvidiaConfigRead> nvidiaConfig() {
    isNotNull();
    List<DeviceClaimConfiguration> configs = actual.getSpec() == null || actual.getSpec().getDevices() == null
        ? List.of() : actual.getSpec().getDevices().getConfig();
    for (DeviceClaimConfiguration config : configs) {
      if (config.getOpaque() != null && NvidiaDeviceConfig.DRIVER.equals(config.getOpaque().getDriver())) {
        return Optional.of(NvidiaConfigs.read(config.getOpaque().getParameters()));
      }
    }
    return Optional.empty();
  }
}
