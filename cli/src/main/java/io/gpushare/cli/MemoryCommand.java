package io.gpushare.cli;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.GpuProduct;
import io.gpushare.core.catalog.ModelInfo;
import io.gpushare.core.memory.HfConfig;
import io.gpushare.core.memory.HfConfigException;
import io.gpushare.core.memory.HfConfigReader;
import io.gpushare.core.memory.KvCache;
import io.gpushare.core.memory.MemoryEstimate;
import io.gpushare.core.memory.MemoryModel;
import io.gpushare.core.memory.MemoryPlan;
import io.gpushare.core.memory.MemoryPlanner;
import io.gpushare.core.memory.ModelSpec;
import io.gpushare.core.memory.ServerSettings;
import io.gpushare.core.memory.VllmProfile;
import io.gpushare.core.memory.VllmVersion;
import io.gpushare.core.model.Quantities;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gpushare memory}: what one GPU of a vLLM server holds at start-up, term by term, as vLLM
 * computes it ({@link MemoryModel}), and whether {@code --max-model-len} fits its KV cache; without
 * {@code --gpu-memory-utilization}, the smallest one that fits ({@link MemoryPlanner}).
 *
 * <pre>
 * $ gpushare memory --model meta-llama/Llama-3.1-8B-Instruct --gpu "NVIDIA A100-SXM4-40GB" \
 *     --gpu-memory-utilization 0.42 --vllm-version 0.19.0
 * vLLM 0.19.0 on NVIDIA A100-SXM4-40GB (40.00 GiB), --gpu-memory-utilization 0.42 = 16.80 GiB
 * term            GiB  how
 * weights       14.96  8.03 B parameters x 2 B
 * ...
 * ERROR MODEL_DOES_NOT_FIT --gpu-memory-utilization: ...
 * does not fit: ...
 * </pre>
 *
 * Exit 0 when it fits, 1 when it does not, 2 on bad input (an unknown model or GPU, an unreadable
 * {@code config.json}, a flag out of range), with one line on stderr and no stack trace.
 */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "vLLM's start-up memory on one GPU, term by term, and whether --max-model-len fits its KV cache;"
          + " without --gpu-memory-utilization, the smallest utilization that fits.",
      "Exit 0: it fits; 1: it does not; 2: bad input (unknown model or GPU, unreadable config.json)."
    })
public final class MemoryCommand implements Callable<Integer> {
  static final int EXIT_DOES_NOT_FIT = 1;
  static final int EXIT_BAD_INPUT = 2;

