package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link HfConfigReader} on the keys of real {@code config.json} files (abridged to the keys read):
 * meta-llama/Llama-3.1-8B-Instruct, google/gemma-3-27b-it (text_config, sliding_window_pattern 6),
 * deepseek-ai/DeepSeek-V2-Lite-Chat (MLA, 64 routed experts), openai/gpt-oss-20b (layer_types, mxfp4),
 * google/gemma-2-9b-it (alternating local layers).
 */
class HfConfigReader_read_Test {

  private static HfConfig read(String json) {
    return HfConfigReader.read(json.getBytes(StandardCharsets.UTF_8), "config.json");
  }

  @Test
  void should_read_a_dense_gqa_model_when_given_llama_3_1_8b() {
    // GIVEN
    String json = """
        {"architectures": ["LlamaForCausalLM"], "hidden_size": 4096, "num_attention_heads": 32,
         "num_hidden_layers": 32, "num_key_value_heads": 8, "vocab_size": 128256,
         "max_position_embeddings": 131072, "torch_dtype": "bfloat16", "model_type": "llama"}
        """;
    // WHEN
    HfConfig config = read(json);
    // THEN
    assertThat(config).isEqualTo(new HfConfig(ModelArchitecture.gqa(32, 8, 128), 128256, 131072, "bfloat16", false,
        Optional.empty()));
  }

  @Test
  void should_read_text_config_and_the_sliding_pattern_when_given_gemma_3_27b() {
    // GIVEN a multimodal config: the language model in text_config, the dtype at the top
    String json = """
        {"architectures": ["Gemma3ForConditionalGeneration"], "torch_dtype": "bfloat16",
         "text_config": {"head_dim": 128, "hidden_size": 5376, "num_attention_heads": 32, "num_hidden_layers": 62,
           "num_key_value_heads": 16, "sliding_window": 1024, "sliding_window_pattern": 6,
           "max_position_embeddings": 131072, "vocab_size": 262208, "model_type": "gemma3_text"}}
        """;
    // WHEN
    HfConfig config = read(json);
    // THEN 62 / 6 = 10 full layers, 52 local
    assertThat(config.architecture()).isEqualTo(ModelArchitecture.gqa(62, 16, 128).withLocalAttention(52, 1024));
    assertThat(config.vocabSize()).isEqualTo(262208);
    assertThat(config.maxPositionEmbeddings()).isEqualTo(131072);
  }

  @Test
  void should_read_mla_and_experts_when_given_deepseek_v2_lite() {
    // GIVEN
    String json = """
        {"hidden_size": 2048, "num_attention_heads": 16, "num_hidden_layers": 27, "num_key_value_heads": 16,
         "kv_lora_rank": 512, "qk_rope_head_dim": 64, "n_routed_experts": 64, "vocab_size": 102400,
         "max_position_embeddings": 163840, "torch_dtype": "bfloat16"}
        """;
    // WHEN
    HfConfig config = read(json);
    // THEN
    assertThat(config).isEqualTo(new HfConfig(ModelArchitecture.mla(27, 512, 64), 102400, 163840, "bfloat16", true,
        Optional.empty()));
  }

  @Test
  void should_count_sliding_layer_types_when_given_gpt_oss_20b() {
    // GIVEN 24 layers alternating sliding and full attention, an mxfp4 checkpoint
    StringBuilder types = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      types.append(i == 0 ? "" : ", ").append(i % 2 == 0 ? "\"sliding_attention\"" : "\"full_attention\"");
    }
    String json = "{\"head_dim\": 64, \"hidden_size\": 2880, \"num_attention_heads\": 64, \"num_hidden_layers\": 24,"
        + " \"num_key_value_heads\": 8, \"sliding_window\": 128, \"layer_types\": [" + types + "],"
        + " \"num_local_experts\": 32, \"vocab_size\": 201088, \"max_position_embeddings\": 131072,"
        + " \"torch_dtype\": \"bfloat16\", \"quantization_config\": {\"quant_method\": \"mxfp4\"}}";
    // WHEN
    HfConfig config = read(json);
    // THEN
    assertThat(config).isEqualTo(new HfConfig(ModelArchitecture.gqa(24, 8, 64).withLocalAttention(12, 128), 201088,
        131072, "bfloat16", true, Optional.of("mxfp4")));
  }

  @Test
  void should_alternate_local_layers_when_given_gemma_2_and_run_float32_as_bfloat16() {
    // GIVEN gemma-2-9b-it with its float32 dtype (vLLM's --dtype auto runs it in bfloat16)
    String json = """
        {"head_dim": 256, "hidden_size": 3584, "num_attention_heads": 16, "num_hidden_layers": 42,
         "num_key_value_heads": 8, "sliding_window": 4096, "model_type": "gemma2", "vocab_size": 256000,
         "max_position_embeddings": 8192, "torch_dtype": "float32"}
        """;
    // WHEN
    HfConfig config = read(json);
    // THEN
    assertThat(config.architecture()).isEqualTo(ModelArchitecture.gqa(42, 8, 256).withLocalAttention(21, 4096));
    assertThat(config.dtype()).isEqualTo("bfloat16");
  }

  @Test
  void should_ignore_the_window_when_use_sliding_window_is_false() {
    // GIVEN Qwen2.5's config: a sliding_window that is switched off
    String json = """
        {"hidden_size": 3584, "num_attention_heads": 28, "num_hidden_layers": 28, "num_key_value_heads": 4,
         "sliding_window": 131072, "use_sliding_window": false, "vocab_size": 152064,
         "max_position_embeddings": 32768, "torch_dtype": "bfloat16"}
        """;
    // WHEN
    HfConfig config = read(json);
    // THEN
    assertThat(config.architecture()).isEqualTo(ModelArchitecture.gqa(28, 4, 128));
    assertThat(config.withWeights(15_230_000_000L).weightBytes()).isEqualTo(15_230_000_000L);
  }

  @Test
  void should_name_the_missing_key_when_a_required_key_is_absent() {
    // GIVEN no num_hidden_layers WHEN read THEN
    assertThatThrownBy(() -> read("{\"text_config\": {\"vocab_size\": 10}}"))
        .isInstanceOf(HfConfigException.class)
        .hasMessage("config.json: expected text_config.num_hidden_layers, found none");
  }

  @Test
  void should_say_what_was_found_when_a_key_is_not_a_whole_number() {
    // GIVEN
    String json = "{\"num_hidden_layers\": \"32\"}";
    // WHEN read THEN
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(HfConfigException.class)
        .hasMessage("config.json: expected num_hidden_layers to be a whole number of at least 1, found \"32\"");
  }

  @Test
  void should_refuse_input_that_is_not_a_json_object() {
    // GIVEN an array, broken JSON and too many bytes WHEN read THEN each is named
    assertThatThrownBy(() -> read("[1, 2]")).hasMessage(
        "config.json: expected a JSON object (a Hugging Face config.json), found array");
    assertThatThrownBy(() -> read("{\"a\": ")).isInstanceOf(HfConfigException.class)
        .hasMessageStartingWith("config.json: expected JSON, found a syntax error at line 1");
    assertThatThrownBy(() -> HfConfigReader.read(new byte[HfConfigReader.MAX_BYTES + 1], "big.json"))
        .hasMessage("big.json: expected a config.json of at most 1048576 bytes, found more");
  }
}
