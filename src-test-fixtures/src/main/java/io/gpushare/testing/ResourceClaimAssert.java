package io.gpushare.testing;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.gpushare.core.model.TimeSliceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one {@code ResourceClaim}, reading its NVIDIA opaque config:
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
    String at = path() + ".spec.devices.config[].opaque.parameters.sharing";
    Map<?, ?> sharing = sharing();
    Object timeSlicing = sharing == null ? null : sharing.get("timeSlicingConfig");
    String found = sharing == null ? "no sharing"
        : sharing.get("strategy") + (timeSlicing instanceof Map<?, ?> t ? " " + t.get("interval") : "");
    String expected = "TimeSlicing " + interval.wireName();
    if (!expected.equals(found)) {
      throwAssertionError(ManifestErrors.shouldHaveValue("the sharing strategy and interval", at, expected, found));
    }
    return myself;
  }

  /** Its NVIDIA config shares the GPU with MPS. */
  public ResourceClaimAssert usesMps() {
    Map<?, ?> sharing = sharing();
    Object found = sharing == null ? "no sharing" : sharing.get("strategy");
    if (!"MPS".equals(found)) {
      throwAssertionError(ManifestErrors.shouldHaveValue("the sharing strategy",
          path() + ".spec.devices.config[].opaque.parameters.sharing.strategy", "MPS", found));
    }
    return myself;
  }

  private String path() {
    return "ResourceClaim[" + actual.getMetadata().getName() + "]";
  }

  private Map<?, ?> sharing() {
    isNotNull();
    List<DeviceClaimConfiguration> configs = actual.getSpec() == null || actual.getSpec().getDevices() == null
        ? List.of() : new ArrayList<>(actual.getSpec().getDevices().getConfig());
    for (DeviceClaimConfiguration config : configs) {
      if (config.getOpaque() != null && "gpu.nvidia.com".equals(config.getOpaque().getDriver())) {
        Map<String, Object> map =
            io.gpushare.core.kube.KubeObjects.parametersAsMap(config.getOpaque().getParameters()).orElse(Map.of());
        return map.get("sharing") instanceof Map<?, ?> sharing ? sharing : null;
      }
    }
    return null;
  }
}
