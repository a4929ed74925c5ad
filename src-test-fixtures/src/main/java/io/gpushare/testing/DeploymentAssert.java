package io.gpushare.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.gpushare.core.kube.VllmArgs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one vLLM {@code Deployment}:
 *
 * <pre>{@code
 * assertThat(bundle).deployment("vllm-gpu")
 *     .hasReplicas(2).hasGpuMemoryUtilization(0.42).referencesClaim("gpu-claim");
 * }</pre>
 *
 * passes for
 *
 * <pre>
 * spec:
 *   replicas: 2
 *   template:
 *     spec:
 *       resourceClaims:
 *       - name: gpu
 *         resourceClaimName: gpu-claim
 *       containers:
 *       - args:
 *         - --gpu-memory-utilization=0.42
 * </pre>
 */
public final class DeploymentAssert extends AbstractAssert<DeploymentAssert, Deployment> {

  DeploymentAssert(Deployment actual) {
    super(actual, DeploymentAssert.class);
  }

  public DeploymentAssert hasReplicas(int replicas) {
    isNotNull();
    Integer declared = actual.getSpec() == null ? null : actual.getSpec().getReplicas();
    int found = declared == null ? 1 : declared; // the API server's default
    if (found != replicas) {
      throwAssertionError(ManifestErrors.shouldHaveValue("replicas", path() + ".spec.replicas", replicas, found));
    }
    return myself;
  }

  /**
   * {@code --gpu-memory-utilization} of the first container that sets it, in any form vLLM accepts
   * ({@code command} or {@code args}, {@code =} or a separate value, a {@code sh -c} script,
   * {@code $(VAR)} from the container's env), compared as a decimal (0.42 equals 0.420).
   */
  public DeploymentAssert hasGpuMemoryUtilization(double fraction) {
    isNotNull();
    String found = null;
    int index = 0;
    List<Container> containers = containers();
    for (int c = 0; c < containers.size(); c++) {
      var option = VllmArgs.read(containers.get(c)).last(VllmArgs.Flag.GPU_MEMORY_UTILIZATION);
      if (option.isPresent()) {
        found = option.get().value().orElse("(unknown: " + option.get().location() + " takes it from the pod's"
            + " environment)");
        index = c;
        break;
      }
    }
    BigDecimal expected = BigDecimal.valueOf(fraction);
    boolean same;
    try {
      same = found != null && new BigDecimal(found).compareTo(expected) == 0;
    } catch (NumberFormatException e) {
      same = false;
    }
    if (!same) {
      throwAssertionError(ManifestErrors.shouldHaveValue(VllmArgs.Flag.GPU_MEMORY_UTILIZATION.wireName(),
          path() + ".spec.template.spec.containers[" + index + "]", expected.toPlainString(), found));
    }
    return myself;
  }

  /** A pod claim entry points at the {@code ResourceClaim} (or {@code ResourceClaimTemplate}) of this name. */
  public DeploymentAssert referencesClaim(String claimName) {
    isNotNull();
    List<String> found = new ArrayList<>();
    for (PodResourceClaim claim : podClaims()) {
      found.add(claim.getResourceClaimName() != null ? claim.getResourceClaimName() : claim.getResourceClaimTemplateName());
    }
    if (!found.contains(claimName)) {
      throwAssertionError(ManifestErrors.shouldHaveValue("a claim reference",
          path() + ".spec.template.spec.resourceClaims", claimName, found));
    }
    return myself;
  }

  private String path() {
    return "Deployment[" + actual.getMetadata().getName() + "]";
  }

  private List<Container> containers() {
    var template = actual.getSpec() == null ? null : actual.getSpec().getTemplate();
    var containers = template == null || template.getSpec() == null ? null : template.getSpec().getContainers();
    return containers == null ? List.of() : containers;
  }

  private List<PodResourceClaim> podClaims() {
    var template = actual.getSpec() == null ? null : actual.getSpec().getTemplate();
    var claims = template == null || template.getSpec() == null ? null : template.getSpec().getResourceClaims();
    return claims == null ? List.of() : claims;
  }
}
