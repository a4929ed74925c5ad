package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Quantity;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.kube.VllmArgs.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * vLLM's parallelism against the devices a container gets, from its claims and from device-plugin
 * limits ({@code nvidia.com/gpu: 2}, {@code nvidia.com/mig-3g.40gb: 1}).
 *
 * <p>vLLM runs {@code data parallel (local) x tensor parallel x pipeline parallel} workers on a node,
 * one device each (vLLM {@code gpu_worker.py}: device index {@code dp_local_rank x tp_pp_world_size +
 * local_rank}); the local data-parallel size is {@code --data-parallel-size-local}, else 1 with
 * {@code --data-parallel-rank} (one rank per pod behind an external load balancer), else
 * {@code --data-parallel-size} ({@code vllm/engine/arg_utils.py}). Fewer devices than workers: vLLM
 * cannot start (ERROR); more: it starts and leaves the rest idle (WARNING). A pod of a multi-node
 * server (a LeaderWorkerSet, {@code --nnodes}, {@code --headless}, a Ray cluster) uses devices of
 * other pods too, so only the idle case is reported for it.
 *
 * <p>A CUDA process enumerates one MIG device at most (NVIDIA MIG user guide, on device
 * enumeration, as quoted in pytorch/pytorch#130181; vllm-project/vllm#7211): tensor or pipeline
 * parallelism over MIG slices cannot start ({@code VLLM_PARALLEL_ACROSS_MIG}).
 */
final class VllmParallelismRule implements Rule {
  static final String GPU_RESOURCE = "nvidia.com/gpu";
  static final String MIG_RESOURCE_PREFIX = "nvidia.com/mig-";
  private static final String LWS_LABEL = LeaderWorkerSets.NAME_LABEL;

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (PodGroup pods : context.podGroups()) {
      for (VllmContainer container : context.vllmContainers(pods)) {
        check(container, context, findings);
      }
    }
  }

  /** The devices a container gets, and whether they are MIG slices. */
  private record Devices(long count, boolean known, boolean mig, String source) {}

  private static void check(VllmContainer container, ValidationContext context, Findings findings) {
    Optional<Devices> found = devices(container, context);
    if (found.isEmpty()) {
      return;
    }
    Devices devices = found.get();
    OptionalInt tensor = container.intFlag(Flag.TENSOR_PARALLEL_SIZE, 1);
    OptionalInt pipeline = container.intFlag(Flag.PIPELINE_PARALLEL_SIZE, 1);
    if (tensor.isEmpty() || pipeline.isEmpty()) {
      return; // set by what only the running pod knows
    }
    long tp = tensor.getAsInt();
    long pp = pipeline.getAsInt();
    String path = flagPath(container, Flag.TENSOR_PARALLEL_SIZE, Flag.PIPELINE_PARALLEL_SIZE);
    if (devices.mig() && tp * pp > 1) {
      findings.add(FindingCode.VLLM_PARALLEL_ACROSS_MIG, path,
          "expected " + Flag.TENSOR_PARALLEL_SIZE.wireName() + " x " + Flag.PIPELINE_PARALLEL_SIZE.wireName()
              + " of 1 on MIG slices (a CUDA process sees one MIG device), found " + tp + " x " + pp + " on the MIG"
              + " slices " + devices.source() + " give" + (devices.source().endsWith("limit") ? "s" : "") + " it",
          "serve from one slice with " + Flag.TENSOR_PARALLEL_SIZE.write(1) + " (a larger profile if the model needs"
              + " it), or claim whole GPUs (deviceClassName: gpu.nvidia.com) for tensor parallelism");
      return;
    }
    if (!devices.known()) {
      return;
    }
    Optional<LocalDataParallel> dataParallel = localDataParallel(container);
    if (dataParallel.isEmpty()) {
      return;
    }
    long dp = dataParallel.get().size();
    long used = dp * tp * pp;
    long count = devices.count();
    if (used == count || (used > count && multiNode(container))) {
      return;
    }
    String flags = (dp > 1 ? dataParallel.get().flag() + " x " : "") + Flag.TENSOR_PARALLEL_SIZE.wireName() + " x "
        + Flag.PIPELINE_PARALLEL_SIZE.wireName();
    String product = (dp > 1 ? dp + " x " : "") + tp + " x " + pp;
    String verb = devices.source().endsWith("limit") ? " gives" : " give";
    String message = "expected " + flags + " to equal the " + count + " device" + (count == 1 ? "" : "s") + " "
        + devices.source() + verb + " it, found " + product;
    long suggested = count % (dp * pp) == 0 && count / (dp * pp) > 0 ? count / (dp * pp) : count;
    String change = devices.source().contains("claims") ? "the request's count" : "the limit";
    if (used > count) {
      findings.add(FindingCode.VLLM_PARALLELISM_MISMATCH, dp > 1 && tp == 1 ? dataParallel.get().path() : path,
          message, "set " + Flag.TENSOR_PARALLEL_SIZE.write(suggested) + ", or change " + change
              + "; vLLM cannot start with fewer devices than its " + used + " workers");
    } else {
      findings.add(FindingCode.VLLM_PARALLELISM_MISMATCH, Severity.WARNING,
          dp > 1 && tp == 1 ? dataParallel.get().path() : path, message,
          "vLLM uses " + used + " of the " + count + " devices and the rest sit idle: set "
              + Flag.TENSOR_PARALLEL_SIZE.write(suggested) + ", or change " + change);
    }
  }

  /** The local data-parallel size and the flag that sets it. */
  private record LocalDataParallel(long size, String flag, String path) {}

  private static Optional<LocalDataParallel> localDataParallel(VllmContainer container) {
    VllmArgs args = container.args();
    Optional<VllmArgs.Option> local = args.last(Flag.DATA_PARALLEL_SIZE_LOCAL);
    if (local.isPresent()) {
      OptionalInt size = container.intFlag(Flag.DATA_PARALLEL_SIZE_LOCAL, 1);
      return size.isEmpty() ? Optional.empty() : Optional.of(new LocalDataParallel(size.getAsInt(),
          Flag.DATA_PARALLEL_SIZE_LOCAL.wireName(), container.argPath(local.get())));
    }
    if (args.last(Flag.DATA_PARALLEL_RANK).isPresent() || args.last(Flag.DATA_PARALLEL_EXTERNAL_LB).isPresent()) {
      return Optional.of(new LocalDataParallel(1, Flag.DATA_PARALLEL_SIZE.wireName(), container.path() + ".args"));
    }
    OptionalInt size = container.intFlag(Flag.DATA_PARALLEL_SIZE, 1);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    String path = args.last(Flag.DATA_PARALLEL_SIZE).map(container::argPath).orElse(container.path() + ".args");
    return Optional.of(new LocalDataParallel(size.getAsInt(), Flag.DATA_PARALLEL_SIZE.wireName(), path));
  }

  /**
   * How many of the server's workers run in this container: one when it spans pods with one device
   * here (its workers talk over the network), else at least two when tensor parallelism is on.
   */
  static boolean singleLocalWorker(VllmContainer container, ValidationContext context) {
    return multiNode(container) && devices(container, context).filter(Devices::known)
        .map(devices -> devices.count() <= 1).orElse(false);
  }

  /** Whether the server spans pods: its workers on other pods' devices. */
  private static boolean multiNode(VllmContainer container) {
    if (container.pods().labels().containsKey(LWS_LABEL)) {
      return true;
    }
    VllmArgs args = container.args();
    // a value only the running pod knows ("") counts as several nodes: the quieter verdict
    return args.last(Flag.HEADLESS).isPresent()
        || args.last(Flag.NNODES).filter(nodes -> !nodes.value().orElse("").equals("1")).isPresent()
        || args.value(Flag.DISTRIBUTED_EXECUTOR_BACKEND).filter("ray"::equals).isPresent();
  }

  private static String flagPath(VllmContainer container, Flag... flags) {
    for (Flag flag : flags) {
      Optional<VllmArgs.Option> option = container.args().last(flag);
      if (option.isPresent()) {
        return container.argPath(option.get());
      }
    }
    return container.path() + ".args";
  }

  /**
   * The devices of the container's claims and device-plugin limits; empty when it has neither. The
   * count is unknown when a claim is not in the set or gives a number of devices only the allocation
   * knows; whether they are MIG slices is known as far as the claims and resource names say.
   */
  private static Optional<Devices> devices(VllmContainer container, ValidationContext context) {
    long count = 0;
    boolean known = true;
    boolean mig = false;
    List<String> sources = new ArrayList<>();
    if (!container.claims().isEmpty()) {
      sources.add("the container's claims");
    }
    String namespace = context.namespace(container.pods());
    for (VllmContainer.PodClaimUse use : container.claims()) {
      ClaimDevices claimed = context.deviceClaims().devicesReferencedBy(namespace, use.claimName(), use.templateName());
      OptionalLong n = use.request() == null ? claimed.deviceCount() : claimed.deviceCount(use.request());
      if (n.isEmpty() || context.deviceClaims().referencedBy(namespace, use.claimName(), use.templateName()).isEmpty()) {
        known = false;
      } else {
        count += n.getAsLong();
      }
      mig |= claimed.migSlices(use.request());
    }
    Map<String, Long> plugin = pluginDevices(container);
    if (plugin == null) {
      known = false;
    } else {
      for (Map.Entry<String, Long> resource : plugin.entrySet()) {
        count += resource.getValue();
        mig |= resource.getKey().startsWith(MIG_RESOURCE_PREFIX);
      }
      if (!plugin.isEmpty()) {
        String names = String.join(" and ", plugin.keySet()) + " limit";
        sources.add(sources.isEmpty() ? "its " + names : names);
      }
    }
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Devices(count, known, mig, String.join(" and ", sources)));
  }

  /**
   * The container's {@code nvidia.com/gpu} and {@code nvidia.com/mig-*} limits (requests when it has
   * no limit), by name; null when one is not a whole number.
   */
  private static Map<String, Long> pluginDevices(VllmContainer container) {
    Map<String, Long> devices = new TreeMap<>();
    var resources = container.container().getResources();
    if (resources == null) {
      return devices;
    }
    Map<String, Quantity> limits = resources.getLimits() == null || resources.getLimits().isEmpty()
        ? resources.getRequests() : resources.getLimits();
    if (limits == null) {
      return devices;
    }
    for (Map.Entry<String, Quantity> limit : limits.entrySet()) {
      String name = limit.getKey();
      if (name == null || !(name.equals(GPU_RESOURCE) || name.startsWith(MIG_RESOURCE_PREFIX))) {
        continue;
      }
      Quantity quantity = limit.getValue();
      String amount = quantity == null ? null : quantity.getAmount();
      boolean plain = quantity != null && (quantity.getFormat() == null || quantity.getFormat().isEmpty());
      OptionalInt value = amount == null || !plain ? OptionalInt.empty()
          : io.gpushare.core.model.Quantities.smallInt(amount);
      if (value.isEmpty() || value.getAsInt() < 0) {
        return null;
      }
      devices.put(name, (long) value.getAsInt());
    }
    return devices;
  }
}
