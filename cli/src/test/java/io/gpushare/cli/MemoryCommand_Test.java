package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpushare memory}. Figures derived here from vLLM's budget ({@code vllm/v1/worker/gpu_worker.py}
 * {@code determine_available_memory}: utilization x total - weights - activation peak - non-torch) and its
 * KV cache page ({@code vllm/v1/kv_cache_interface.py}: 2 x layers x KV heads x head dim x 2 B per token, whole
 * blocks of 16 tokens), for Llama 3.1 8B: 32 layers x 8 KV heads x 128 = 131072 B per token.
 */
class MemoryCommand_Test extends CliTest {
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  private static final long GIB = 1L << 30;
  /** 8.03 B x 2 B, the catalog's weights. */
  private static final long LLAMA_WEIGHTS = 16_060_000_000L;
  /**
   * vLLM 0.17+: the logits of the batched tokens x vocabulary 128256 x 2 B; 2048 batched tokens on an A100
   * ({@code vllm/engine/arg_utils.py}).
   */
  private static final long LLAMA_ACTIVATION = 2048L * 128256 * 2;
  /** The same on an H100 80GB, where vLLM batches 8192 tokens by default (devices of 70 GiB and more). */
  private static final long LLAMA_ACTIVATION_H100 = 8192L * 128256 * 2;
  /** The A100 40GB as CUDA reports it (gpus.json: 40960 MiB published less 469 MiB). */
  private static final long A100_TOTAL = 40491L << 20;
  /** vLLM 0.18+ at tensor parallel size 1: 0.25 GiB. */
  private static final long NON_TORCH = GIB / 4;
  private static final long LLAMA_BYTES_PER_TOKEN = 2L * 32 * 8 * 128 * 2;

  @TempDir Path dir;

