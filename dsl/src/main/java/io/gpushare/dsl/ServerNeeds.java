package io.gpushare.dsl;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.ModelInfo;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.memory.MemoryPlan;
import io.gpushare.core.memory.MemoryPlanner;
import io.gpushare.core.memory.ModelSpec;
import io.gpushare.core.memory.ServerSettings;
import io.gpushare.core.memory.VllmProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a vLLM server needs instead of a fraction ({@link VllmOptions#needs}), and the flags that give it on
 * the claim's device:
 *
 * <pre>
 * needs(8192, 4) on an A100 40GB, vllm/vllm-openai:v0.19.0
 *   -&gt; --gpu-memory-utilization=0.53, --max-model-len=8192, --kv-cache-memory-bytes=4294967296
 * </pre>
 *
 * @param model the model's memory spec when given, else the catalog's
 * @param maxModelLen {@code --max-model-len}
 * @param sequences sequences of {@code maxModelLen} the KV cache holds at once
 */
record ServerNeeds(Optional<ModelSpec> model, int maxModelLen, int sequences) {

  /** The flags the needs give: the utilization, then the arguments written after the parallelism. */
  record Flags(BigDecimal utilization, List<String> args) {}

  ServerNeeds {
    if (maxModelLen < 1) {
      throw new IllegalArgumentException("needs(...) takes a maxModelLen of at least 1 token, found " + maxModelLen);
    }
    if (sequences < 1) {
      throw new IllegalArgumentException("needs(...) takes at least 1 concurrent sequence, found " + sequences);
    }
  }

  /**
   * The flags of the server {@code workload} ({@code Deployment[vllm]}) serving {@code modelId} from
   * {@code image} on {@code tensorParallelSize} devices of {@code device}.
   *
   * @throws IllegalStateException when the model or the device is not known, or nothing fits, saying why
   */
  Flags flags(String workload, String modelId, String image, int tensorParallelSize, Optional<DeviceMemory> device,
      Catalog catalog) {
    String call = workload + " needs(" + maxModelLen + ", " + sequences + ")";
    ModelSpec spec = model.or(() -> catalog.model(modelId).flatMap(ModelInfo::memorySpec))
        .orElseThrow(() -> new IllegalStateException(call + ": expected a model whose layers, KV heads and"
            + " vocabulary the catalog knows, found " + modelId + (catalog.model(modelId).isPresent()
            ? ", known by its size only" : ", which it does not know")
            + "; give them with needs(HfConfigReader.read(configJson).withWeights(bytes), " + maxModelLen + ", "
            + sequences + ")"));
    DeviceMemory memory = device.orElseThrow(() -> new IllegalStateException(call + ": expected the claim to say"
        + " its device, found no product, MIG slice or memory that gpushare can size; add onGpu(\"NVIDIA"
        + " A100-SXM4-40GB\"), a migSlice(...) or withMemoryAtLeast(\"40Gi\") before vllm(...)"));
    VllmProfile profile = VllmProfile.ofImage(image);
    ServerSettings server = ServerSettings.of(profile, memory.bytes(), memory.productName(), BigDecimal.ONE)
        .withMaxModelLen(maxModelLen)
        .withParallelism(tensorParallelSize, 1);
    MemoryPlan plan = MemoryPlanner.plan(spec, server, sequences);
    if (!plan.fits()) {
      throw new IllegalStateException(call + ": expected " + modelId + " to fit on " + memory.device() + " at some"
          + " --gpu-memory-utilization up to 1.00 (" + profile + "), found " + plan.reason().orElse("it does not")
          + "; lower the needs, or use a bigger device or more tensor-parallel GPUs");
    }
    List<String> args = new ArrayList<>();
    args.add(VllmArgs.Flag.MAX_MODEL_LEN.write(maxModelLen));
    // only where the image names a release that has the flag (VllmProfile); older releases get the utilization
    if (profile.known() && profile.kvCacheMemoryBytesFlag()) {
      args.add(VllmArgs.Flag.KV_CACHE_MEMORY_BYTES.write(plan.kvCacheMemoryBytes()));
    }
    return new Flags(plan.utilization().get(), args);
  }
}
