package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * A {@code resource.k8s.io/v1} {@code ResourceClaim}: one allocation that every pod referencing it
 * shares, which is how several replicas come to share one GPU.
 *
 * <pre>
 * apiVersion: resource.k8s.io/v1
 * kind: ResourceClaim
 * metadata:
 *   name: gpu-claim
 * spec:
 *   devices:
 *     requests:
 *     - name: gpu
 *       exactly:
 *         deviceClassName: gpu.nvidia.com
 *     config:
 *     - requests: ["gpu"]
 *       opaque:
 *         driver: gpu.nvidia.com
 *         parameters:
 *           apiVersion: resource.nvidia.com/v1beta1
 *           kind: GpuConfig
 *           sharing:
 *             strategy: TimeSlicing
 *             timeSlicingConfig:
 *               interval: Long
 * </pre>
 */
@Value.Immutable
public abstract class ResourceClaimSpec implements DeviceClaimSpec {
  public static final String KIND = "ResourceClaim";

  @Override
  public final String kind() {
    return KIND;
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("ResourceClaim[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ResourceClaimSpec}. */
  public static final class Builder extends ImmutableResourceClaimSpec.Builder {}
}
