package io.gpushare.core.validate;

import io.gpushare.core.kube.VllmArgs.Flag;
import io.gpushare.core.memory.MemoryEstimate;
import io.gpushare.core.memory.VllmProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the vLLM release and the start-up of several vLLM servers on one shared device add to the
 * sum of their fractions ({@link SharingBudgetRule}), each release's behaviour from {@link VllmProfile}:
 *
 * <ul>
 *   <li>{@code VLLM_COLOCATION_UNSUPPORTED}: a release that counts every process on the GPU as its own
 *       (0.6.4, the V1 engine of 0.8.0 to 0.9.0, before 0.3) cannot run beside another server, whatever
 *       the fractions.
 *   <li>{@code GPU_MEMORY_CONTEXT_MARGIN}: each process also pays a CUDA context (about 0.5 GiB,
 *       measured on an H100: shared/reference/gpu-memory-measured.md) and, before vLLM 0.21.0, its
 *       CUDA graphs (0.3 GiB at least) outside its fraction; from 0.9.1 vLLM refuses to start when the
 *       device's free memory is below its fraction (error), before it starts and may run out of
 *       memory (warning). With the device's memory unknown, shares summing to 1.00 leave nothing.
 *   <li>{@code VLLM_STARTUP_RACE}: servers that start together profile the device's memory at once and
 *       each counts the other's growth as its own (no release fixes it), unless each sizes its KV
 *       cache with {@code --kv-cache-memory-bytes}.
 * </ul>
 *
 * <pre>
 * kind: Deployment                  2 servers on ResourceClaim[gpu-claim], started together:
 * spec:                             WARNING VLLM_STARTUP_RACE
 *   replicas: 2
 *   template: {spec: {containers: [{image: vllm/vllm-openai:v0.7.2, args: [--gpu-memory-utilization=0.42]}]}}
 * </pre>
 */
final class ColocatedServers {
  private static final String FLAG = VllmContainer.UTILIZATION;
  private static final long MIB = 1024L * 1024;
  /** A CUDA context, measured at about 527 MiB on an H100 (shared/reference/gpu-memory-measured.md). */
  static final long CONTEXT_BYTES = 512 * MIB;
  /** CUDA graphs outside the fraction before vLLM 0.21.0: 0.3 GiB, the low end of what start-up logs show. */
  static final long CUDA_GRAPH_BYTES = 3L * 1024 * MIB / 10;
  static final String FREE_MEMORY_REFUSAL = "Free memory on device cuda:0 (...) on startup is less than desired GPU"
      + " memory utilization (...). Decrease GPU memory utilization or reduce GPU memory used by other processes.";

  private ColocatedServers() {}

  /**
   * The servers of one shared device (a claim, or one request of it), whose fractions sum to
   * {@code sum} (at most 1.00), on a device of {@code memory} bytes when known.
   */
  static void check(String id, List<SharingBudgetRule.Contribution> servers, BigDecimal sum, OptionalLong memory,
      ValidationContext context, Findings findings) {
    int processes = servers.stream().mapToInt(SharingBudgetRule.Contribution::count).sum();
    if (processes < 2) {
      return;
    }
    if (checkColocation(id, servers, processes, findings)) {
      return;
    }
    checkMargin(id, servers, sum, processes, memory, findings);
    checkRace(id, servers, processes, context, findings);
  }

  private static boolean checkColocation(String id, List<SharingBudgetRule.Contribution> servers, int processes,
      Findings findings) {
    Set<String> releases = new LinkedHashSet<>();
    for (SharingBudgetRule.Contribution server : servers) {
      VllmProfile profile = server.container().profile();
      if (profile.countsOtherProcesses()) {
        releases.add(profile.toString());
      }
    }
    if (releases.isEmpty()) {
      return false;
    }
    findings.add(FindingCode.VLLM_COLOCATION_UNSUPPORTED, id,
        "expected vLLM releases that can share a GPU, found " + processes + " servers on " + id + " ("
            + describe(servers) + ") running " + String.join(", ", releases) + ", which counts the memory of every"
            + " process on the GPU as its own: the later server cannot start whatever the fractions",
        "use vLLM 0.6.5 to 0.7.x or 0.9.1 and later (0.6.4 and the V1 engine of 0.8.0 to 0.9.0 count other"
            + " processes, vLLM issues #10451 and #17979), or give each server its own GPU with a"
            + " ResourceClaimTemplate");
    return true;
  }

