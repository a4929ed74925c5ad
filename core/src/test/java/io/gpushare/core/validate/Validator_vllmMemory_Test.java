package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.ModelInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VllmMemoryRule}, in {@link Validator_rules_Test}'s style: each case changes the clean tutorial
 * ({@link Fixture}) and asserts the exact findings. The figures follow docs/vllm-memory.md: on an A100 40GB
 * (39.54 GiB as CUDA reports it, gpus.json; 2048 batched tokens by vLLM's default), Llama 3.1 8B takes 14.96 GiB of weights,
 * 0.49 GiB of activation (2048 x 128256 x 2 B from 0.17) and 0.25 GiB of non-torch memory (from 0.18); its
 * KV cache takes 128 KiB per token, 16 GiB for its own 131072 tokens. Sources: vLLM
 * {@code vllm/v1/core/kv_cache_utils.py} ({@code check_enough_kv_cache_memory}: "No available memory for the
 * cache blocks", "To serve at least one request with the model's max seq len"), {@code vllm/engine/arg_utils.py}
 * (2048 batched tokens below 70 GiB and on A100s).
 */
class Validator_vllmMemory_Test {
  private static final String CONTAINER = "Deployment[vllm-gpu].spec.template.spec.containers[0]";
  private static final String LLAMA = "--model=meta-llama/Llama-3.1-8B-Instruct";

  private static Arguments passes(String name, Consumer<Fixture> change) {
    return Arguments.of(name, change, List.of());
  }

  private static Arguments fails(String name, Consumer<Fixture> change, String... headlines) {
    return Arguments.of(name, change, List.of(headlines));
  }

  private static Consumer<Fixture> llama(String image, String... args) {
    return f -> {
      f.deployment.getSpec().setReplicas(1);
      f.onProduct("NVIDIA A100-SXM4-40GB");
      f.container().setImage(image);
      f.argsProfiled(args);
    };
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // the first example: lints clean before, cannot start
        fails("Llama 3.1 8B at 0.42 of an A100 40GB, its own 131072 tokens",
            llama("vllm/vllm-openai:v0.19.0", LLAMA, "--gpu-memory-utilization=0.42"),
            "ERROR VLLM_MAX_MODEL_LEN_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the KV cache to hold one"
                + " sequence of the model's own length, 131072 tokens (max_position_embeddings; no --max-model-len),"
                + " 16.00 GiB, found 0.42 x 39.54 GiB = 16.61 GiB leaves 0.91 GiB after weights 14.96 + activation"
                + " 0.49 + non-torch 0.25 GiB on vLLM 0.19.0: vLLM refuses to start; the largest length that fits is"
                + " 7456"),
        fails("Llama 3.1 8B at 0.38 of an A100 40GB: no cache blocks",
            llama("vllm/vllm-openai:v0.19.0", LLAMA, "--gpu-memory-utilization=0.38"),
            "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected meta-llama/Llama-3.1-8B-Instruct on vLLM"
                + " 0.19.0 to leave memory for the KV cache in 0.38 x 39.54 GiB = 15.03 GiB, found weights 14.96 +"
                + " activation 0.49 + non-torch 0.25 = 15.70 GiB: vLLM stops with \"No available memory for the cache"
                + " blocks\""),
        fails("--max-model-len 32768 at 0.42", llama("vllm/vllm-openai:v0.19.0", LLAMA,
                "--gpu-memory-utilization=0.42", "--max-model-len=32768"),
            "ERROR VLLM_MAX_MODEL_LEN_DOES_NOT_FIT " + CONTAINER + ".args[2]: expected the KV cache to hold one"
                + " sequence of --max-model-len 32768, 4.00 GiB, found 0.42 x 39.54 GiB = 16.61 GiB leaves 0.91 GiB"
                + " after weights 14.96 + activation 0.49 + non-torch 0.25 GiB on vLLM 0.19.0: vLLM refuses to start;"
                + " the largest length that fits is 7456"),
        passes("--max-model-len 4096 at 0.42", llama("vllm/vllm-openai:v0.19.0", LLAMA,
            "--gpu-memory-utilization=0.42", "--max-model-len=4096")),
        passes("--max-model-len auto never fails", llama("vllm/vllm-openai:v0.19.0", LLAMA,
            "--gpu-memory-utilization=0.42", "--max-model-len", "auto")),
        passes("131072 tokens at 0.85", llama("vllm/vllm-openai:v0.19.0", LLAMA, "--gpu-memory-utilization=0.85")),
        fails("--kv-cache-memory-bytes too small for the length", llama("vllm/vllm-openai:v0.19.0", LLAMA,
                "--gpu-memory-utilization=0.42", "--kv-cache-memory-bytes=1073741824", "--max-model-len=16384"),
            "ERROR VLLM_MAX_MODEL_LEN_DOES_NOT_FIT " + CONTAINER + ".args[3]: expected the KV cache to hold one"
                + " sequence of --max-model-len 16384, 2.00 GiB, found --kv-cache-memory-bytes gives 1.00 GiB on vLLM"
                + " 0.19.0: vLLM refuses to start; the largest length that fits is 8192"),
        passes("--kv-cache-memory-bytes that holds the length", llama("vllm/vllm-openai:v0.19.0", LLAMA,
            "--gpu-memory-utilization=0.42", "--kv-cache-memory-bytes=2147483648", "--max-model-len=16384")),
        // vLLM takes the given bytes whatever the utilization (PR #21489, docs/vllm-memory.md section 3): 24 GiB
        // beside 15.70 GiB is more than the 39.54 GiB the device has
        fails("--kv-cache-memory-bytes past the device", llama("vllm/vllm-openai:v0.19.0", LLAMA,
                "--gpu-memory-utilization=0.42", "--kv-cache-memory-bytes=25769803776", "--max-model-len=16384"),
            "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[2]: expected meta-llama/Llama-3.1-8B-Instruct and the KV"
                + " cache of --kv-cache-memory-bytes to fit in the 39.54 GiB NVIDIA A100-SXM4-40GB has, found weights"
                + " 14.96 + activation 0.49 + non-torch 0.25 + CUDA context 0.50 + KV cache 24.00 = 40.20 GiB on vLLM"
                + " 0.19.0: vLLM"
                + " allocates the cache as given, whatever --gpu-memory-utilization says, and runs out of device"
                + " memory"),
        fails("--kv-cache-memory-bytes past the device, whatever the length (auto)", llama("vllm/vllm-openai:v0.19.0",
                LLAMA, "--gpu-memory-utilization=0.42", "--kv-cache-memory-bytes=25769803776", "--max-model-len=auto"),
            "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[2]: expected meta-llama/Llama-3.1-8B-Instruct and the KV"
                + " cache of --kv-cache-memory-bytes to fit in the 39.54 GiB NVIDIA A100-SXM4-40GB has, found weights"
                + " 14.96 + activation 0.49 + non-torch 0.25 + CUDA context 0.50 + KV cache 24.00 = 40.20 GiB on vLLM"
                + " 0.19.0: vLLM"
                + " allocates the cache as given, whatever --gpu-memory-utilization says, and runs out of device"
                + " memory"),
        passes("--kv-cache-memory-bytes that the device holds beside the rest", llama("vllm/vllm-openai:v0.19.0", LLAMA,
            "--gpu-memory-utilization=0.42", "--kv-cache-memory-bytes=24696061952", "--max-model-len=16384")),
        fails("the V0 engine: the activation is left out, the verdict stands",
            llama("vllm/vllm-openai:v0.7.3", LLAMA, "--gpu-memory-utilization=0.42"),
            "ERROR VLLM_MAX_MODEL_LEN_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the KV cache to hold one"
                + " sequence of the model's own length, 131072 tokens (max_position_embeddings; no --max-model-len),"
                + " 16.00 GiB, found 0.42 x 39.54 GiB = 16.61 GiB leaves 1.52 GiB after weights 14.96 + activation"
                + " 0.00 + non-torch 0.13 GiB on vLLM 0.7.3 (whose activation peak is not modelled and left out): vLLM"
                + " refuses to start; the largest length that fits is 12448"),
        passes("a --max-model-len only the pod knows", f -> {
              llama("vllm/vllm-openai:v0.19.0", LLAMA, "--gpu-memory-utilization=0.42", "--max-model-len=$(LEN)")
                  .accept(f);
              f.container().getEnv().add(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("LEN")
                  .withNewValueFrom().withNewConfigMapKeyRef().withName("c").withKey("len").endConfigMapKeyRef()
                  .endValueFrom().build());
            }),
        passes("Gemma 3 1B on 0.42 of an L4", f -> f.onProduct("NVIDIA L4")),

        // HF_TOKEN_MISSING
        fails("a gated model without a token", f -> f.container().getEnv().remove(0),
            "ERROR HF_TOKEN_MISSING " + CONTAINER + ".args[2]: expected HF_TOKEN (or HUGGING_FACE_HUB_TOKEN) in the"
                + " container's env, since google/gemma-3-1b-it is gated on Hugging Face, found neither: the download"
                + " is refused and vLLM does not start"),
        passes("a gated model with HUGGING_FACE_HUB_TOKEN", f -> f.container().getEnv().set(0,
            new EnvVar("HUGGING_FACE_HUB_TOKEN", "${HF_TOKEN}", null))),
        passes("a gated model whose env comes from a Secret by envFrom", f -> {
              f.container().getEnv().remove(0);
              f.container().setEnvFrom(new ArrayList<>(List.of(new EnvFromSourceBuilder().withNewSecretRef()
                  .withName("hf").endSecretRef().build())));
            }),
        passes("an open model without a token", f -> {
              f.deployment.getSpec().setReplicas(1);
              f.container().getEnv().remove(0);
              f.argsProfiled("--host=0.0.0.0", "--port=8000", "--model=Qwen/Qwen2.5-7B-Instruct",
                  "--gpu-memory-utilization=0.42");
            }),
        fails("a gated model from a local path: no token asked", f -> {
              f.deployment.getSpec().setReplicas(1);
              f.container().getEnv().remove(0);
              f.argsProfiled("--host=0.0.0.0", "--port=8000", "--model=/models/gemma-3-1b-it", "--gpu-memory-utilization=0.42");
            },
            "INFO MODEL_UNKNOWN " + CONTAINER + ".args[2]: model '/models/gemma-3-1b-it' is not in gpushare's catalog,"
                + " so whether its weights fit was not checked"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_report_exactly_the_expected_findings(String name, Consumer<Fixture> change, List<String> expected) {
    // GIVEN the clean fixture changed by the case, WHEN validated, THEN exactly its findings, each with a hint
    Fixture.assertFindings(change, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hints")
  void should_name_the_length_and_the_utilization_that_fit_when_the_length_does_not(String name,
      Consumer<Fixture> change, String hint) {
    // GIVEN
    Fixture fixture = new Fixture();
    change.accept(fixture);
    // WHEN
    ValidationReport report = Validator.standard().validate(fixture.set());
    // THEN
    assertThat(report.findings()).extracting(Finding::hint).containsExactly(hint);
  }

  static Stream<Arguments> hints() {
    return Stream.of(
        Arguments.of("the model's own length", llama("vllm/vllm-openai:v0.19.0", LLAMA, "--gpu-memory-utilization=0.42"),
            "set --max-model-len 7456 or less, or --gpu-memory-utilization of 0.81 fits one sequence of 131072"
                + " tokens; --max-model-len auto lets vLLM pick"),
        Arguments.of("no cache blocks", llama("vllm/vllm-openai:v0.19.0", LLAMA, "--gpu-memory-utilization=0.38"),
            "a --gpu-memory-utilization of 0.81 fits one sequence of 131072 tokens; or use a bigger device or MIG"
                + " profile, more tensor-parallel devices, or a smaller model"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sizeOnly")
  void should_say_the_kv_cache_was_not_checked_when_the_catalog_knows_the_model_by_size_only(String name,
      String utilization, List<String> expected) {
    // GIVEN a user catalog model with no architecture, on an A100 40GB
    ModelInfo sizeOnly = new ModelInfo("acme/acme-chat-8b", new BigDecimal("8"), 2, Optional.empty());
    Validator validator = Validator.withCatalog(Catalog.standard().with(Catalog.of(List.of(), List.of(sizeOnly))));
    Fixture fixture = new Fixture();
    fixture.deployment.getSpec().setReplicas(1);
    fixture.onProduct("NVIDIA A100-SXM4-40GB");
    fixture.args("--model=acme/acme-chat-8b", "--gpu-memory-utilization=" + utilization);
    // WHEN
    ValidationReport report = validator.validate(fixture.set());
    // THEN
    assertThat(report.findings()).extracting(Finding::headline).containsExactlyElementsOf(expected);
  }

  @Test
  void should_report_model_does_not_fit_when_the_weights_fit_the_label_but_not_what_cuda_reports() {
    // GIVEN Llama 3.1 8B (16.06 GB of weights, 15,316 MiB) at 0.375 of an A100 40GB: 0.375 of the
    // 40,960 MiB on its label is 15,360 MiB, but vLLM multiplies the 40,491 MiB CUDA reports: 15,184 MiB.
    // Both rules once judged the weights on different figures, and neither reported this case.
    Fixture fixture = new Fixture();
    fixture.deployment.getSpec().setReplicas(1);
    fixture.onProduct("NVIDIA A100-SXM4-40GB");
    fixture.args("--model=meta-llama/Llama-3.1-8B-Instruct", "--gpu-memory-utilization=0.375");
    // WHEN
    ValidationReport report = Validator.standard().validate(fixture.set());
    // THEN
    assertThat(report.findings()).extracting(Finding::headline).contains(
        "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the weights of meta-llama/Llama-3.1-8B-Instruct"
            + " (15.0 GiB) to fit in 0.375 x 39.5 GiB = 14.8 GiB, found they do not (and the KV cache needs room"
            + " too)");
  }

  static Stream<Arguments> sizeOnly() {
    return Stream.of(
        Arguments.of("its weights fit: the KV cache is what was not checked", "0.9", List.of(
            "INFO MODEL_ARCHITECTURE_UNKNOWN " + CONTAINER + ".args[0]: model 'acme/acme-chat-8b' is in the catalog by"
                + " its size only, so whether its KV cache holds --max-model-len was not checked")),
        Arguments.of("its weights do not fit: CapacityRule's finding alone", "0.3", List.of(
            "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the weights of acme/acme-chat-8b (14.9 GiB)"
                + " to fit in 0.3 x 39.5 GiB = 11.9 GiB, found they do not (and the KV cache needs room too)")));
  }
}
