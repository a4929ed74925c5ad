package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * How a pod reaches its devices: the pod-level entry name that containers use, and either the
 * {@code ResourceClaim} every replica shares ({@link #of}) or the {@code ResourceClaimTemplate} from
 * which each pod gets its own claim ({@link #template}).
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

  /** The claim's or the template's object name ({@code gpu-claim}). */
  @Value.Parameter
  public abstract String name();

  /** Whether {@link #name()} is a {@code ResourceClaimTemplate}: then each pod gets its own devices. */
  @Value.Parameter
  public abstract boolean template();

  /**
   * One request of the claim the container uses ({@code resources.claims[].request}), e.g. one MIG
   * slice of a claim that holds several; unset, the container uses all of them.
   */
  public abstract java.util.Optional<String> request();

  /** The same reference, narrowed to one of the claim's requests. */
  public ClaimReference withRequest(String request) {
    return ImmutableClaimReference.copyOf(this).withRequest(request);
  }

  /** A shared {@code ResourceClaim}: {@code resourceClaimName}. */
  public static ClaimReference of(String podClaimName, String resourceClaimName) {
    return ImmutableClaimReference.of(podClaimName, resourceClaimName, false);
  }

  /** A per-pod claim from a template: {@code resourceClaimTemplateName}. */
  public static ClaimReference template(String podClaimName, String resourceClaimTemplateName) {
    return ImmutableClaimReference.of(podClaimName, resourceClaimTemplateName, true);
  }
}