  private static void checkMargin(String id, List<SharingBudgetRule.Contribution> servers, BigDecimal sum,
      int processes, OptionalLong memory, Findings findings) {
    boolean refuses = servers.stream().anyMatch(s -> s.container().profile().checksFreeMemoryAtStartup());
    Severity severity = refuses ? Severity.ERROR : Severity.WARNING;
    String outcome = refuses
        ? "; vLLM refuses the later server: \"" + FREE_MEMORY_REFUSAL + "\""
        : "; this vLLM release does not check free memory at start-up (0.9.1 and later do), so the later server"
            + " starts and may run out of memory";
    if (memory.isEmpty()) {
      if (sum.compareTo(BigDecimal.ONE) >= 0) {
        findings.add(FindingCode.GPU_MEMORY_CONTEXT_MARGIN, severity, id,
            "expected the shares to leave room for the CUDA context each of the " + processes + " processes takes"
                + " outside its share (about 0.5 GiB), found " + MemoryEstimate.fraction(sum)
                + " of the GPU's memory requested: " + describe(servers) + outcome,
            "lower " + FLAG + " so that the shares sum to less than 1.00: two contexts take about 0.013 of an 80 GB"
                + " GPU and 0.026 of a 40 GB one");
      }
      return;
    }
    long total = memory.getAsLong();
    long contexts = (long) processes * CONTEXT_BYTES;
    long graphs = 0;
    int graphProcesses = 0;
    for (SharingBudgetRule.Contribution server : servers) {
      if (!server.container().profile().cudaGraphsInsideBudget()
          && server.container().args().last(Flag.ENFORCE_EAGER).isEmpty()) {
        graphs += server.count() * CUDA_GRAPH_BYTES;
        graphProcesses += server.count();
      }
    }
    BigDecimal shares = sum.multiply(BigDecimal.valueOf(total));
    BigDecimal needed = shares.add(BigDecimal.valueOf(contexts + graphs));
    if (needed.compareTo(BigDecimal.valueOf(total)) <= 0) {
      return;
    }
    BigDecimal highest = BigDecimal.valueOf(total - contexts - graphs)
        .divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
    String graphText = graphProcesses == 0 ? ""
        : " + " + graphProcesses + " x " + gib(CUDA_GRAPH_BYTES) + " GiB of CUDA graphs (outside the"
            + " share before vLLM 0.21.0)";
    findings.add(FindingCode.GPU_MEMORY_CONTEXT_MARGIN, severity, id,
        "expected the shares and what each vLLM process takes outside its share to fit the "
            + gib(total) + " GiB device, found " + MemoryEstimate.fraction(sum) + " of it requested ("
            + describe(servers) + ", " + gib(shares.longValue()) + " GiB) + " + processes + " x "
            + gib(CONTEXT_BYTES) + " GiB of CUDA context" + graphText + " = "
            + gib(needed.longValue()) + " GiB" + outcome,
        "lower " + FLAG + " so that the shares sum to at most " + highest.max(BigDecimal.ZERO).toPlainString()
            + (graphProcesses == 0 ? "" : ", or use vLLM 0.21.0 or later, which keeps CUDA graphs inside the share"));
  }

