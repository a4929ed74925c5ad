package io.gpushare.core.validate;

import io.gpushare.core.kube.NvidiaConfigRead;
import io.gpushare.core.kube.VllmArgs.Flag;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.MpsConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The memory budget of a shared GPU. Every pod that references one {@code ResourceClaim} by name
 * gets the same device, and each vLLM server takes its {@code --gpu-memory-utilization} share of the
 * device's memory at start-up; over every workload that references the claim, replicas x
 * utilization must sum to at most 1. A {@code ResourceClaimTemplate} gives each pod its own device,
 * so only the containers of one pod add up. Sums are exact decimals.
 *
 * <p>Also: rolling-update surge pods that would overcommit (warning), vLLM shares larger than an MPS
 * pinned-memory limit, and too little memory left for CUDA contexts (warning), the last two when the
 * device's memory is known from a selector.
 */
final class SharingBudgetRule implements Rule {
  private static final String FLAG = VllmContainer.UTILIZATION;
  private static final BigDecimal LIMIT = BigDecimal.ONE;
  private static final long GIB = 1024L * 1024 * 1024;
  private static final long MIB = 1024L * 1024;

  private record Contribution(VllmContainer container, BigDecimal utilization) {
    Workload workload() {
      return container.workload();
    }

    String describe(boolean withSurge) {
      String pods = withSurge && workload().surge() > 0
          ? "(" + workload().replicas() + " + " + workload().surge() + ")" : String.valueOf(workload().replicas());
      return workload().id() + " " + pods + " x " + utilization.toPlainString()
          + (container.utilizationAssumed() ? " (vLLM's default, no " + FLAG + ")" : "");
    }
  }

  @Override
  public void check(ValidationContext context, Findings findings) {
    Map<String, List<Contribution>> byClaim = new LinkedHashMap<>();
    for (Workload workload : context.workloads()) {
      checkReplicas(workload, findings);
      Map<String, List<Contribution>> perPod = new LinkedHashMap<>();
      for (VllmContainer container : context.vllmContainers(workload)) {
        checkRange(container, findings);
        var utilization = container.utilization();
        if (utilization.isEmpty()) {
          if (container.utilizationUnknown() && !container.claims().isEmpty()) {
            reportUnknown(container, findings);
          }
          continue;
        }
        for (VllmContainer.PodClaimUse use : container.claims()) {
          Contribution contribution = new Contribution(container, utilization.get());
          if (use.shared()) {
            if (workload.replicas() > 0) {
              byClaim.computeIfAbsent(use.budgetKey(), k -> new ArrayList<>()).add(contribution);
            }
          } else {
            perPod.computeIfAbsent(workload.podPath() + ".resourceClaims[" + use.podClaimIndex() + "]",
                k -> new ArrayList<>()).add(contribution);
          }
        }
      }
      perPod.forEach((path, contributions) -> checkOwnDevice(path, contributions, findings));
    }
    byClaim.forEach((claim, contributions) -> checkShared(claim, contributions, context, findings));
  }

