package io.gpushare.core.validate;

import io.gpushare.core.kube.NvidiaConfigRead;
import io.gpushare.core.kube.VllmArgs.Flag;
import io.gpushare.core.memory.MemoryEstimate;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The memory budget of a shared GPU. Every pod that references one {@code ResourceClaim} by name
 * gets the same device, and each vLLM server takes its {@code --gpu-memory-utilization} share of the
 * device's memory at start-up; over every pod group that references the claim, pods at once x
 * utilization must sum to at most 1 (how many pods each kind runs at once: {@link Workloads}). A
 * {@code ResourceClaimTemplate} gives each pod its own device, so only the containers of one pod add
 * up. Sums are exact decimals. Pods of a number the manifests do not say (a DaemonSet's) are left
 * out of the sum, with an INFO that says so.
 *
 * <p>Also: replicas (parallelism, size) out of range, extra pods of a rolling update or an
 * overlapping CronJob run that would overcommit (warning), vLLM shares larger than an MPS
 * pinned-memory limit when the device's memory is known from a selector, and what vLLM's release and
 * the start-up of co-located servers add ({@link ColocatedServers}).
 */
final class SharingBudgetRule implements Rule {
  private static final String FLAG = VllmContainer.UTILIZATION;
  private static final BigDecimal LIMIT = BigDecimal.ONE;
  private static final long GIB = 1024L * 1024 * 1024;
  private static final long MIB = 1024L * 1024;

  /**
   * One vLLM container of a pod group on a device, and its share of the device's memory; its pods are
   * counted at the {@code maxReplicas} of the autoscaler that scales them, when the set has one (null
   * otherwise).
   */
  record Contribution(VllmContainer container, BigDecimal utilization, Autoscalers.Autoscaler autoscaler) {
    PodGroup pods() {
      return container.pods();
    }

    int count() {
      return Autoscalers.podsAtMost(pods(), autoscaler);
    }

    int surge() {
      return Autoscalers.surgeAtMost(pods(), autoscaler);
    }

    String describe(boolean withSurge) {
      String pods = withSurge && surge() > 0 ? "(" + count() + " + " + surge() + ")" : String.valueOf(count());
      return pods().id() + " " + pods + " x " + utilization.toPlainString()
          + (container.utilizationAssumed() ? " (vLLM's default, no " + FLAG + ")" : "")
          + (!Autoscalers.raises(pods(), autoscaler) ? "" : " (pods counted at maxReplicas " + autoscaler.maxReplicas()
              + " of " + autoscaler.id() + ")");
    }
  }

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (Workload workload : context.workloads()) {
      workload.counts().forEach(count -> checkCount(count, findings));
    }
    Map<List<String>, List<Contribution>> byClaim = new LinkedHashMap<>();
    for (Workload workload : context.workloads()) {
      // a claim is namespaced: pods of two namespaces naming one claim name share two devices, not one
      String namespace = Objects.requireNonNullElse(ValidationContext.namespace(workload.resource()), "");
      for (PodGroup pods : workload.podGroups()) {
        budget(pods, namespace, context, byClaim, findings);
      }
    }
    byClaim.forEach((claim, contributions) -> checkShared(claim.get(0), claim.get(1), contributions, context, findings));
  }

  /** The containers of one pod group: own devices checked here, shared claims added to {@code byClaim}. */
  private static void budget(PodGroup pods, String namespace, ValidationContext context,
      Map<List<String>, List<Contribution>> byClaim, Findings findings) {
    Map<String, List<Contribution>> perPod = new LinkedHashMap<>();
    for (VllmContainer container : context.vllmContainers(pods)) {
      checkRange(container, findings);
      var utilization = container.utilization();
      if (utilization.isEmpty()) {
        if (container.utilizationUnknown() && !container.claims().isEmpty()) {
          reportUnknown(container, findings);
        }
        continue;
      }
      for (VllmContainer.PodClaimUse use : container.claims()) {
        Contribution contribution = new Contribution(container, utilization.get(),
            context.autoscaler(pods).orElse(null));
        if (!use.shared()) {
          perPod.computeIfAbsent(pods.podPath() + ".resourceClaims[" + use.podClaimIndex() + "]",
              k -> new ArrayList<>()).add(contribution);
        } else if (pods.count().value().isEmpty()) {
          countUnknown(contribution, use, findings);
        } else if (contribution.count() > 0) {
          byClaim.computeIfAbsent(List.of(namespace, use.budgetKey()), k -> new ArrayList<>()).add(contribution);
        }
      }
    }
    perPod.forEach((path, contributions) -> checkOwnDevice(path, contributions, findings));
  }

  /** Pods of a number the manifests do not say (a DaemonSet's) on a shared claim: said, not guessed. */
  private static void countUnknown(Contribution contribution, VllmContainer.PodClaimUse use, Findings findings) {
    PodGroup pods = contribution.pods();
    findings.add(FindingCode.POD_COUNT_UNKNOWN, pods.podPath() + ".resourceClaims[" + use.podClaimIndex() + "]",
        "expected a known number of pods to sum the memory of ResourceClaim[" + use.claimName() + "], found "
            + pods.id() + " with " + pods.count().unknownBecause() + ", so its "
            + contribution.utilization().toPlainString() + " per pod was not counted",
        "run a known number of pods (a Deployment or StatefulSet with replicas), or give each pod its own device"
            + " with resourceClaimTemplateName; pods on different nodes cannot share one claim's device anyway");
  }

  /**
   * {@code key} is a claim's name, or {@code claim/request} when containers use one request each;
   * the contributions are those of one {@code namespace} (empty when the workloads leave it to kubectl), and
   * the device is that of the claim a pod of that namespace gets ({@link DeviceClaims#find}), never one of
   * another namespace.
   */
  private static void checkShared(String namespace, String key, List<Contribution> contributions,
      ValidationContext context, Findings findings) {
    int slash = key.indexOf('/');
    String claim = slash < 0 ? key : key.substring(0, slash);
    String id = "ResourceClaim[" + claim + "]" + (slash < 0 ? "" : " request " + key.substring(slash + 1));
    BigDecimal sum = BigDecimal.ZERO;
    List<String> parts = new ArrayList<>();
    for (Contribution contribution : contributions) {
      sum = sum.add(contribution.utilization().multiply(BigDecimal.valueOf(contribution.count())));
      parts.add(contribution.describe(false));
    }
    if (sum.compareTo(LIMIT) > 0) {
      findings.add(FindingCode.GPU_MEMORY_OVERCOMMIT, id,
          MemoryEstimate.fraction(sum) + " of the GPU's memory requested (limit " + MemoryEstimate.fraction(LIMIT) + "): " + String.join(", ", parts),
          "every pod that references this claim shares one GPU; lower " + FLAG + " or replicas so that the sum is at"
              + " most " + MemoryEstimate.fraction(LIMIT) + ", or give each pod its own GPU with a ResourceClaimTemplate");
      return;
    }
    checkSurge(id, sum, contributions, findings);
    ClaimDevices devices = context.deviceClaims()
        .devices(ClaimScope.SHARED, namespace.isEmpty() ? null : namespace, claim);
    // the figure vLLM multiplies by its utilization: what CUDA reports of the device
    OptionalLong memory = devices.cudaTotalBytes(slash < 0 ? null : key.substring(slash + 1));
    ColocatedServers.check(id, contributions, sum, memory, context, findings);
    if (memory.isEmpty()) {
      return;
    }
    checkMpsLimit(id, contributions, devices, memory.getAsLong(), findings);
  }

  /** Extra pods of a rollout (or an overlapping run) next to the running ones, per workload. */
  private static void checkSurge(String id, BigDecimal sum, List<Contribution> contributions, Findings findings) {
    // the pod groups of one workload (a LeaderWorkerSet's leaders and workers) surge together
    Map<String, List<Contribution>> bySurge = new LinkedHashMap<>();
    for (Contribution contribution : contributions) {
      if (contribution.surge() > 0) {
        bySurge.computeIfAbsent(contribution.pods().surge().path(), k -> new ArrayList<>()).add(contribution);
      }
    }
    bySurge.forEach((path, surging) -> {
      BigDecimal extra = BigDecimal.ZERO;
      Set<PodGroup> groups = Collections.newSetFromMap(new IdentityHashMap<>());
      int surge = 0;
      for (Contribution c : surging) {
        extra = extra.add(c.utilization().multiply(BigDecimal.valueOf(c.surge())));
        if (groups.add(c.pods())) {
          surge += c.surge();
        }
      }
      BigDecimal during = sum.add(extra);
      if (during.compareTo(LIMIT) > 0) {
        List<String> withSurge = new ArrayList<>();
        for (Contribution c : contributions) {
          withSurge.add(c.describe(groups.contains(c.pods())));
        }
        PodGroup.Surge first = surging.get(0).pods().surge();
        findings.add(FindingCode.ROLLOUT_SURGE_OVERCOMMIT, path,
            first.event() + " starts " + surge + " more pod" + (surge == 1 ? "" : "s") + " (" + first.description()
                + ") on " + id + ", which then has " + MemoryEstimate.fraction(during) + " of the GPU's memory requested (limit "
                + MemoryEstimate.fraction(LIMIT) + "): " + String.join(", ", withSurge),
            first.hint());
      }
    });
  }

  private static void checkMpsLimit(String id, List<Contribution> contributions, ClaimDevices devices, long memory,
      Findings findings) {
    var limitText = devices.sharing().flatMap(NvidiaConfigRead::mps)
        .flatMap(MpsConfig::defaultPinnedDeviceMemoryLimit);
    if (limitText.isEmpty()) {
      return;
    }
    Optional<BigDecimal> limitBytes = Quantities.bytes(limitText.get());
    if (limitBytes.isEmpty()) {
      return; // the driver rule reports a malformed limit
    }
    long limit = limitBytes.get().longValue();
    for (Contribution contribution : contributions) {
      BigDecimal wanted = contribution.utilization().multiply(BigDecimal.valueOf(memory));
      if (wanted.compareTo(BigDecimal.valueOf(limit)) > 0) {
        VllmContainer container = contribution.container();
        String path = container.args().last(Flag.GPU_MEMORY_UTILIZATION).map(container::argPath).orElse(container.path() + ".args");
        BigDecimal highest = BigDecimal.valueOf(limit).divide(BigDecimal.valueOf(memory), 2, RoundingMode.DOWN);
        findings.add(FindingCode.MPS_PINNED_MEMORY_BELOW_UTILIZATION, path,
            "expected vLLM's share to fit the MPS pinned-memory limit " + limitText.get() + " of " + id + " ("
                + limit / MIB + " MiB), found " + contribution.utilization().toPlainString() + " x "
                + memory / MIB + " MiB = " + wanted.divide(BigDecimal.valueOf(MIB), 0, RoundingMode.UP) + " MiB;"
                + " vLLM does not see the MPS limit and fails to allocate",
            "lower " + FLAG + " to at most " + highest.toPlainString() + ", or raise defaultPinnedDeviceMemoryLimit");
      }
    }
  }

  private static void checkOwnDevice(String path, List<Contribution> contributions, Findings findings) {
    BigDecimal sum = BigDecimal.ZERO;
    List<String> parts = new ArrayList<>();
    for (Contribution contribution : contributions) {
      sum = sum.add(contribution.utilization());
      parts.add("containers[" + contribution.container().index() + "] " + contribution.utilization().toPlainString());
    }
    if (sum.compareTo(LIMIT) > 0) {
      findings.add(FindingCode.GPU_MEMORY_OVERCOMMIT, path,
          MemoryEstimate.fraction(sum) + " of each pod's own device requested (limit " + MemoryEstimate.fraction(LIMIT) + "): "
              + String.join(", ", parts),
          "the containers of one pod share its device; lower " + FLAG + " so that they sum to at most 1.00");
    }
  }

  private static void reportUnknown(VllmContainer container, Findings findings) {
    var flag = container.args().last(Flag.GPU_MEMORY_UTILIZATION);
    String path = flag.map(container::argPath).orElse(container.path());
    findings.add(FindingCode.GPU_MEMORY_UTILIZATION_UNKNOWN, path,
        flag.isPresent()
            ? FLAG + " comes from what only the running pod knows (a Secret, a ConfigMap or a shell command), so"
                + " the memory budget of the devices it uses was not checked"
            : "no " + FLAG + " here, but a " + Flag.CONFIG.wireName() + " file or arguments only the running pod"
                + " knows may set it, so the memory budget of the devices it uses was not checked",
        "write the fraction in the manifest, or in a literal env value of the container, so that it can be checked");
  }

  /** A replicas, parallelism or size field below its minimum (error), or 0 where 0 is allowed (warning). */
  private static void checkCount(Workload.CountField count, Findings findings) {
    if (count.value() < count.minimum()) {
      findings.add(FindingCode.REPLICAS_RANGE, count.path(),
          count.name() + " must be >= " + count.minimum() + ", found " + count.value(),
          "set " + count.name() + " to 1 or more");
    } else if (count.value() == 0) {
      findings.add(FindingCode.REPLICAS_RANGE, Severity.WARNING, count.path(),
          count.name() + " is 0: no pod will run", "set " + count.name() + " to 1 or more");
    }
  }

  private static void checkRange(VllmContainer container, Findings findings) {
    container.args().last(Flag.GPU_MEMORY_UTILIZATION).filter(flag -> flag.value().isPresent()).ifPresent(flag -> {
      String path = container.argPath(flag);
      Optional<BigDecimal> parsed = Quantities.decimal(flag.value().get());
      if (parsed.isEmpty()) {
        findings.add(FindingCode.GPU_MEMORY_UTILIZATION_RANGE, path,
            FLAG + " must be a decimal fraction in (0, 1], found '" + flag.value().get() + "'",
            "write the fraction with a dot, e.g. " + Flag.GPU_MEMORY_UTILIZATION.write("0.42"));
        return;
      }
      BigDecimal value = parsed.get();
      if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
        findings.add(FindingCode.GPU_MEMORY_UTILIZATION_RANGE, path,
            FLAG + " must be in (0, 1], found " + value.toPlainString(),
            "it is a fraction of the GPU's memory: 0.42 means 42%");
      }
    });
  }

  static String gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB), 1, RoundingMode.DOWN).toPlainString();
  }
}
