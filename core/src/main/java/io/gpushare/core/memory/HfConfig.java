package io.gpushare.core.memory;

import java.util.Optional;

/**
 * What a Hugging Face {@code config.json} says about a model's memory, as {@link HfConfigReader} reads
 * it. It has no parameter count: {@link #withWeights(long)} adds the bytes of the weights to make the
 * {@link ModelSpec} the memory model takes.
 *
 * <pre>
 * {"num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "hidden_size": 4096,
 *  "vocab_size": 128256, "max_position_embeddings": 131072, "torch_dtype": "bfloat16"}
 * -&gt; GQA 32 layers x 8 x 128, vocab 128256, 131072 tokens, bfloat16, dense, not quantized
 * </pre>
 *
 * @param architecture layers, KV heads, head dimension, local attention
 * @param vocabSize {@code vocab_size}
 * @param maxPositionEmbeddings {@code max_position_embeddings}
 * @param dtype the dtype vLLM runs the model in with {@code --dtype auto}
 * @param moe whether the model is a mixture of experts
 * @param quantization {@code quantization_config.quant_method}, e.g. {@code fp8}, {@code awq}, {@code mxfp4}
 */
public record HfConfig(
    ModelArchitecture architecture, int vocabSize, int maxPositionEmbeddings, String dtype, boolean moe,
    Optional<String> quantization) {

  /** The model spec of this configuration with weights of {@code weightBytes} bytes. */
  public ModelSpec withWeights(long weightBytes) {
    return new ModelSpec(architecture, weightBytes, vocabSize, maxPositionEmbeddings, dtype, moe);
  }
}
