package io.gpushare.core.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Hugging Face {@code config.json} into an {@link HfConfig}: the keys vLLM sizes its KV cache
 * and activation with. Multimodal models keep their language model in {@code text_config} (Gemma 3,
 * Mistral Small 3.1, Llama 4), read first, with the top level as the fallback.
 *
 * <pre>
 * num_hidden_layers                       -&gt; layers
 * num_key_value_heads (num_attention_heads) -&gt; KV heads
 * head_dim (hidden_size / num_attention_heads)
 * kv_lora_rank + qk_rope_head_dim         -&gt; MLA latent (DeepSeek V2/V3, Kimi-VL)
 * layer_types ["sliding_attention", ...], sliding_window_pattern (Gemma 3), model_type gemma2
 *   (alternating), attention_chunk_size (Llama 4: 3 of 4 layers)  -&gt; local layers and window
 * vocab_size, max_position_embeddings
 * torch_dtype (or dtype): float32 runs as bfloat16 under --dtype auto, as vLLM does
 * num_local_experts / num_experts / n_routed_experts &gt; 1 -&gt; mixture of experts
 * quantization_config.quant_method
 * </pre>
 *
 * <p>Source: vLLM {@code vllm/config/model.py} ({@code get_num_kv_heads}, {@code get_head_size},
 * {@code _get_and_verify_dtype}) and the models' {@code config.json} files. Input is bounded to
 * {@link #MAX_BYTES}; every error is an {@link HfConfigException} with a message fit to print.
 */
public final class HfConfigReader {

  /** The largest {@code config.json} read: 1 MiB (real ones are a few KiB). */
  public static final int MAX_BYTES = 1 << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HfConfigReader() {}

  /** Reads the file at {@code path}; {@code where} in messages is the file name. */
  public static HfConfig read(Path path) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new HfConfigException("cannot read " + path + ": " + e.getMessage());
    }
    return read(bytes, path.toString());
  }

  /** Reads {@code json}, naming it {@code where} in messages. */
  public static HfConfig read(byte[] json, String where) {
    if (json.length > MAX_BYTES) {
      throw new HfConfigException(where + ": expected a config.json of at most " + MAX_BYTES + " bytes, found more");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new HfConfigException(where + ": expected JSON, found a syntax error at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new HfConfigException(where + ": expected a JSON object (a Hugging Face config.json), found "
          + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    return new Reader(root, where).read();
  }

  private static final class Reader {
    private final JsonNode text;
    private final JsonNode root;
    private final String where;
    private final String prefix;

    Reader(JsonNode root, String where) {
      this.root = root;
      this.text = root.path("text_config").isObject() ? root.get("text_config") : root;
      this.where = where;
      this.prefix = text == root ? "" : "text_config.";
    }

    HfConfig read() {
      int layers = positive("num_hidden_layers");
      ModelArchitecture architecture;
      if (present("kv_lora_rank")) {
        architecture = ModelArchitecture.mla(layers, positive("kv_lora_rank"), positive("qk_rope_head_dim"));
      } else {
        int heads = positive("num_attention_heads");
        int kvHeads = present("num_key_value_heads") ? positive("num_key_value_heads") : heads;
        int headDim = present("head_dim") ? positive("head_dim") : positive("hidden_size") / heads;
        if (headDim < 1) {
          throw new HfConfigException(where + ": expected hidden_size to be at least num_attention_heads ("
              + heads + "), found " + positive("hidden_size"));
        }
        architecture = new ModelArchitecture(layers, kvHeads == heads ? ModelArchitecture.Attention.MHA
            : ModelArchitecture.Attention.GQA, kvHeads, headDim, Optional.empty());
        architecture = withLocalLayers(architecture, layers);
      }
      return new HfConfig(architecture, positive("vocab_size"), positive("max_position_embeddings"), dtype(), moe(),
          quantization());
    }

    private ModelArchitecture withLocalLayers(ModelArchitecture architecture, int layers) {
      JsonNode types = value("layer_types");
      if (types != null && types.isArray()) {
        int local = 0;
        for (JsonNode type : types) {
          String name = type.asText();
          if (name.contains("sliding") || name.contains("chunked")) {
            local++;
          }
        }
        if (local > 0) {
          if (types.size() != layers) {
            throw new HfConfigException(where + ": expected " + prefix + "layer_types to name " + layers
                + " layers (num_hidden_layers), found " + types.size());
          }
          return architecture.withLocalAttention(local, window());
        }
        return architecture;
      }
      if (present("attention_chunk_size")) {
        return architecture.withLocalAttention(layers - layers / 4, positive("attention_chunk_size"));
      }
      if (!present("sliding_window") || value("use_sliding_window") != null
          && !value("use_sliding_window").asBoolean()) {
        return architecture;
      }
      if (present("sliding_window_pattern")) {
        int pattern = positive("sliding_window_pattern");
        return architecture.withLocalAttention(layers - layers / pattern, positive("sliding_window"));
      }
      String modelType = value("model_type") == null ? "" : value("model_type").asText();
      if (modelType.equals("gemma2")) {
        return architecture.withLocalAttention(layers / 2, positive("sliding_window"));
      }
      return architecture.withLocalAttention(layers, positive("sliding_window"));
    }

    private int window() {
      if (present("sliding_window")) {
        return positive("sliding_window");
      }
      if (present("attention_chunk_size")) {
        return positive("attention_chunk_size");
      }
      throw new HfConfigException(where + ": expected " + prefix + "sliding_window beside layer_types that name"
          + " sliding layers, found none");
    }

    private String dtype() {
      JsonNode node = value("torch_dtype") != null ? value("torch_dtype") : value("dtype");
      if (node == null || node.isNull()) {
        return "bfloat16";
      }
      String dtype = node.asText().toLowerCase(Locale.ROOT);
      return switch (dtype) {
        case "bfloat16", "float16" -> dtype;
        case "float32" -> "bfloat16";
        default -> throw new HfConfigException(where + ": expected torch_dtype bfloat16, float16 or float32, found '"
            + node.asText() + "'");
      };
    }

    private boolean moe() {
      for (String key : new String[] {"num_local_experts", "num_experts", "n_routed_experts"}) {
        JsonNode node = value(key);
        if (node != null && node.canConvertToInt() && node.asInt() > 1) {
          return true;
        }
      }
      return false;
    }

    private Optional<String> quantization() {
      JsonNode method = root.path("quantization_config").path("quant_method");
      if (method.isMissingNode()) {
        method = text.path("quantization_config").path("quant_method");
      }
      return method.isTextual() ? Optional.of(method.asText()) : Optional.empty();
    }

    private boolean present(String key) {
      JsonNode node = value(key);
      return node != null && !node.isNull();
    }

    /** The key of text_config, or of the top level when text_config lacks it. */
    private JsonNode value(String key) {
      JsonNode node = text.get(key);
      return node != null ? node : root.get(key);
    }

    private int positive(String key) {
      JsonNode node = value(key);
      if (node == null || node.isNull()) {
        throw new HfConfigException(where + ": expected " + prefix + key + ", found none");
      }
      if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
        throw new HfConfigException(where + ": expected " + prefix + key + " to be a whole number of at least 1,"
            + " found " + node);
      }
      return node.asInt();
    }
  }
}
