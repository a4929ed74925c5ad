package io.gpushare.core.model;

/**
 * Who uses the devices of a {@link DeviceClaimSpec}: every pod that references it ({@link #SHARED},
 * written as a {@code ResourceClaim}), or each pod alone ({@link #PER_POD}, written as a
 * {@code ResourceClaimTemplate} from which each pod gets a claim of its own).
 *
 * <pre>
 * kind: ResourceClaim              # SHARED:  pods say resourceClaimName: gpu-claim
 * kind: ResourceClaimTemplate      # PER_POD: pods say resourceClaimTemplateName: gpu-per-pod
 * </pre>
 */
public enum ClaimScope {
  /** One allocation that every pod referencing it shares: how several replicas share one GPU. */
  SHARED("ResourceClaim"),
  /** A claim per pod, so devices per pod: one MIG slice per pod, or whole GPUs per pod. */
  PER_POD("ResourceClaimTemplate");

  private final String kind;

  ClaimScope(String kind) {
    this.kind = kind;
  }

  /** The Kubernetes kind this scope is written as: {@code ResourceClaim} or {@code ResourceClaimTemplate}. */
  public String kind() {
    return kind;
  }
}
