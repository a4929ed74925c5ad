package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.memory.VllmProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A vLLM server container of a pod group (recognized by its image, its command, or a server start
 * that {@link VllmArgs} finds), its arguments, and the claims it uses. Shared by the budget,
 * capacity, vLLM and security rules.
 *
 * @param pods the pods it runs in
 * @param index the container's index in {@code spec.containers}
 * @param container the container
 * @param args its server arguments, as {@link VllmArgs} reads them
 * @param claims the claims it uses, as the pod declares them
 * @param profile how the image's vLLM release treats memory, by its tag ({@link VllmProfile#ofImage}); the
 *     newest release's when the tag names none. Read once
 */
record VllmContainer(PodGroup pods, int index, Container container, VllmArgs args, List<PodClaimUse> claims,
    VllmProfile profile) {
  static final String UTILIZATION = VllmArgs.Flag.GPU_MEMORY_UTILIZATION.wireName();

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

  String argPath(VllmArgs.Option option) {
    return path() + "." + option.location();
  }

  static List<VllmContainer> of(PodGroup pods) {
    List<VllmContainer> found = new ArrayList<>();
    if (pods.pod() == null) {
      return found;
    }
    List<Container> containers = Nulls.list(pods.pod().getContainers());
    for (int i = 0; i < containers.size(); i++) {
      Container container = containers.get(i);
      VllmArgs args = VllmArgs.read(container);
      if (isVllm(container, args)) {
        found.add(new VllmContainer(pods, i, container, args, claimsUsed(pods, container),
            VllmProfile.ofImage(container.getImage())));
      }
    }
    return found;
  }

  static boolean isVllm(Container container, VllmArgs args) {
    if (container.getImage() != null && container.getImage().contains("vllm")) {
      return true;
    }
    return Nulls.list(container.getCommand()).stream().anyMatch(part -> part != null && part.contains("vllm"))
        || args.invocation() == VllmArgs.Invocation.COMMAND || args.invocation() == VllmArgs.Invocation.SHELL;
  }

  /**
   * The utilization flag's value when it is a decimal in (0, 1]; the release's default (0.9, 0.92 from
   * 0.21.0: {@link VllmProfile#defaultUtilization()}) when absent and nothing else can set it; empty
   * when malformed or unknown (a Secret's value, a {@code --config}).
   */
  Optional<BigDecimal> utilization() {
    Optional<VllmArgs.Option> flag = args.last(VllmArgs.Flag.GPU_MEMORY_UTILIZATION);
    if (flag.isEmpty()) {
      return args.complete() ? Optional.of(profile().defaultUtilization().stripTrailingZeros()) : Optional.empty();
    }
    return io.gpushare.core.model.Quantities.decimal(flag.get().value().orElse(""))
        .filter(value -> value.signum() > 0 && value.compareTo(BigDecimal.ONE) <= 0);
  }

  /** Whether only the running pod knows the utilization: a value from a Secret, or no flag where more may come. */
  boolean utilizationUnknown() {
    Optional<VllmArgs.Option> flag = args.last(VllmArgs.Flag.GPU_MEMORY_UTILIZATION);
    return flag.isPresent() ? flag.get().value().isEmpty() : !args.complete();
  }

  boolean utilizationAssumed() {
    return args.last(VllmArgs.Flag.GPU_MEMORY_UTILIZATION).isEmpty() && args.complete();
  }

  Optional<String> model() {
    return args.model();
  }

  /** An integer flag's value; the fallback when it is absent or malformed; empty when only the pod knows it. */
  OptionalInt intFlag(VllmArgs.Flag flag, int fallback) {
    Optional<VllmArgs.Option> option = args.last(flag);
    if (option.isEmpty()) {
      return args.complete() ? OptionalInt.of(fallback) : OptionalInt.empty();
    }
    if (option.get().value().isEmpty()) {
      return OptionalInt.empty();
    }
    OptionalInt value = io.gpushare.core.model.Quantities.smallInt(option.get().value().get());
    return value.isPresent() ? value : OptionalInt.of(fallback);
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
