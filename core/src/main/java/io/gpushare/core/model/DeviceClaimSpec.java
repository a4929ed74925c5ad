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
  List<DeviceRequest> requests();

  List<DeviceConfig> config();

  List<DeviceConstraint> constraints();
}
