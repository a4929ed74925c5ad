package io.gpushare.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GPU products and models: {@link #standard()}, the ones gpushare knows, loaded once from the JSON
 * resources beside this class ({@code gpus.json}, {@code models.json}), or any catalog of your own,
 * made with {@link #of} or read from YAML with {@link CatalogReader}, laid over it with
 * {@link #with}. Unknown products and models are answered with {@link Optional#empty()}: the
 * validator then says it could not check, and never guesses. A catalog is immutable.
 *
 * <pre>{@code
 * Catalog.standard().gpuByProductName("NVIDIA A100-SXM4-40GB"); // A100_40GB, 40960 MiB (CUDA: 40491), 7 MIG profiles
 * Catalog.standard().model("google/gemma-3-1b-it");            // 1.0 B parameters, vLLM >= 0.8.0
 * Catalog.standard().with(CatalogReader.standard().read(Path.of("gpus.yaml"))); // yours win on a clash
 * }</pre>
 */
public final class Catalog {
  private static final Catalog STANDARD = load();

  private final List<GpuProduct> gpus;
  private final List<ModelInfo> models;

  private Catalog(List<GpuProduct> gpus, List<ModelInfo> models) {
    this.gpus = List.copyOf(gpus);
    this.models = List.copyOf(models);
  }

  /** The GPUs and models gpushare ships with. */
  public static Catalog standard() {
    return STANDARD;
  }

  /** A catalog of exactly these GPUs and models, e.g. to lay over {@link #standard()} with {@link #with}. */
  public static Catalog of(List<GpuProduct> gpus, List<ModelInfo> models) {
    return new Catalog(gpus, models);
  }

  /**
   * This catalog with {@code overrides} laid over it, so that each product name and model id has one
   * entry: a GPU of {@code overrides} takes its product names from any GPU here, which keeps only its
   * other names (or is left out when none is left); a model of {@code overrides} replaces the model
   * here with the same id. The overrides come first in {@link #gpus()} and {@link #models()}.
   */
  public Catalog with(Catalog overrides) {
    Set<String> names = new HashSet<>();
    overrides.gpus.forEach(gpu -> names.addAll(gpu.productNames()));
    List<GpuProduct> mergedGpus = new ArrayList<>(overrides.gpus);
    for (GpuProduct gpu : gpus) {
      List<String> kept = gpu.productNames().stream().filter(name -> !names.contains(name)).toList();
      if (!kept.isEmpty()) {
        mergedGpus.add(new GpuProduct(gpu.id(), kept, gpu.memoryMiB(), gpu.cudaTotalMiB(), gpu.mig()));
      }
    }
    Set<String> modelIds = new HashSet<>();
    overrides.models.forEach(model -> modelIds.add(model.id()));
    List<ModelInfo> mergedModels = new ArrayList<>(overrides.models);
    models.stream().filter(model -> !modelIds.contains(model.id())).forEach(mergedModels::add);
    return new Catalog(mergedGpus, mergedModels);
  }

  public List<GpuProduct> gpus() {
    return gpus;
  }

  public List<ModelInfo> models() {
    return models;
  }

  public Optional<GpuProduct> gpu(String id) {
    return gpus.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  public Optional<GpuProduct> gpuByProductName(String productName) {
    return gpus.stream().filter(g -> g.productNames().contains(productName)).findFirst();
  }

  public Optional<ModelInfo> model(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private static Catalog load() {
    ObjectMapper mapper = new ObjectMapper();
    List<GpuProduct> gpus = new ArrayList<>();
    for (JsonNode gpu : read(mapper, "gpus.json").path("gpus")) {
      long memoryMiB = gpu.path("memoryMiB").asLong();
      gpus.add(new GpuProduct(
          gpu.path("id").asText(),
          strings(gpu.path("productNames")),
          memoryMiB,
          gpu.hasNonNull("cudaTotalMiB") ? gpu.get("cudaTotalMiB").asLong() : GpuProduct.derivedCudaTotalMiB(memoryMiB),
          migProfiles(gpu.path("migProfiles"))));
    }
    List<ModelInfo> models = new ArrayList<>();
    for (JsonNode model : read(mapper, "models.json").path("models")) {
      models.add(ModelJson.read(model));
    }
    return new Catalog(gpus, models);
  }

  private static JsonNode read(ObjectMapper mapper, String resource) {
    try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalog resource " + resource + " is missing from the classpath");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog resource " + resource, e);
    }
  }

  /** Each profile an object {name, memoryMiB, cudaTotalMiB}, or a name alone whose memory is derived. */
  private static List<MigProfile> migProfiles(JsonNode array) {
    List<MigProfile> profiles = new ArrayList<>();
    for (JsonNode profile : array) {
      profiles.add(profile.isTextual() ? MigProfile.derived(profile.asText())
          : new MigProfile(profile.path("name").asText(), profile.path("memoryMiB").asLong(),
              profile.path("cudaTotalMiB").asLong()));
    }
    return profiles;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
