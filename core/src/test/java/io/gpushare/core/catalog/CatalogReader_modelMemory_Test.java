package io.gpushare.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.memory.ModelArchitecture;
import io.gpushare.core.memory.ModelSpec;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The memory keys of a model in a catalog file, and in the built-in models.json. */
class CatalogReader_modelMemory_Test {
  private final CatalogReader reader = CatalogReader.standard();

  @Test
  void should_read_the_architecture_and_memory_keys_when_a_user_catalog_gives_them() {
    // GIVEN
    String yaml = """
        models:
        - id: acme/acme-chat-12b
          parameters: 12.2e9
          architecture: {layers: 48, kvHeads: 8, headDim: 256, localLayers: 40, window: 1024}
          vocabSize: 262208
          maxPositionEmbeddings: 131072
          dtype: float16
          moe: true
          gated: true
        - id: acme/acme-mla
          parameters: 16e9
          architecture: {layers: 27, kvLoraRank: 512, qkRopeHeadDim: 64}
        """;
    // WHEN
    Catalog catalog = reader.read(yaml, "acme.yaml");
    // THEN
    assertThat(catalog.models()).containsExactly(
        new ModelInfo("acme/acme-chat-12b", new BigDecimal("12.2"), 2, Optional.empty(),
            Optional.of(ModelArchitecture.gqa(48, 8, 256).withLocalAttention(40, 1024)), OptionalInt.of(262208),
            OptionalInt.of(131072), "float16", true, true),
        new ModelInfo("acme/acme-mla", new BigDecimal("16"), 2, Optional.empty(),
            Optional.of(ModelArchitecture.mla(27, 512, 64)), OptionalInt.empty(), OptionalInt.empty(), "bfloat16",
            false, false));
    assertThat(catalog.models().get(1).memorySpec()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "architecture: {layers: 48, kvHeads: 8}|acme.yaml:4: missing key 'headDim' in models[0].architecture",
      "architecture: {layers: 8, kvHeads: 8, headDim: 64, localLayers: 9, window: 4}|acme.yaml:4: expected"
          + " models[0].architecture.localLayers to be at most layers (8), found 9",
      "architecture: {layers: 0, kvHeads: 8, headDim: 64}|acme.yaml:4: expected models[0].architecture.layers to be"
          + " a whole number of at least 1, found 0",
      "dtype: int4|acme.yaml:4: expected models[0].dtype to be one of [bfloat16, float16, float32], found 'int4'",
      "gated: yes please|acme.yaml:4: expected models[0].gated to be true or false, found a string 'yes please'"})
  void should_name_the_key_when_a_memory_key_is_wrong(String line, String message) {
    // GIVEN
    String yaml = "models:\n- id: acme/x\n  parameters: 1e9\n  " + line + "\n";
    // WHEN read THEN
    assertThatThrownBy(() -> reader.read(yaml, "acme.yaml")).isInstanceOf(CatalogParseException.class)
        .hasMessage(message);
  }

  @Test
  void should_give_the_memory_spec_when_the_built_in_catalog_knows_llama_3_1_8b() {
    // GIVEN meta-llama/Llama-3.1-8B-Instruct's config.json: 32 layers, 8 KV heads x 128, vocab 128256, 131072
    // WHEN
    ModelInfo llama = Catalog.standard().model("meta-llama/Llama-3.1-8B-Instruct").orElseThrow();
    // THEN
    assertThat(llama.memorySpec()).contains(new ModelSpec(ModelArchitecture.gqa(32, 8, 128), 16_060_000_000L, 128256,
        131072, "bfloat16", false));
    assertThat(llama.gated()).isTrue();
    assertThat(llama.minimumVllm()).contains("0.5.3.post1");
  }

  @ParameterizedTest
  @CsvSource({"google/gemma-3-27b-it, true", "meta-llama/Llama-3.3-70B-Instruct, true", "Qwen/Qwen2.5-7B-Instruct, false",
      "RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic, false"})
  void should_mark_llama_and_gemma_gated_when_read_from_models_json(String id, boolean gated) {
    // GIVEN the built-in catalog WHEN a model is looked up THEN Llama and Gemma need a token, others not
    assertThat(Catalog.standard().model(id).orElseThrow().gated()).isEqualTo(gated);
  }

  @Test
  void should_know_every_built_in_models_architecture_when_loaded() {
    // GIVEN models.json WHEN loaded THEN every model has what the memory model needs
    assertThat(Catalog.standard().models()).hasSizeGreaterThanOrEqualTo(50)
        .allSatisfy(model -> assertThat(model.memorySpec()).as(model.id()).isPresent());
  }
}