  private static void checkRace(String id, List<SharingBudgetRule.Contribution> servers, int processes,
      ValidationContext context, Findings findings) {
    if (servers.stream().allMatch(ColocatedServers::sizedWithoutProfiling)) {
      return;
    }
    String together = together(servers, workloads(context));
    if (together == null) {
      return;
    }
    VllmProfile oldest = servers.stream().map(s -> s.container().profile())
        .filter(p -> !p.kvCacheMemoryBytesFlag()).findFirst().orElse(null);
    String release = VllmProfile.kvCacheMemoryBytesRelease().toString();
    findings.add(FindingCode.VLLM_STARTUP_RACE, id,
        "expected co-located vLLM servers to start one after another, found " + processes + " servers on " + id
            + " that can start together (" + together + "); each profiles the device's memory while the other loads"
            + " and counts its growth as its own: \"No available memory for the cache blocks\" or \"Error in memory"
            + " profiling\" until a restart",
        "start them one after another: one StatefulSet with the default podManagementPolicy OrderedReady and a"
            + " readinessProbe on the vLLM container; or size each KV cache with --kv-cache-memory-bytes (vLLM "
            + release + " and later" + (oldest == null ? "" : ", not " + oldest) + "), which skips the profiling");
  }

  /** Whether the server sizes its KV cache without profiling the device's free memory. */
  private static boolean sizedWithoutProfiling(SharingBudgetRule.Contribution server) {
    return server.container().profile().kvCacheMemoryBytesFlag()
        && server.container().args().last(Flag.KV_CACHE_MEMORY_BYTES).flatMap(o -> o.value()).isPresent();
  }

  /** Why two of the servers can start at the same time, or null when they start one after another. */
  private static String together(List<SharingBudgetRule.Contribution> servers, Map<PodGroup, Workload> workloads) {
    Set<Workload> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Map<PodGroup, Integer> containersPerPod = new IdentityHashMap<>();
    for (SharingBudgetRule.Contribution server : servers) {
      distinct.add(workloads.get(server.pods()));
      containersPerPod.merge(server.pods(), 1, Integer::sum);
    }
    if (distinct.size() > 1) {
      List<String> ids = new ArrayList<>();
      distinct.forEach(w -> ids.add(w.id()));
      return String.join(" and ", ids.stream().sorted().toList()) + " start independently";
    }
    Workload workload = distinct.iterator().next();
    if (workload == null) {
      return null;
    }
    for (Map.Entry<PodGroup, Integer> entry : containersPerPod.entrySet()) {
      if (entry.getValue() > 1) {
        return entry.getKey().id() + " runs " + entry.getValue() + " vLLM containers in one pod";
      }
    }
    int pods = containersPerPod.keySet().stream().mapToInt(p -> p.count().known()).sum();
    if (workload.start() == Workload.Start.TOGETHER) {
      return workload.id() + " starts its " + pods + " pods at once"
          + ("StatefulSet".equals(workload.kind()) ? " (podManagementPolicy: Parallel)" : "");
    }
    boolean probed = servers.stream().allMatch(s -> s.container().container().getReadinessProbe() != null);
    if (!probed) {
      return workload.id() + " starts its pods in order, but without a readinessProbe on the vLLM container a pod"
          + " is ready as soon as it runs";
    }
    boolean oneAtATime = "StatefulSet".equals(workload.kind())
        || containersPerPod.keySet().stream().allMatch(p -> p.count().known() <= 1);
    return oneAtATime ? null : workload.id() + " starts the pods of its " + pods + " groups at once";
  }

  private static Map<PodGroup, Workload> workloads(ValidationContext context) {
    Map<PodGroup, Workload> byGroup = new IdentityHashMap<>();
    for (Workload workload : context.workloads()) {
      workload.podGroups().forEach(group -> byGroup.put(group, workload));
    }
    return byGroup;
  }

  /** GiB to one place, rounded half up: 0.98 x 40 GiB is 39.2 GiB. */
  private static String gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * MIB), 1, RoundingMode.HALF_UP).toPlainString();
  }

  private static String describe(List<SharingBudgetRule.Contribution> servers) {
    List<String> parts = new ArrayList<>();
    servers.forEach(server -> parts.add(server.describe(false)));
    return String.join(", ", parts);
  }
}
