package io.gpushare.core.catalog;

import io.fabric8.kubernetes.api.model.Quantity;
import io.gpushare.core.memory.VllmVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The catalog a composed YAML document describes ({@link CatalogReader} documents the shape), read
 * field by field: a GPU or model in the file gets exactly the fields a built-in one has.
 */
final class CatalogYaml {
  private static final List<String> ROOT_KEYS = List.of("gpus", "models");
  private static final List<String> GPU_KEYS =
      List.of("productName", "productNames", "memory", "cudaTotal", "migProfiles");
  private static final List<String> MIG_PROFILE_KEYS = List.of("name", "memory", "cudaTotal");
  private static final List<String> MODEL_KEYS = Stream.concat(
      Stream.of("id", "parameters", "bytesPerParameter", "minimumVllm"), ModelYaml.KEYS.stream())
      .toList();
  private static final Set<Tag> NUMBER = Set.of(Tag.INT, Tag.FLOAT);
  private static final Set<Tag> STRING_OR_NUMBER = Set.of(Tag.STR, Tag.INT, Tag.FLOAT);
  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
  private static final Pattern MIG_PROFILE = Pattern.compile("[0-9]+g\\.[0-9]+gb(\\+[a-z0-9]+)*");
  private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);
  private static final BigDecimal PIB = BigDecimal.valueOf(1L << 50);
  private static final BigDecimal MIN_PARAMETERS = new BigDecimal("1e6");
  private static final BigDecimal MAX_PARAMETERS = new BigDecimal("1e15");

  private final String source;
  private int valuesLeft = CatalogReader.MAX_VALUES;

  CatalogYaml(String source) {
    this.source = source;
  }

  Catalog catalog(Node root) {
    if (root == null) {
      throw new CatalogParseException(source, 0, "expected a catalog (a mapping with gpus and models), found an"
          + " empty file");
    }
    CatalogFields fields = CatalogFields.of(root, "the catalog", source, ROOT_KEYS);
    List<GpuProduct> gpus = new ArrayList<>();
    Map<String, String> products = new HashMap<>();
    List<Node> gpuNodes = entries(fields, "gpus");
    for (int i = 0; i < gpuNodes.size(); i++) {
      GpuProduct gpu = gpu(gpuNodes.get(i), "gpus[" + i + "]");
      for (String name : gpu.productNames()) {
        String first = products.putIfAbsent(name, "gpus[" + i + "]");
        if (first != null) {
          throw error(gpuNodes.get(i), "product name '" + name + "' of gpus[" + i + "] is already " + first
              + "'s; one GPU per product name");
        }
      }
      gpus.add(gpu);
    }
    List<ModelInfo> models = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    List<Node> modelNodes = entries(fields, "models");
    for (int i = 0; i < modelNodes.size(); i++) {
      ModelInfo model = model(modelNodes.get(i), "models[" + i + "]");
      String first = ids.putIfAbsent(model.id(), "models[" + i + "]");
      if (first != null) {
        throw error(modelNodes.get(i), "model '" + model.id() + "' of models[" + i + "] is already " + first);
      }
      models.add(model);
    }
    return Catalog.of(gpus, models);
  }

  private List<Node> entries(CatalogFields fields, String key) {
    Optional<Node> value = fields.node(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      throw error(value.get(), "expected " + key + " to be a list, found " + CatalogFields.kind(value.get()));
    }
    spend(sequence);
    return sequence.getValue();
  }

  private GpuProduct gpu(Node node, String where) {
    CatalogFields fields = CatalogFields.of(node, where, source, GPU_KEYS);
    String productName = fields.string("productName");
    Set<String> names = new LinkedHashSet<>(List.of(productName));
    strings(fields, "productNames").forEach(name -> names.add(name.getValue()));
    long memoryMiB = memoryMiB(fields, "memory", true).orElseThrow();
    long cudaTotalMiB = cudaTotalMiB(fields, memoryMiB, GpuProduct.derivedCudaTotalMiB(memoryMiB));
    Set<String> seen = new LinkedHashSet<>();
    List<MigProfile> profiles = new ArrayList<>();
    for (Node entry : migProfileNodes(fields)) {
      MigProfile profile = migProfile(entry, where + ".migProfiles[" + profiles.size() + "]", where);
      if (profile.memoryMiB() > memoryMiB) {
        throw error(entry, "expected the memory of MIG profile '" + profile.name() + "' to be at most " + where
            + ".memory, found " + profile.memoryMiB() + " MiB > " + memoryMiB + " MiB");
      }
      if (!seen.add(profile.name())) {
        throw error(entry, "MIG profile '" + profile.name() + "' is twice in " + where + ".migProfiles");
      }
      profiles.add(profile);
    }
    return new GpuProduct(productName, List.copyOf(names), memoryMiB, cudaTotalMiB, profiles);
  }

  private List<Node> migProfileNodes(CatalogFields fields) {
    Optional<Node> value = fields.node("migProfiles");
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      throw error(value.get(), "expected " + fields.where() + ".migProfiles to be a list of MIG profile names (or"
          + " mappings with name, memory, cudaTotal), found " + CatalogFields.kind(value.get()));
    }
    spend(sequence);
    return sequence.getValue();
  }

  /** A profile name ({@code 3g.48gb}, its memory derived from the name) or {@code {name, memory, cudaTotal}}. */
  private MigProfile migProfile(Node entry, String where, String gpu) {
    if (entry instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
      return MigProfile.derived(profileName(scalar, gpu));
    }
    if (!(entry instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
      throw error(entry, "expected " + gpu + ".migProfiles to hold MIG profile names such as 3g.48gb (or mappings"
          + " with name, memory, cudaTotal), found " + CatalogFields.kind(entry));
    }
    CatalogFields fields = CatalogFields.of(entry, where, source, MIG_PROFILE_KEYS);
    String name = profileName(fields.required("name", Set.of(Tag.STR)), gpu);
    long memoryMiB = memoryMiB(fields, "memory", false).orElse(MigProfile.derivedMemoryMiB(name));
    return new MigProfile(name, memoryMiB, cudaTotalMiB(fields, memoryMiB, memoryMiB));
  }

  private String profileName(ScalarNode profile, String gpu) {
    if (!MIG_PROFILE.matcher(profile.getValue()).matches()) {
      throw error(profile, "expected " + gpu + ".migProfiles to hold MIG profile names such as 3g.48gb, found '"
          + profile.getValue() + "'");
    }
    return profile.getValue();
  }

  /** The optional {@code cudaTotal}: at most the memory; the fallback when absent. */
  private long cudaTotalMiB(CatalogFields fields, long memoryMiB, long fallback) {
    Optional<Long> cudaTotal = memoryMiB(fields, "cudaTotal", false);
    if (cudaTotal.isPresent() && cudaTotal.get() > memoryMiB) {
      throw error(fields.node("cudaTotal").orElseThrow(), "expected " + fields.where() + ".cudaTotal (what CUDA"
          + " reports) to be at most its memory, found " + cudaTotal.get() + " MiB > " + memoryMiB + " MiB");
    }
    return cudaTotal.orElse(fallback);
  }

  /** A memory quantity, in whole MiB (rounded down). */
  private Optional<Long> memoryMiB(CatalogFields fields, String key, boolean required) {
    Optional<ScalarNode> found = required ? Optional.of(fields.required(key, STRING_OR_NUMBER))
        : fields.scalar(key, STRING_OR_NUMBER);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ScalarNode memory = found.get();
    String expected = "expected " + fields.where() + "." + key + " to be a Kubernetes quantity such as 96Gi (Gi: 2^30"
        + " bytes, G: 10^9 bytes), found '" + memory.getValue() + "'";
    BigDecimal bytes;
    try {
      if (!QUANTITY.matcher(memory.getValue()).matches()) {
        throw error(memory, expected);
      }
      bytes = Quantity.getAmountInBytes(new Quantity(memory.getValue()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw error(memory, expected);
    }
    if (bytes.compareTo(MIB) < 0 || bytes.compareTo(PIB) > 0) {
      throw error(memory, "expected " + fields.where() + "." + key + " between 1Mi and 1Pi, found "
          + memory.getValue());
    }
    return Optional.of(bytes.divide(MIB, 0, RoundingMode.FLOOR).longValueExact());
  }

  private ModelInfo model(Node node, String where) {
    CatalogFields fields = CatalogFields.of(node, where, source, MODEL_KEYS);
    String id = fields.string("id");
    ScalarNode parameters = fields.required("parameters", NUMBER);
    BigDecimal count;
    try {
      count = new BigDecimal(parameters.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(parameters, "expected " + where + ".parameters to be a number of parameters such as 40.1e9, found '"
          + parameters.getValue() + "'");
    }
    if (count.compareTo(MIN_PARAMETERS) < 0 || count.compareTo(MAX_PARAMETERS) > 0) {
      throw error(parameters, "expected " + where + ".parameters to count the parameters (40.1e9 for 40.1 billion),"
          + " found " + parameters.getValue());
    }
    int bytesPerParameter = fields.scalar("bytesPerParameter", Set.of(Tag.INT))
        .map(scalar -> bytesPerParameter(scalar, where)).orElse(2);
    Optional<String> minimumVllm = fields.scalar("minimumVllm", STRING_OR_NUMBER).map(ScalarNode::getValue);
    if (minimumVllm.isPresent() && !isRelease(minimumVllm.get())) {
      throw error(fields.node("minimumVllm").orElseThrow(), "expected " + where + ".minimumVllm to be a vLLM release"
          + " such as 0.8.0 or 0.5.3.post1, found '" + minimumVllm.get() + "'");
    }
    return new ModelYaml(fields, source).read(new ModelInfo(id, count.movePointLeft(9), bytesPerParameter, minimumVllm));
  }

  /** A release as vLLM tags them ({@code 0.8.0}, {@code 0.5.3.post1}), without a build suffix ({@code -cu121}). */
  private static boolean isRelease(String text) {
    return text.indexOf('-') < 0 && text.indexOf('+') < 0 && VllmVersion.parse(text).isPresent();
  }

  private int bytesPerParameter(ScalarNode scalar, String where) {
    try {
      int value = Integer.parseInt(scalar.getValue().replace("_", ""));
      if (value >= 1 && value <= 8) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(scalar, "expected " + where + ".bytesPerParameter to be a whole number from 1 to 8 (2 for bfloat16),"
        + " found " + scalar.getValue());
  }

  private List<ScalarNode> strings(CatalogFields fields, String key) {
    fields.node(key).filter(SequenceNode.class::isInstance).ifPresent(list -> spend((SequenceNode) list));
    return fields.strings(key);
  }

  /** Counts list entries as they will be read, aliases expanded, so that an alias bomb stops here. */
  private void spend(SequenceNode sequence) {
    valuesLeft -= sequence.getValue().size();
    if (valuesLeft < 0) {
      throw error(sequence, "more than " + CatalogReader.MAX_VALUES + " list entries once aliases are expanded:"
          + " refusing what looks like an alias bomb");
    }
  }

  private CatalogParseException error(Node at, String problem) {
    return new CatalogParseException(source, at.getStartMark().getLine() + 1, problem);
  }
}