  /** {@code key} is a claim's name, or {@code claim/request} when containers use one request each. */
  private static void checkShared(String key, List<Contribution> contributions, ValidationContext context,
      Findings findings) {
    int slash = key.indexOf('/');
    String claim = slash < 0 ? key : key.substring(0, slash);
    String id = "ResourceClaim[" + claim + "]" + (slash < 0 ? "" : " request " + key.substring(slash + 1));
    BigDecimal sum = BigDecimal.ZERO;
    int processes = 0;
    List<String> parts = new ArrayList<>();
    for (Contribution contribution : contributions) {
      sum = sum.add(contribution.utilization().multiply(BigDecimal.valueOf(contribution.workload().replicas())));
      processes += contribution.workload().replicas();
      parts.add(contribution.describe(false));
    }
    if (sum.compareTo(LIMIT) > 0) {
      findings.add(FindingCode.GPU_MEMORY_OVERCOMMIT, id,
          twoPlaces(sum) + " of the GPU's memory requested (limit " + twoPlaces(LIMIT) + "): " + String.join(", ", parts),
          "every pod that references this claim shares one GPU; lower " + FLAG + " or replicas so that the sum is at"
              + " most " + twoPlaces(LIMIT) + ", or give each pod its own GPU with a ResourceClaimTemplate");
      return;
    }
    for (Contribution surging : contributions) {
      int surge = surging.workload().surge();
      if (surge == 0 || contributions.stream().filter(c -> c.workload() == surging.workload()).findFirst().get() != surging) {
        continue;
      }
      BigDecimal extra = BigDecimal.ZERO;
      for (Contribution c : contributions) {
        if (c.workload() == surging.workload()) {
          extra = extra.add(c.utilization().multiply(BigDecimal.valueOf(surge)));
        }
      }
      BigDecimal during = sum.add(extra);
      if (during.compareTo(LIMIT) > 0) {
        List<String> withSurge = new ArrayList<>();
        for (Contribution c : contributions) {
          withSurge.add(c.describe(c.workload() == surging.workload()));
        }
        findings.add(FindingCode.ROLLOUT_SURGE_OVERCOMMIT, surging.workload().surgePath(),
            "a rolling update starts " + surge + " more pod" + (surge == 1 ? "" : "s") + " ("
                + surging.workload().surgeDescription() + ") on " + id + ", which then has " + twoPlaces(during)
                + " of the GPU's memory requested (limit " + twoPlaces(LIMIT) + "): " + String.join(", ", withSurge),
            "the new pod cannot start while the old ones hold the GPU; set spec.strategy.type: Recreate, or"
                + " rollingUpdate maxSurge: 0 with maxUnavailable: 1");
      }
    }
    ClaimDevices devices = context.deviceClaims().devices(ClaimScope.SHARED, claim);
    OptionalLong memory = slash < 0 ? devices.memoryBytes() : devices.memoryBytes(key.substring(slash + 1));
    if (memory.isEmpty()) {
      return;
    }
    checkMpsLimit(id, contributions, devices, memory.getAsLong(), findings);
    BigDecimal free = LIMIT.subtract(sum).multiply(BigDecimal.valueOf(memory.getAsLong()));
    BigDecimal perProcess = free.divide(BigDecimal.valueOf(Math.max(1, processes)), 0, RoundingMode.DOWN);
    if (perProcess.compareTo(BigDecimal.valueOf(GIB)) < 0) {
      findings.add(FindingCode.GPU_MEMORY_HEADROOM, id,
          "expected at least 1.0 GiB per process outside vLLM's shares, found " + gib(perProcess.longValue())
              + " GiB for each of " + processes + " processes on a " + gib(memory.getAsLong()) + " GiB device ("
              + twoPlaces(sum) + " requested); a CUDA context alone takes about 0.5 GiB",
          "lower " + FLAG + " so that each process keeps 1 GiB for its CUDA context and allocations outside vLLM's"
              + " budget");
    }
  }

  private static void checkMpsLimit(String id, List<Contribution> contributions, ClaimDevices devices, long memory,
      Findings findings) {
    var limitText = devices.sharing().flatMap(NvidiaConfigRead::mps)
        .flatMap(MpsConfig::defaultPinnedDeviceMemoryLimit);
    if (limitText.isEmpty()) {
      return;
    }
    long limit;
    try {
      limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
          new io.fabric8.kubernetes.api.model.Quantity(limitText.get())).longValue();
    } catch (IllegalArgumentException | ArithmeticException e) {
      return; // the driver rule reports a malformed limit
    }
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
          twoPlaces(sum) + " of each pod's own device requested (limit " + twoPlaces(LIMIT) + "): "
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

  private static void checkReplicas(Workload workload, Findings findings) {
    if (!(workload.resource() instanceof io.fabric8.kubernetes.api.model.apps.Deployment deployment)
        || deployment.getSpec() == null || deployment.getSpec().getReplicas() == null) {
      return;
    }
    int replicas = deployment.getSpec().getReplicas();
    if (replicas < 0) {
      findings.add(FindingCode.REPLICAS_RANGE, workload.id() + ".spec.replicas",
          "replicas must be >= 0, found " + replicas, "set replicas to 1 or more");
    } else if (replicas == 0) {
      findings.add(FindingCode.REPLICAS_RANGE, Severity.WARNING, workload.id() + ".spec.replicas",
          "replicas is 0: no pod will run", "set replicas to 1 or more");
    }
  }

  private static void checkRange(VllmContainer container, Findings findings) {
    container.args().last(Flag.GPU_MEMORY_UTILIZATION).filter(flag -> flag.value().isPresent()).ifPresent(flag -> {
      String path = container.argPath(flag);
      BigDecimal value;
      try {
        value = new BigDecimal(flag.value().get());
      } catch (NumberFormatException e) {
        findings.add(FindingCode.GPU_MEMORY_UTILIZATION_RANGE, path,
            FLAG + " must be a decimal fraction in (0, 1], found '" + flag.value().get() + "'",
            "write the fraction with a dot, e.g. " + Flag.GPU_MEMORY_UTILIZATION.write("0.42"));
        return;
      }
      if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
        findings.add(FindingCode.GPU_MEMORY_UTILIZATION_RANGE, path,
            FLAG + " must be in (0, 1], found " + value.toPlainString(),
            "it is a fraction of the GPU's memory: 0.42 means 42%");
      }
    });
  }

  static String twoPlaces(BigDecimal value) {
    return value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : value.toPlainString();
  }

  static String gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB), 1, RoundingMode.DOWN).toPlainString();
  }
}
