package io.gpushare.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpushare.core.memory.ModelArchitecture;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/** One model of the built-in {@code models.json}, as {@link ModelInfo} documents it. */
final class ModelJson {

  private ModelJson() {}

  static ModelInfo read(JsonNode model) {
    return new ModelInfo(
        model.path("id").asText(),
        new BigDecimal(model.path("parametersBillions").asText()),
        model.path("bytesPerParameter").asInt(),
        model.hasNonNull("minimumVllm") ? Optional.of(model.get("minimumVllm").asText()) : Optional.empty(),
        architecture(model.path("architecture")),
        optionalInt(model, "vocabSize"),
        optionalInt(model, "maxPositionEmbeddings"),
        model.hasNonNull("dtype") ? model.get("dtype").asText() : "bfloat16",
        model.path("moe").asBoolean(false),
        model.path("gated").asBoolean(false));
  }

  private static Optional<ModelArchitecture> architecture(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    int layers = node.path("layers").asInt();
    ModelArchitecture architecture = node.has("kvLoraRank")
        ? ModelArchitecture.mla(layers, node.path("kvLoraRank").asInt(), node.path("qkRopeHeadDim").asInt())
        : ModelArchitecture.gqa(layers, node.path("kvHeads").asInt(), node.path("headDim").asInt());
    return Optional.of(node.has("localLayers")
        ? architecture.withLocalAttention(node.path("localLayers").asInt(), node.path("window").asInt())
        : architecture);
  }

  private static OptionalInt optionalInt(JsonNode model, String key) {
    return model.hasNonNull(key) ? OptionalInt.of(model.get(key).asInt()) : OptionalInt.empty();
  }
}
