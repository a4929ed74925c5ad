package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * A {@code resource.k8s.io/v1} {@code ResourceClaimTemplate}: each pod that references it gets a claim
 * of its own, so its own devices. For one MIG slice per pod, or one or more whole GPUs per pod.
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
public abstract class ResourceClaimTemplateSpec implements DeviceClaimSpec {
  public static final String KIND = "ResourceClaimTemplate";

  @Override
  public final String kind() {
    return KIND;
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("ResourceClaimTemplate[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ResourceClaimTemplateSpec}. */
  public static final class Builder extends ImmutableResourceClaimTemplateSpec.Builder {}
}
