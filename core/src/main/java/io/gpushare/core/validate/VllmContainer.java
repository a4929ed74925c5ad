package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A vLLM server container of a pod group (recognized by its image or command), its flags, and the
 * claims it uses. Shared by the budget, capacity, vLLM and security rules.
 *
 * @param pods the pods it runs in
 * @param index the container's index in {@code spec.containers}
 * @param container the container
 * @param flags its parsed arguments
 * @param claims the claims it uses, as the pod declares them
 */
record VllmContainer(PodGroup pods, int index, Container container, VllmFlags flags, List<PodClaimUse> claims) {
  static final String UTILIZATION = "--gpu-memory-utilization";

  /** A container's use of a pod claim entry: a shared claim, or a per-pod template. */
  record PodClaimUse(int podClaimIndex, String podClaimName, String claimName, String templateName, String request) {
    boolean shared() {
      return claimName != null;
    }

    /** What shares one device budget: the claim, or one request of it. */
    String budgetKey() {
      return request == null ? claimName : claimName + "/" + request;
    }
  }

  String path() {
    return pods.podPath() + ".containers[" + index + "]";
  }

  String argPath(VllmFlags.Flag flag) {
    return path() + "." + flag.field() + "[" + flag.index() + "]";
  }

  static List<VllmContainer> of(PodGroup pods) {
    List<VllmContainer> found = new ArrayList<>();
    if (pods.pod() == null) {
      return found;
    }
    List<Container> containers = Nulls.list(pods.pod().getContainers());
    for (int i = 0; i < containers.size(); i++) {
      Container container = containers.get(i);
      if (isVllm(container)) {
        found.add(new VllmContainer(pods, i, container, VllmFlags.parse(Nulls.list(container.getCommand()), Nulls.list(container.getArgs())),
            claimsUsed(pods, container)));
      }
    }
    return found;
  }

  static boolean isVllm(Container container) {
    if (container.getImage() != null && container.getImage().contains("vllm")) {
      return true;
    }
    return Nulls.list(container.getCommand()).stream().anyMatch(part -> part.contains("vllm"));
  }

  /** The utilization flag's value when it is a decimal; vLLM's default 0.9 when absent; empty when malformed. */
  Optional<BigDecimal> utilization() {
    Optional<VllmFlags.Flag> flag = flags.last(UTILIZATION);
    if (flag.isEmpty()) {
      return Optional.of(new BigDecimal(VllmFlags.DEFAULT_GPU_MEMORY_UTILIZATION));
    }
    try {
      BigDecimal value = new BigDecimal(flag.get().value());
      return value.signum() > 0 && value.compareTo(BigDecimal.ONE) <= 0 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  boolean utilizationAssumed() {
    return flags.last(UTILIZATION).isEmpty();
  }

  Optional<String> model() {
    return flags.last("--model").map(VllmFlags.Flag::value).filter(v -> !v.isEmpty() && !VllmFlags.isVariable(v));
  }

  /** Whether the flag's value comes from a variable ({@code --port $(PORT)}): unknown here, so not judged. */
  boolean fromVariable(String name) {
    return flags.last(name).filter(flag -> VllmFlags.isVariable(flag.value())).isPresent();
  }

  int intFlag(String name, int fallback) {
    try {
      return flags.last(name).map(f -> Integer.parseInt(f.value())).orElse(fallback);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static List<PodClaimUse> claimsUsed(PodGroup pods, Container container) {
    List<PodClaimUse> uses = new ArrayList<>();
    if (container.getResources() == null) {
      return uses;
    }
    List<PodResourceClaim> podClaims = Nulls.list(pods.pod().getResourceClaims());
    for (var claim : Nulls.list(container.getResources().getClaims())) {
      for (int p = 0; p < podClaims.size(); p++) {
        PodResourceClaim podClaim = podClaims.get(p);
        if (podClaim.getName() != null && podClaim.getName().equals(claim.getName())
            && uses.stream().noneMatch(u -> u.podClaimName().equals(claim.getName()))) {
          uses.add(new PodClaimUse(p, podClaim.getName(), podClaim.getResourceClaimName(),
              podClaim.getResourceClaimName() == null ? podClaim.getResourceClaimTemplateName() : null,
              claim.getRequest()));
        }
      }
    }
    return uses;
  }
}
