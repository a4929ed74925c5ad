package io.gpushare.core.model;

import java.util.List;

/**
 * The device part shared by a {@link ResourceClaimSpec} and a {@link ResourceClaimTemplateSpec}:
 * {@code spec.devices} of a claim, or {@code spec.spec.devices} of a template.
 *
 * <pre>
 * devices:
 *   requests:
 *   - name: gpu
 *     exactly:
 *       deviceClassName: gpu.nvidia.com
 *   constraints: []
 *   config:
 *   - requests: ["gpu"]
 *     opaque: ...
 * </pre>
 */
public interface DeviceClaimSpec extends ManifestSpec {
  /** The requests; each names the devices of one class it wants. */
  List<DeviceRequest> requests();

  /** The NVIDIA configs, each for the requests it names (all when it names none). */
  List<DeviceConfig> config();

  /** Constraints across requests, e.g. MIG slices of one parent GPU. */
  List<DeviceConstraint> constraints();
}
