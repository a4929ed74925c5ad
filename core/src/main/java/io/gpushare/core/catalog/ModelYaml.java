package io.gpushare.core.catalog;

import io.gpushare.core.memory.ModelArchitecture;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The memory keys of a model in a catalog file ({@link CatalogReader} shows them), read from its
 * fields: {@code architecture}, {@code vocabSize}, {@code maxPositionEmbeddings}, {@code dtype},
 * {@code moe}, {@code gated}.
 */
final class ModelYaml {
  static final List<String> KEYS = List.of("architecture", "vocabSize", "maxPositionEmbeddings", "dtype", "moe",
      "gated");
  private static final List<String> ARCHITECTURE_KEYS = List.of("layers", "kvHeads", "headDim", "kvLoraRank",
      "qkRopeHeadDim", "localLayers", "window");
  private static final List<String> DTYPES = List.of("bfloat16", "float16", "float32");

  private final CatalogFields fields;
  private final String source;

  ModelYaml(CatalogFields fields, String source) {
    this.fields = fields;
    this.source = source;
  }

  /** {@code base} with the memory keys {@code fields} give. */
  ModelInfo read(ModelInfo base) {
    Optional<ModelArchitecture> architecture = fields.node("architecture").map(this::architecture);
    Optional<ScalarNode> dtype = fields.scalar("dtype", Set.of(Tag.STR));
    if (dtype.isPresent() && !DTYPES.contains(dtype.get().getValue())) {
      throw fields.error(dtype.get(), "expected " + fields.where() + ".dtype to be one of " + DTYPES + ", found '"
          + dtype.get().getValue() + "'");
    }
    return new ModelInfo(base.id(), base.parametersBillions(), base.bytesPerParameter(), base.minimumVllm(),
        architecture, positive(fields, "vocabSize"), positive(fields, "maxPositionEmbeddings"),
        dtype.map(ScalarNode::getValue).orElse("bfloat16"), bool("moe"), bool("gated"));
  }

  private ModelArchitecture architecture(Node node) {
    CatalogFields shape = CatalogFields.of(node, fields.where() + ".architecture", source, ARCHITECTURE_KEYS);
    int layers = required(shape, "layers");
    ModelArchitecture architecture;
    if (shape.node("kvLoraRank").isPresent()) {
      architecture = ModelArchitecture.mla(layers, required(shape, "kvLoraRank"), required(shape, "qkRopeHeadDim"));
    } else {
      architecture = ModelArchitecture.gqa(layers, required(shape, "kvHeads"), required(shape, "headDim"));
    }
    OptionalInt local = positive(shape, "localLayers");
    if (local.isEmpty()) {
      return architecture;
    }
    if (local.getAsInt() > layers) {
      throw shape.error(shape.node("localLayers").orElseThrow(), "expected " + shape.where() + ".localLayers to be"
          + " at most layers (" + layers + "), found " + local.getAsInt());
    }
    return architecture.withLocalAttention(local.getAsInt(), required(shape, "window"));
  }

  private static int required(CatalogFields fields, String key) {
    fields.required(key, Set.of(Tag.INT));
    return positive(fields, key).getAsInt();
  }

  private static OptionalInt positive(CatalogFields fields, String key) {
    Optional<ScalarNode> scalar = fields.scalar(key, Set.of(Tag.INT));
    if (scalar.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int value = Integer.parseInt(scalar.get().getValue().replace("_", ""));
      if (value >= 1) {
        return OptionalInt.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw fields.error(scalar.get(), "expected " + fields.where() + "." + key + " to be a whole number of at least 1,"
        + " found " + scalar.get().getValue());
  }

  private boolean bool(String key) {
    Optional<Node> value = fields.node(key);
    if (value.isEmpty()) {
      return false;
    }
    if (!(value.get() instanceof ScalarNode scalar) || !Tag.BOOL.equals(scalar.getTag())) {
      throw fields.error(value.get(), "expected " + fields.where() + "." + key + " to be true or false, found "
          + CatalogFields.kind(value.get()));
    }
    return Boolean.parseBoolean(scalar.getValue());
  }
}
