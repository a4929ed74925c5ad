package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.gpushare.core.catalog.GpuProduct;
import io.gpushare.core.catalog.ModelInfo;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.kube.VllmArgs.Flag;
import io.gpushare.core.memory.MemoryEstimate;
import io.gpushare.core.memory.MemoryModel;
import io.gpushare.core.memory.ModelSpec;
import io.gpushare.core.memory.ServerSettings;
import io.gpushare.core.memory.VllmProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a vLLM server can start, by {@link MemoryModel}: the weights, activation peak and non-torch
 * memory (and, from vLLM 0.21.0, CUDA graphs) must leave room for KV cache blocks in its budget
 * ({@code --gpu-memory-utilization} x the claimed device's memory), and the KV cache must hold one
 * sequence of {@code --max-model-len} (given, or the model's {@code max_position_embeddings}); vLLM
 * refuses to start otherwise. The release comes from the image tag ({@link VllmProfile#ofImage}); before
 * 0.8.0 the activation peak is not modelled and left out, so a verdict there is still sound. Weights that
 * alone exceed the budget are {@link CapacityRule}'s finding, not repeated here. A catalog model known by
 * its size only is an INFO. A gated model (Llama, Gemma) loaded from the Hugging Face hub needs a token.
 */
final class VllmMemoryRule implements Rule {
  private static final Set<String> TOKEN_VARIABLES = Set.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");
  private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (PodGroup pods : context.podGroups()) {
      for (VllmContainer container : context.vllmContainers(pods)) {
        Optional<String> modelId = container.model();
        if (modelId.isEmpty()) {
          continue;
        }
        Optional<ModelInfo> model = context.catalog().model(modelId.get());
        if (model.isEmpty()) {
          continue;
        }
        String modelPath = container.args().last(Flag.MODEL).map(container::argPath).orElse(container.path());
        checkToken(container, model.get(), modelPath, findings);
        checkMemory(container, context, model.get(), modelPath, findings);
      }
    }
  }

  private static void checkToken(VllmContainer container, ModelInfo model, String path, Findings findings) {
    if (!model.gated() || !HUB_ID.matcher(model.id()).matches()) {
      return;
    }
    List<EnvVar> env = Nulls.list(container.container().getEnv());
    boolean token = env.stream().anyMatch(variable -> variable != null && TOKEN_VARIABLES.contains(variable.getName()));
    if (token || !Nulls.list(container.container().getEnvFrom()).isEmpty()) {
      return;
    }
    findings.add(FindingCode.HF_TOKEN_MISSING, path,
        "expected HF_TOKEN (or HUGGING_FACE_HUB_TOKEN) in the container's env, since " + model.id() + " is gated on"
            + " Hugging Face, found neither: the download is refused and vLLM does not start",
        "add env HF_TOKEN from a Secret (valueFrom.secretKeyRef) holding a token of an account that accepted the"
            + " model's license");
  }

  private static void checkMemory(VllmContainer container, ValidationContext context, ModelInfo model,
      String modelPath, Findings findings) {
    if (container.claims().size() != 1 || container.utilization().isEmpty()) {
      return;
    }
    VllmContainer.PodClaimUse use = container.claims().get(0);
    ClaimDevices devices = context.deviceClaims()
        .devicesReferencedBy(context.namespace(container.pods()), use.claimName(), use.templateName());
    OptionalLong memory = devices.cudaTotalBytes(use.request());
    OptionalInt tensor = container.intFlag(Flag.TENSOR_PARALLEL_SIZE, 1);
    OptionalInt pipeline = container.intFlag(Flag.PIPELINE_PARALLEL_SIZE, 1);
    if (memory.isEmpty() || tensor.isEmpty() || pipeline.isEmpty() || tensor.getAsInt() < 1
        || pipeline.getAsInt() < 1) {
      return;
    }
    BigDecimal utilization = container.utilization().get();
    // the weights alone are CapacityRule's finding, on the same budget: no case falls between the two rules
    BigDecimal weightBudget = CapacityRule.weightBudget(utilization, memory.getAsLong(),
        (long) tensor.getAsInt() * pipeline.getAsInt());
    if (BigDecimal.valueOf(model.weightBytes()).compareTo(weightBudget) > 0) {
      return;
    }
    Optional<ModelSpec> known = model.memorySpec();
    if (known.isEmpty()) {
      findings.add(FindingCode.MODEL_ARCHITECTURE_UNKNOWN, modelPath,
          "model '" + model.id() + "' is in the catalog by its size only, so whether its KV cache holds"
              + " --max-model-len was not checked",
          "give the model's architecture, vocabSize and maxPositionEmbeddings in a catalog file (from its"
              + " config.json)");
      return;
    }
    ModelSpec spec = known.get();
    VllmArgs args = container.args();
    // a sizing flag whose value only the running pod knows (a Secret, $(VAR)) leaves the estimate unknown
    if (Stream.of(Flag.MAX_MODEL_LEN, Flag.KV_CACHE_MEMORY_BYTES, Flag.KV_CACHE_DTYPE, Flag.CPU_OFFLOAD_GB,
        Flag.MAX_NUM_BATCHED_TOKENS).anyMatch(flag -> args.last(flag).filter(o -> o.value().isEmpty()).isPresent())) {
      return;
    }
    Optional<String> maxModelLenText = given(args, Flag.MAX_MODEL_LEN);
    ServerSettings server = ServerSettings.of(container.profile(), memory.getAsLong(),
            devices.product().map(GpuProduct::productName).orElse(""), utilization)
        .withParallelism(tensor.getAsInt(), pipeline.getAsInt())
        .withEnforceEager(args.last(Flag.ENFORCE_EAGER).isPresent());
    Optional<String> kvCacheDtype = given(args, Flag.KV_CACHE_DTYPE);
    if (kvCacheDtype.isPresent()) {
      if (!kvCacheDtype.get().equals("auto") && !kvCacheDtype.get().startsWith("fp8")) {
        return;
      }
      server = server.withKvCacheDtype(kvCacheDtype.get());
    }
    OptionalLong offload = whole(given(args, Flag.CPU_OFFLOAD_GB));
    if (offload.isPresent()) {
      server = server.withCpuOffloadBytes(offload.getAsLong() * 1_000_000_000L);
    }
    OptionalLong batched = whole(given(args, Flag.MAX_NUM_BATCHED_TOKENS));
    if (batched.isPresent() && batched.getAsLong() <= Integer.MAX_VALUE && batched.getAsLong() > 0) {
      server = server.withMaxNumBatchedTokens((int) batched.getAsLong());
    }
    OptionalLong kvBytes = whole(given(args, Flag.KV_CACHE_MEMORY_BYTES));
    if (kvBytes.isPresent() && kvBytes.getAsLong() > 0) {
      server = server.withKvCacheMemoryBytes(kvBytes.getAsLong());
      // whatever the length: the cache is allocated as given (the length only decides whether it holds one
      // sequence); a release without the flag refuses it, which VllmRule reports
      String kvPath = args.last(Flag.KV_CACHE_MEMORY_BYTES).map(container::argPath).orElse(modelPath);
      if (container.profile().kvCacheMemoryBytesFlag() && MemoryFindings.beyondTheDevice(findings, model.id(),
          devices.product().map(GpuProduct::productName).orElse("the claimed device"), server,
          MemoryModel.estimate(spec, server), kvPath)) {
        return;
      }
    }
    // no length when another flag source may set it; "auto" (-1) lets vLLM pick one that fits: never fails
    if (maxModelLenText.isEmpty() && !args.complete()
        || maxModelLenText.filter(text -> text.equals("auto") || text.equals("-1")).isPresent()) {
      return;
    }
    OptionalLong maxModelLen = whole(maxModelLenText);
    if (maxModelLen.isPresent() && maxModelLen.getAsLong() > 0 && maxModelLen.getAsLong() <= Integer.MAX_VALUE) {
      server = server.withMaxModelLen((int) maxModelLen.getAsLong());
    } else if (maxModelLenText.isPresent()) {
      return;
    }
    MemoryEstimate estimate = MemoryModel.estimate(spec, server);
    String device = devices.product().map(GpuProduct::productName).orElse("the claimed device");
    String lengthPath = args.last(Flag.MAX_MODEL_LEN).map(container::argPath).orElse(modelPath);
    MemoryFindings.report(findings, model.id(), device, server, estimate, Optional.empty(), modelPath, lengthPath);
  }

  /** The value of a flag's last occurrence, as written (trimmed; possibly empty). */
  private static Optional<String> given(VllmArgs args, Flag flag) {
    return args.last(flag).flatMap(VllmArgs.Option::value).map(String::trim);
  }

  private static OptionalLong whole(Optional<String> text) {
    return text.filter(value -> DIGITS.matcher(value).matches()).map(value -> OptionalLong.of(Long.parseLong(value)))
        .orElse(OptionalLong.empty());
  }
}
