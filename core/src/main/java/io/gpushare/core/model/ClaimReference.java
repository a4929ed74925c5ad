package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * How a pod reaches a claim: the pod-level entry name that containers use, and the
 * {@code ResourceClaim} it points to.
 *
 * <pre>
 * resourceClaims:
 * - name: gpu
 *   resourceClaimName: gpu-claim
 * ...
 * resources:
 *   claims:
 *   - name: gpu
 * </pre>
 */
@Value.Immutable
public abstract class ClaimReference {
  /** The pod-level name ({@code gpu}) that container {@code resources.claims[].name} must match. */
  @Value.Parameter
  public abstract String podClaimName();

  /** The {@code ResourceClaim} object's name ({@code gpu-claim}), shared by every replica. */
  @Value.Parameter
  public abstract String resourceClaimName();

  public static ClaimReference of(String podClaimName, String resourceClaimName) {
    return ImmutableClaimReference.of(podClaimName, resourceClaimName);
  }
}