  @Test
  void should_not_fit_and_give_the_fraction_that_fits_when_llama_3_1_8b_gets_0_42_of_an_a100_40gb() {
    // GIVEN the first example: 0.42 x 39.54 GiB (the A100 40GB as CUDA reports it) = 16.61 GiB for 14.96
    // GiB of weights and 131072 tokens
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--gpu", "NVIDIA A100-SXM4-40GB", "--gpu-memory-utilization", "0.42",
        "--vllm-version", "0.19.0");
    // THEN 7456 tokens fit at 0.42; (14.96 + 0.49 + 0.25 + 16.00 GiB) / 39.54 GiB = 0.80 -> 0.81 fits 131072
    assertThat(exit).isEqualTo(MemoryCommand.EXIT_DOES_NOT_FIT);
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString().lines().toList()).containsExactly(
        "vLLM 0.19.0 on NVIDIA A100-SXM4-40GB (39.54 GiB), --gpu-memory-utilization 0.42 x 39.54 GiB = 16.61 GiB",
        "term             GiB  how",
        "weights        14.96  8.03 B parameters x 2 B",
        "activation      0.49  profiled peak: logits of 2048 batched tokens x vocabulary 128256",
        "non-torch       0.25  tensor parallel size 1",
        "CUDA graphs     0.00  outside the budget before vLLM 0.21.0 (about 0.94 GiB more on the GPU, beside the CUDA"
            + " context's 0.5)",
        "KV cache        0.91  7456 tokens x 131072 B, whole blocks of 16",
        "ERROR VLLM_MAX_MODEL_LEN_DOES_NOT_FIT --max-model-len: expected the KV cache to hold one sequence of the"
            + " model's own length, 131072 tokens (max_position_embeddings; no --max-model-len), 16.00 GiB, found 0.42 x"
            + " 39.54 GiB = 16.61 GiB leaves 0.91 GiB after weights 14.96 + activation 0.49 + non-torch 0.25 GiB on vLLM"
            + " 0.19.0: vLLM refuses to start; the largest length that fits is 7456",
        "  hint: set --max-model-len 7456 or less, or --gpu-memory-utilization of 0.81 fits one sequence of 131072"
            + " tokens; --max-model-len auto lets vLLM pick",
        "does not fit: --max-model-len 131072 needs 16.00 GiB of KV cache; the largest that fits is 7456 at 0.42;"
            + " --gpu-memory-utilization 0.81 fits --max-model-len 131072");
  }

  @Test
  void should_give_the_largest_length_that_fits_when_cache_blocks_remain_but_too_few() {
    // GIVEN 0.45 x 39.54 GiB = 17.79 GiB: 2.10 GiB of KV cache, 17168 tokens
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--gpu", "A100_40GB", "--gpu-memory-utilization", "0.45",
        "--vllm-version", "0.19.0", "--format", "json");
    // THEN
    assertThat(exit).isEqualTo(MemoryCommand.EXIT_DOES_NOT_FIT);
    JsonNode finding = json().path("findings").path(0);
    assertThat(finding.path("code").asText()).isEqualTo("VLLM_MAX_MODEL_LEN_DOES_NOT_FIT");
    assertThat(finding.path("severity").asText()).isEqualTo("ERROR");
    assertThat(finding.path("path").asText()).isEqualTo("--max-model-len");
    assertThat(finding.path("message").asText()).isEqualTo("expected the KV cache to hold one sequence of the model's"
        + " own length, 131072 tokens (max_position_embeddings; no --max-model-len), 16.00 GiB, found 0.45 x 39.54 GiB"
        + " = 17.79 GiB leaves 2.10 GiB after weights 14.96 + activation 0.49 + non-torch 0.25 GiB on vLLM 0.19.0:"
        + " vLLM refuses to start; the largest length that fits is 17168");
    assertThat(finding.path("hint").asText()).isEqualTo("set --max-model-len 17168 or less, or"
        + " --gpu-memory-utilization of 0.81 fits one sequence of 131072 tokens; --max-model-len auto lets vLLM pick");
  }

  @Test
  void should_print_the_stable_json_when_llama_3_1_8b_fits_an_h100_at_0_95() throws IOException, URISyntaxException {
    // GIVEN calibration.tsv's Llama-3.1-8B-Instruct row: 79.19 GiB seen by CUDA, 0.95, 8192, vLLM 0.19.0
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--gpu-memory", "79.19Gi", "--gpu-memory-utilization", "0.95",
        "--max-model-len", "8192", "--vllm-version", "0.19.0", "--format", "json");
    // THEN the keys first, in order, then the extra ones
    assertThat(exit).isZero();
    JsonNode json = json();
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 9)).containsExactly("weightsGiB", "activationGiB", "nonTorchGiB", "cudaGraphGiB",
        "kvCacheGiB", "kvTokens", "maxModelLen", "fits", "findings");
    // AND the values the formula gives, derived here
    long total = new BigDecimal("79.19").multiply(BigDecimal.valueOf(GIB)).longValue();
    long budget = new BigDecimal("0.95").multiply(BigDecimal.valueOf(total)).longValue();
    long kvCache = budget - LLAMA_WEIGHTS - LLAMA_ACTIVATION_H100 - NON_TORCH;
    long tokens = kvCache / (LLAMA_BYTES_PER_TOKEN * 16) * 16;
    assertThat(json.path("weightsGiB").decimalValue()).isEqualByComparingTo(gib(LLAMA_WEIGHTS));
    assertThat(json.path("activationGiB").decimalValue()).isEqualByComparingTo(gib(LLAMA_ACTIVATION_H100));
    assertThat(json.path("kvCacheGiB").decimalValue()).isEqualByComparingTo(gib(kvCache));
    assertThat(json.path("kvTokens").asLong()).isEqualTo(tokens);
    assertThat(json.path("fits").isBoolean()).isTrue();
    assertThat(json.path("findings").isArray()).isTrue();
    // AND the whole document, byte for byte
    assertThat(out.toString()).isEqualTo(Files.readString(resource("memory/llama-3.1-8b-h100.json")));
  }

  @Test
  void should_print_the_smallest_fraction_that_fits_when_no_utilization_is_given() {
    // GIVEN one sequence of 8192 tokens on an A100 40GB
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--gpu", "A100_40GB", "--max-model-len", "8192", "--vllm-version",
        "0.19.0", "--format", "json");
    // THEN (weights + activation + non-torch + 8192 x 131072 B) / 39.54 GiB, 2 decimals rounded up
    assertThat(exit).isZero();
    BigDecimal smallest = BigDecimal.valueOf(LLAMA_WEIGHTS + LLAMA_ACTIVATION + NON_TORCH + 8192 * LLAMA_BYTES_PER_TOKEN)
        .divide(BigDecimal.valueOf(A100_TOTAL), 2, RoundingMode.CEILING);
    assertThat(smallest).isEqualByComparingTo("0.43");
    JsonNode json = json();
    assertThat(json.path("gpuMemoryUtilization").decimalValue()).isEqualByComparingTo(smallest);
    assertThat(json.path("utilizationPicked").asBoolean()).isTrue();
    assertThat(json.path("fits").asBoolean()).isTrue();
    assertThat(json.path("findings")).isEmpty();
  }

  @Test
  void should_say_the_smallest_fraction_in_its_header_when_printing_text() {
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--gpu", "A100_40GB", "--max-model-len", "8192", "--vllm-version",
        "0.19.0");
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString().lines().findFirst()).contains("vLLM 0.19.0 on NVIDIA A100-SXM4-40GB (39.54 GiB),"
        + " smallest --gpu-memory-utilization that fits --max-model-len 8192: 0.43 x 39.54 GiB = 17.00 GiB");
    assertThat(out.toString()).endsWith("fits: one sequence of --max-model-len 8192 needs 1.00 GiB of the 1.31 GiB KV"
        + " cache, which holds 10704 tokens (1.30 sequences of 8192)\n");
  }

  @Test
  void should_name_the_weights_when_no_fraction_fits() {
    // GIVEN Llama 3.1 70B (131.50 GiB of weights) on an A100 40GB
    // WHEN
    int exit = run("memory", "--model", "meta-llama/Llama-3.1-70B-Instruct", "--gpu", "A100_40GB", "--format",
        "json");
    // THEN
    assertThat(exit).isEqualTo(MemoryCommand.EXIT_DOES_NOT_FIT);
    JsonNode finding = json().path("findings").path(0);
    assertThat(finding.path("code").asText()).isEqualTo("MODEL_DOES_NOT_FIT");
    assertThat(finding.path("message").asText()).isEqualTo("expected meta-llama/Llama-3.1-70B-Instruct to fit on"
        + " NVIDIA A100-SXM4-40GB at some --gpu-memory-utilization up to 1.00, found the weights (131.50 GiB per GPU)"
        + " alone exceed the device's 39.54 GiB");
  }

  @Test
  void should_read_the_architecture_from_config_json_when_the_model_is_given_with_model_config()
      throws IOException, URISyntaxException {
    // GIVEN Qwen2.5-7B-Instruct's config.json under an id the catalog does not know, and its size
    // WHEN
    int exit = run("memory", "--model", "acme/qwen-7b-finetune", "--model-config",
        resource("memory/Qwen2.5-7B-Instruct-config.json").toString(), "--parameters-billions", "7.62",
        "--gpu-memory", "79.19Gi", "--gpu-memory-utilization", "0.9", "--vllm-version", "0.19.0", "--format", "json");
    // THEN 28 layers x 2 x 4 KV heads x 128 x 2 B per token; max_position_embeddings 32768 is the default length
    assertThat(exit).isZero();
    JsonNode json = json();
    assertThat(json.path("bytesPerToken").asLong()).isEqualTo(28L * 2 * 4 * 128 * 2);
    assertThat(json.path("maxModelLen").asInt()).isEqualTo(32768);
    assertThat(json.path("weightsGiB").decimalValue()).isEqualByComparingTo(gib(15_240_000_000L));
    // vocabulary 152064: 8192 x 152064 x 2 B
    assertThat(json.path("activationGiB").decimalValue()).isEqualByComparingTo(gib(8192L * 152064 * 2));
  }

  @Test
  void should_exit_2_with_one_line_when_the_model_is_unknown_and_no_config_is_given() {
    // WHEN
    int exit = run("memory", "--model", "acme/unknown-7b", "--gpu", "A100_40GB");
    // THEN
    assertThat(exit).isEqualTo(MemoryCommand.EXIT_BAD_INPUT);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("gpushare: --model: expected a model of the catalog, found"
        + " 'acme/unknown-7b'; give its config.json with --model-config FILE and its size with --parameters-billions,"
        + " or describe it in a --catalog file\n");
  }

  @Test
  void should_exit_2_without_a_stack_trace_when_config_json_is_unreadable() throws IOException {
    // GIVEN a config.json that is not JSON
    Path config = Files.writeString(dir.resolve("config.json"), "{\"num_hidden_layers\": 32,", StandardCharsets.UTF_8);
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--model-config", config.toString(), "--gpu", "A100_40GB");
    // THEN
    assertThat(exit).isEqualTo(MemoryCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).startsWith("gpushare: " + config + ": expected JSON, found a syntax error at line ");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void should_exit_2_when_the_gpu_is_not_in_the_catalog() {
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--gpu", "NVIDIA GeForce RTX 3090");
    // THEN
    assertThat(exit).isEqualTo(MemoryCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).startsWith("gpushare: --gpu: expected a GPU of the catalog (")
        .endsWith(", or a product name), found 'NVIDIA GeForce RTX 3090'; give --gpu-memory with the memory CUDA"
            + " reports, or describe the GPU in a --catalog file\n");
  }

  @Test
  void should_exit_2_when_the_vllm_version_is_not_a_release() {
    // WHEN
    int exit = run("memory", "--model", LLAMA, "--gpu", "A100_40GB", "--vllm-version", "latest");
    // THEN
    assertThat(exit).isEqualTo(MemoryCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).isEqualTo("gpushare: --vllm-version: expected a vLLM release such as 0.19.0 or"
        + " v0.5.3.post1, found 'latest'\n");
  }

  private JsonNode json() {
    try {
      return new ObjectMapper().readTree(out.toString());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(MemoryCommand_Test.class.getResource(name).toURI());
  }

  private static BigDecimal gib(long bytes) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB), 2, RoundingMode.HALF_UP);
  }
}
