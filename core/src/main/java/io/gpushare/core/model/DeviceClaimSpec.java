package io.gpushare.core.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * The devices some pods claim, and who shares them ({@link #scope()}): a {@code resource.k8s.io/v1}
 * {@code ResourceClaim} that every pod referencing it shares ({@link ClaimScope#SHARED}), which is how
 * several replicas come to share one GPU, or a {@code ResourceClaimTemplate} from which each pod gets
 * a claim of its own ({@link ClaimScope#PER_POD}). The devices are the same either way: {@code
 * spec.devices} of a claim, {@code spec.spec.devices} of a template.
 *
 * <pre>{@code
 * DeviceClaimSpec.shared("gpu-claim")
 *     .addRequests(DeviceRequestSpec.of("gpu", GpuConfig.DEVICE_CLASS))
 *     .addConfig(DeviceConfig.of(List.of("gpu"), GpuConfig.timeSlicing(TimeSliceInterval.LONG)))
 *     .build();
 * }</pre>
 *
 * is written as
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
 *
 * and {@code DeviceClaimSpec.perPod("gpu-claim-template-prod")} with a MIG request as
 *
 * <pre>
 * apiVersion: resource.k8s.io/v1
 * kind: ResourceClaimTemplate
 * metadata:
 *   name: gpu-claim-template-prod
 * spec:
 *   spec:
 *     devices:
 *       requests:
 *       - name: gpu
 *         exactly:
 *           deviceClassName: mig.nvidia.com
 *           selectors:
 *           - cel:
 *               expression: |
 *                 device.attributes["gpu.nvidia.com"].profile == "3g.40gb"
 * </pre>
 */
@Value.Immutable
public abstract class DeviceClaimSpec implements ManifestSpec {

  @Override
  public abstract String name();

  @Override
  public abstract java.util.Optional<String> namespace();

  /** The same claim in {@code namespace}: a pod can only use a claim of its own namespace. */
  public DeviceClaimSpec withNamespace(String namespace) {
    return ImmutableDeviceClaimSpec.copyOf(this).withNamespace(namespace);
  }

  /** Shared by every pod that references it, or one claim per pod. */
  public abstract ClaimScope scope();

  /** The requests; each names the devices of one class it wants. */
  public abstract List<DeviceRequestSpec> requests();

  /** The NVIDIA configs, each for the requests it names (all when it names none). */
  public abstract List<DeviceConfig> config();

  /** Constraints across requests, e.g. MIG slices of one parent GPU. */
  public abstract List<DeviceConstraintSpec> constraints();

  /** {@code ResourceClaim} or {@code ResourceClaimTemplate}, after the {@link #scope()}. */
  @Override
  public final String kind() {
    return scope().kind();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems(kind() + "[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    Namespaces.check(namespace(), problems);
    problems.throwIfAny();
  }

  /** A {@code ResourceClaim} named {@code name}, shared by every pod that references it. */
  public static Builder shared(String name) {
    return builder().name(name).scope(ClaimScope.SHARED);
  }

  /** A {@code ResourceClaimTemplate} named {@code name}: each pod that references it gets its own devices. */
  public static Builder perPod(String name) {
    return builder().name(name).scope(ClaimScope.PER_POD);
  }

  /**
   * A builder that starts with every attribute of this {@code DeviceClaimSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeviceClaimSpec}; {@link #shared} and {@link #perPod} start one with name and scope. */
  public static final class Builder extends ImmutableDeviceClaimSpec.Builder {}
}