  /** Output formats. */
  enum Format { text, json }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "ID",
      description = "The Hugging Face model id, e.g. meta-llama/Llama-3.1-8B-Instruct.")
  String model;

  @Option(names = "--model-config", paramLabel = "FILE",
      description = "The model's Hugging Face config.json, for a model the catalog does not know (or to override"
          + " its architecture).")
  Path modelConfig;

  @Option(names = "--parameters-billions", paramLabel = "B",
      description = "Parameters of a model the catalog does not know, in billions (config.json does not say).")
  BigDecimal parametersBillions;

  @Option(names = "--bytes-per-parameter", paramLabel = "N",
      description = "Bytes per parameter of such a model's checkpoint: 2 for bfloat16 (default), 1 for fp8, 0.5 for"
          + " 4-bit.")
  BigDecimal bytesPerParameter;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Device device;

  /** Which GPU: a catalog entry or a memory size. */
  static final class Device {
    @Option(names = "--gpu", required = true, paramLabel = "PRODUCT",
        description = "A GPU of the catalog: its id (A100_40GB) or product name (\"NVIDIA A100-SXM4-40GB\").")
    String product;

    @Option(names = "--gpu-memory", required = true, paramLabel = "QUANTITY",
        description = "The device's memory as CUDA reports it, a Kubernetes quantity (79.19Gi).")
    String memory;
  }

  @Option(names = "--gpu-memory-utilization", paramLabel = "FRACTION",
      description = "vLLM's --gpu-memory-utilization, in (0, 1]; without it, the smallest that fits is printed.")
  BigDecimal utilization;

  @Option(names = "--max-model-len", paramLabel = "N",
      description = "vLLM's --max-model-len; default: the model's max_position_embeddings.")
  Integer maxModelLen;

  @Option(names = {"--tensor-parallel-size", "-tp"}, defaultValue = "1", paramLabel = "N",
      description = "vLLM's --tensor-parallel-size (default 1).")
  int tensorParallelSize;

  @Option(names = "--vllm-version", paramLabel = "VERSION",
      description = "The vLLM release, e.g. 0.19.0 or v0.5.3.post1; default: the newest behaviour gpushare knows.")
  String vllmVersion;

  @Option(names = "--kv-cache-dtype", defaultValue = "auto", paramLabel = "DTYPE",
      description = "vLLM's --kv-cache-dtype: auto (the model's dtype) or fp8.")
  String kvCacheDtype;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
  Format format;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "A YAML catalog of your GPUs and models, laid over the built-in one; repeatable, later files win.")
  List<Path> catalogs = new ArrayList<>();

  /** Input the command cannot work with; its message is printed as it is. */
  static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Catalog> catalog = Catalogs.read(catalogs, err);
    if (catalog.isEmpty()) {
      return EXIT_BAD_INPUT;
    }
    MemoryReport report;
    try {
      report = report(catalog.get());
    } catch (BadInput | HfConfigException e) {
      err.println("gpushare: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? report.toJson() : report.toText());
    out.flush();
    return report.fits() ? CommandLine.ExitCode.OK : EXIT_DOES_NOT_FIT;
  }

  private MemoryReport report(Catalog catalog) {
    Gpu gpu = gpu(catalog);
    Model spec = model(catalog);
    VllmProfile profile = profile();
    if (tensorParallelSize < 1) {
      throw new BadInput("--tensor-parallel-size: expected a whole number of at least 1, found " + tensorParallelSize);
    }
    if (maxModelLen != null && maxModelLen < 1) {
      throw new BadInput("--max-model-len: expected a whole number of at least 1, found " + maxModelLen);
    }
    try {
      KvCache.dtypeBytes(kvCacheDtype, spec.spec().dtype());
    } catch (IllegalArgumentException e) {
      throw new BadInput("--kv-cache-dtype: expected auto or fp8, found '" + kvCacheDtype + "'");
    }
    if (utilization != null && (utilization.signum() <= 0 || utilization.compareTo(BigDecimal.ONE) > 0)) {
      throw new BadInput("--gpu-memory-utilization: expected a fraction in (0, 1], found "
          + utilization.toPlainString());
    }
    ServerSettings server = ServerSettings.of(profile, gpu.bytes(), gpu.name(),
        utilization == null ? BigDecimal.ONE : utilization)
        .withParallelism(tensorParallelSize, 1).withKvCacheDtype(kvCacheDtype);
    if (maxModelLen != null) {
      server = server.withMaxModelLen(maxModelLen);
    }
    if (utilization != null) {
      return MemoryReport.of(spec, gpu.name(), server, MemoryModel.estimate(spec.spec(), server), Optional.empty());
    }
    MemoryPlan plan = MemoryPlanner.plan(spec.spec(), server, 1);
    ServerSettings used = server.withUtilization(plan.utilization().orElse(BigDecimal.ONE));
    return MemoryReport.of(spec, gpu.name(), used, plan.estimate(), Optional.of(plan));
  }

  /** The device: its name in the report and the memory CUDA sees. */
  record Gpu(String name, long bytes) {}

  /** The model's spec and how its weights were counted. */
  record Model(String id, ModelSpec spec, String weightsHow) {}

  private Gpu gpu(Catalog catalog) {
    if (device.memory != null) {
      Optional<BigDecimal> bytes = Quantities.bytes(device.memory);
      if (bytes.isEmpty() || bytes.get().compareTo(BigDecimal.ONE) < 0) {
        throw new BadInput("--gpu-memory: expected a Kubernetes quantity such as 79.19Gi, found '" + device.memory
            + "'");
      }
      return new Gpu(device.memory, bytes.get().setScale(0, RoundingMode.FLOOR).longValueExact());
    }
    Optional<GpuProduct> product = catalog.gpu(device.product)
        .or(() -> catalog.gpuByProductName(device.product))
        .or(() -> catalog.gpus().stream().filter(g -> g.id().equalsIgnoreCase(device.product)).findFirst());
    if (product.isEmpty()) {
      throw new BadInput("--gpu: expected a GPU of the catalog (" + String.join(", ",
          catalog.gpus().stream().map(GpuProduct::id).toList()) + ", or a product name), found '" + device.product
          + "'; give --gpu-memory with the memory CUDA reports, or describe the GPU in a --catalog file");
    }
    // the total CUDA reports, which the utilization multiplies (H100 80GB: 79.19 of the 79.65 GiB published)
    return new Gpu(product.get().productName(), product.get().cudaTotalBytes());
  }

  private Model model(Catalog catalog) {
    Optional<ModelInfo> info = catalog.model(model);
    if (modelConfig != null) {
      HfConfig config = HfConfigReader.read(modelConfig);
      if (info.isPresent() && parametersBillions == null) {
        return new Model(model, config.withWeights(info.get().weightBytes()), weightsHow(info.get()
            .parametersBillions(), BigDecimal.valueOf(info.get().bytesPerParameter())));
      }
      if (parametersBillions == null || parametersBillions.signum() <= 0) {
        throw new BadInput("--parameters-billions: expected the size of " + model + " (config.json does not say it,"
            + " and the catalog does not know the model), found " + (parametersBillions == null ? "none"
            : parametersBillions.toPlainString()));
      }
      BigDecimal bytes = bytesPerParameter != null ? bytesPerParameter : bytesPerParameter(config);
      long weights = parametersBillions.multiply(BigDecimal.valueOf(1_000_000_000L)).multiply(bytes)
          .setScale(0, RoundingMode.CEILING).longValueExact();
      return new Model(model, config.withWeights(weights), weightsHow(parametersBillions, bytes));
    }
    if (info.isEmpty()) {
      throw new BadInput("--model: expected a model of the catalog, found '" + model + "'; give its config.json"
          + " with --model-config FILE and its size with --parameters-billions, or describe it in a --catalog file");
    }
    Optional<ModelSpec> memory = info.get().memorySpec();
    if (memory.isEmpty()) {
      throw new BadInput("--model: the catalog knows " + model + " by its size only (no layers, KV heads, vocabulary"
          + " or context length); give its config.json with --model-config FILE");
    }
    return new Model(model, memory.get(), weightsHow(info.get().parametersBillions(),
        BigDecimal.valueOf(info.get().bytesPerParameter())));
  }

  /** The checkpoint's bytes per parameter from config.json's quantization: fp8 1, 4-bit 0.5, else the dtype's 2. */
  private static BigDecimal bytesPerParameter(HfConfig config) {
    return switch (config.quantization().orElse("").toLowerCase(Locale.ROOT)) {
      case "fp8" -> BigDecimal.ONE;
      case "awq", "gptq", "mxfp4", "bitsandbytes" -> new BigDecimal("0.5");
      default -> BigDecimal.valueOf(2);
    };
  }

  private static String weightsHow(BigDecimal billions, BigDecimal bytes) {
    return billions.stripTrailingZeros().toPlainString() + " B parameters x " + bytes.stripTrailingZeros()
        .toPlainString() + " B";
  }

  private VllmProfile profile() {
    if (vllmVersion == null) {
      return VllmProfile.unknown();
    }
    return VllmVersion.parse(vllmVersion).map(VllmProfile::of).orElseThrow(() -> new BadInput(
        "--vllm-version: expected a vLLM release such as 0.19.0 or v0.5.3.post1, found '" + vllmVersion + "'"));
  }
}
