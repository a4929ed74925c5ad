package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a pod reaches its devices: the pod-level entry name that containers use, and the
 * {@link DeviceClaimSpec} it names, with that claim's {@link ClaimScope}: a {@code ResourceClaim}
 * every replica shares ({@link #of}), or a {@code ResourceClaimTemplate} from which each pod gets its
 * own claim ({@link #perPod}).
 *
 * <pre>
 * resourceClaims:
 * - name: gpu
 *   resourceClaimName: gpu-claim          # SHARED; PER_POD: resourceClaimTemplateName
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

  /** Shared by every pod ({@code resourceClaimName}), or one claim per pod ({@code resourceClaimTemplateName}). */
  @Value.Parameter
  public abstract ClaimScope scope();

  /**
   * One request of the claim the container uses ({@code resources.claims[].request}), e.g. one MIG
   * slice of a claim that holds several; unset, the container uses all of them.
   */
  public abstract Optional<String> request();

  /** The same reference, narrowed to one of the claim's requests. */
  public ClaimReference withRequest(String request) {
    return ImmutableClaimReference.copyOf(this).withRequest(request);
  }

  /** A shared {@code ResourceClaim}: {@code resourceClaimName}. */
  public static ClaimReference of(String podClaimName, String resourceClaimName) {
    return ImmutableClaimReference.of(podClaimName, resourceClaimName, ClaimScope.SHARED);
  }

  /** A per-pod claim from a template: {@code resourceClaimTemplateName}. */
  public static ClaimReference perPod(String podClaimName, String resourceClaimTemplateName) {
    return ImmutableClaimReference.of(podClaimName, resourceClaimTemplateName, ClaimScope.PER_POD);
  }

  /** The claim or template {@code claim}, by its name and scope. */
  public static ClaimReference to(String podClaimName, DeviceClaimSpec claim) {
    return ImmutableClaimReference.of(podClaimName, claim.name(), claim.scope());
  }
}
