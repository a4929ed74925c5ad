package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.gpushare.core.kube.VllmArgs.Flag;
import io.gpushare.core.kube.VllmArgs.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a manifest starts vLLM's server, each case naming where it was found: the container
 * as written, and what {@link VllmArgs#read} makes of it. In the expectations {@code -} is a flag
 * that is absent and {@code ?} one whose value only the running pod knows.
 */
class VllmArgs_parse_Test {
  private static final String CORPUS = "/work/shared/corpus/realworld/";
  private static final String OPENAI = "vllm.entrypoints.openai.api_server";

  /** What a test reads back: how the server was found, its model, -tp, utilization and where that was written. */
  record Read(VllmArgs.Invocation invocation, String model, String tensorParallel, String utilization, String at) {}

  static Stream<Arguments> examples() {
    return Stream.of(
        // --flag=value after python3 -m ...api_server
        example("GKE tutorial 'Time slicing of GPUs with DRA' (README), as gpushare writes it",
            container("vllm/vllm-openai:v0.7.2", List.of("python3", "-m", OPENAI),
                List.of("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it",
                    "--gpu-memory-utilization=0.42")),
            read(VllmArgs.Invocation.COMMAND, "google/gemma-3-1b-it", "-", "0.42", "args[3]")),
        // $(VAR) from the container's env
        example(CORPUS + "GoogleCloudPlatform__kubernetes-engine-samples__ai-ml__llm-serving-gemma__vllm__vllm-3-27b-it.yaml",
            container("docker.io/vllm/vllm-openai:v0.10.0", List.of("python3", "-m", OPENAI),
                List.of("--model=$(MODEL_ID)", "--tensor-parallel-size=1", "--host=0.0.0.0", "--port=8000",
                    "--swap-space=16", "--gpu-memory-utilization=0.95", "--max-model-len=32768", "--max-num-seqs=4"),
                env("LD_LIBRARY_PATH", "${LD_LIBRARY_PATH}:/usr/local/nvidia/lib64"), env("MODEL_ID", "google/gemma-3-27b-it"),
                secret("HUGGING_FACE_HUB_TOKEN")),
            read(VllmArgs.Invocation.COMMAND, "google/gemma-3-27b-it", "1", "0.95", "args[5]")),
        example("kubelet: $(UTIL) defined in env with a literal value",
            container("vllm/vllm-openai:v0.8.5", List.of("python3", "-m", OPENAI),
                List.of("--model=m", "--gpu-memory-utilization=$(UTIL)"), env("UTIL", "0.42")),
            read(VllmArgs.Invocation.COMMAND, "m", "-", "0.42", "args[1]")),
        example("kubelet: an env value sees the variables defined before it (expand_test.go TestMapReference)",
            container("vllm/vllm-openai:v0.8.5", List.of("python3", "-m", OPENAI),
                List.of("--model=$(ORG)/$(NAME)", "--gpu-memory-utilization", "$(HALF)"),
                env("ORG", "google"), env("NAME", "gemma-$(SIZE)"), env("SIZE", "3-1b-it"), env("HALF", "0.5")),
            read(VllmArgs.Invocation.COMMAND, "google/gemma-$(SIZE)", "-", "0.5", "args[2]")),
        example("kubelet: $$(VAR) escapes to the literal $(VAR) (expand_test.go 'escape & expand')",
            container("vllm/vllm-openai:v0.8.5", List.of("python3", "-m", OPENAI),
                List.of("--model=$$(MODEL)", "--gpu-memory-utilization=$(UTIL)"), env("MODEL", "m"), env("UTIL", "0.3")),
            read(VllmArgs.Invocation.COMMAND, "$(MODEL)", "-", "0.3", "args[1]")),
        example("kubelet: a variable from a Secret is known only to the running pod",
            container("vllm/vllm-openai:v0.8.5", List.of("python3", "-m", OPENAI),
                List.of("--model=m", "--gpu-memory-utilization=$(UTIL)"), secret("UTIL")),
            read(VllmArgs.Invocation.COMMAND, "m", "-", "?", "args[1]")),
        example("kubelet: an undefined $(VAR) stays as written (expand_test.go 'undefined vars are passed through')",
            container("vllm/vllm-openai:v0.8.5", List.of("python3", "-m", OPENAI),
                List.of("--model=$(MODEL_ID)", "--gpu-memory-utilization=0.5")),
            read(VllmArgs.Invocation.COMMAND, "$(MODEL_ID)", "-", "0.5", "args[1]")),

        // vllm serve MODEL, --flag value, _ for -
        example(CORPUS + "vllm-project__aibrix__samples__autoscaling__deploy.yaml",
            container("vllm/vllm-openai:v0.7.1", List.of("vllm", "serve", "--host", "0.0.0.0", "--port", "8000",
                "--uvicorn-log-level", "warning", "--model", "deepseek-ai/DeepSeek-R1-Distill-Llama-8B",
                "--served-model-name", "deepseek-r1-distill-llama-8b", "--dtype", "half", "--max-model-len", "12288"),
                List.of()),
            read(VllmArgs.Invocation.COMMAND, "deepseek-ai/DeepSeek-R1-Distill-Llama-8B", "-", "-", "-")),
        example("vllm/utils/argparse_utils.py FlexibleArgumentParser: vllm serve -tp 2 --model <model> --enforce-eager",
            container("vllm/vllm-openai:v0.10.0", List.of("vllm", "serve", "-tp", "2", "--model", "m",
                "--enforce-eager", "--port", "8001", "--gpu_memory_utilization", "0.6"), List.of()),
            read(VllmArgs.Invocation.COMMAND, "m", "2", "0.6", "command[10]")),
        example("Python argparse: a single-dash option takes -tp=2 as well",
            container("vllm/vllm-openai:v0.10.0", List.of("vllm", "serve"), List.of("m", "-tp=2",
                "--gpu-memory-utilization=0.4")),
            read(VllmArgs.Invocation.COMMAND, "m", "2", "0.4", "args[2]")),
        example("a boolean flag before the positional model does not swallow it",
            container("vllm/vllm-openai:v0.10.0", List.of("vllm", "serve", "--enforce-eager", "--trust-remote-code",
                "Qwen/Qwen3-0.6B", "--gpu-memory-utilization", "0.3"), List.of()),
            read(VllmArgs.Invocation.COMMAND, "Qwen/Qwen3-0.6B", "-", "0.3", "command[6]")),
        example("the last occurrence wins, as in argparse",
            container("vllm/vllm-openai:v0.10.0", List.of("vllm", "serve", "m"),
                List.of("--gpu-memory-utilization=0.2", "--tensor-parallel-size", "4", "-tp", "2",
                    "--gpu-memory-utilization", "0.3")),
            read(VllmArgs.Invocation.COMMAND, "m", "2", "0.3", "args[6]")),
        example("python -m vllm.entrypoints.cli.main serve, the module behind the vllm command",
            container("vllm/vllm-openai:v0.10.0", List.of("python3", "-m", "vllm.entrypoints.cli.main", "serve", "m",
                "-pp", "2", "-dp", "2", "--gpu-memory-utilization=0.5"), List.of()),
            read(VllmArgs.Invocation.COMMAND, "m", "-", "0.5", "command[9]")),

        // arguments alone: the image's entrypoint is the server
        example("vLLM docs, deployment/docker.md (v0.12): vllm/vllm-openai:latest --model Qwen/Qwen3-0.6B",
            container("vllm/vllm-openai:latest", List.of(), List.of("--model", "Qwen/Qwen3-0.6B",
                "--gpu-memory-utilization", "0.5")),
            read(VllmArgs.Invocation.IMAGE_ENTRYPOINT, "Qwen/Qwen3-0.6B", "-", "0.5", "args[3]")),
        example("vLLM docs, deployment/docker.md (ENTRYPOINT [\"vllm\", \"serve\"]): vllm/vllm-openai:latest MODEL",
            container("vllm/vllm-openai:latest", null, List.of("meta-llama/Llama-3.1-8B-Instruct", "-tp", "2")),
            read(VllmArgs.Invocation.IMAGE_ENTRYPOINT, "meta-llama/Llama-3.1-8B-Instruct", "2", "-", "-")),

        // shell scripts
        example(CORPUS + "vllm-project__vllm__docs__deployment__k8s.md__block-gpu-deployment-service.yaml",
            container("vllm/vllm-openai:latest", List.of("/bin/sh", "-c"), List.of("vllm serve"
                + " mistralai/Mistral-7B-Instruct-v0.3 --trust-remote-code --enable-chunked-prefill"
                + " --max_num_batched_tokens 1024"), secret("HUGGING_FACE_HUB_TOKEN")),
            read(VllmArgs.Invocation.SHELL, "mistralai/Mistral-7B-Instruct-v0.3", "-", "-", "-")),
        example(CORPUS + "George15526__llm-gpu-sharing-benchmark__k8s__hami__vllm-hami-controlled.yaml",
            container("vllm/vllm-openai:v0.10.1", List.of("bash", "-lc", "exec python3 -m " + OPENAI + " \\\n"
                + "  --host 0.0.0.0 \\\n  --port 8000 \\\n  --model Qwen/Qwen2.5-0.5B-Instruct \\\n  --dtype half \\\n"
                + "  --max-model-len 512 \\\n  --max-num-seqs 1 \\\n  --gpu-memory-utilization 0.18\n"), null,
                env("HF_HOME", "/models"), env("PYTORCH_CUDA_ALLOC_CONF", "expandable_segments:True")),
            read(VllmArgs.Invocation.SHELL, "Qwen/Qwen2.5-0.5B-Instruct", "-", "0.18", "command[2]")),
        example(CORPUS + "kubernetes-sigs__lws__docs__examples__vllm__GPU__lws.yaml",
            container("vllm/vllm-openai:latest", List.of("sh", "-c", "bash /vllm-workspace/examples/online_serving/"
                + "multi-node-serving.sh leader --ray_cluster_size=$(LWS_GROUP_SIZE); \n"
                + "                 python3 -m " + OPENAI + " --port 8080 --model meta-llama/Llama-3.1-405B-Instruct"
                + " --tensor-parallel-size 8 --pipeline_parallel_size 2"), null),
            read(VllmArgs.Invocation.SHELL, "meta-llama/Llama-3.1-405B-Instruct", "8", "-", "-")),
        example(CORPUS + "vllm-project__aibrix__samples__disaggregation__vllm__1p1d.yaml",
            container("aibrix/vllm-openai:v0.10.0-cu128-nixl-v0.4.1-lmcache-0.3.2", List.of("sh", "-c"),
                List.of("vllm serve \\\n--host \"0.0.0.0\" \\\n--port \"8000\" \\\n--uvicorn-log-level warning \\\n"
                    + "--model /models/Qwen3-8B \\\n--served-model-name qwen3-8B \\\n"
                    + "--kv-transfer-config '{\"kv_connector\":\"NixlConnector\",\"kv_role\":\"kv_both\"}'\n"),
                env("PYTHONHASHSEED", "1047")),
            read(VllmArgs.Invocation.SHELL, "/models/Qwen3-8B", "-", "-", "-")),
        example(CORPUS + "vllm-project__production-stack__examples__disaggregated_prefill_orchestrated__decode-deploy.yaml",
            container("ubuntu:22.04", List.of("/bin/bash", "-exc", "set -x\n\napt-get update\n"
                + "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\\n  python3.10 curl\n\n"
                + "# Start vLLM server with KV transfer enabled\npython -m " + OPENAI + " \\\n  --host 0.0.0.0 \\\n"
                + "  --port ${PORT} \\\n  --model ${MODEL_ID} \\\n  --served-model-name ${SERVED_MODEL_NAME} \\\n"
                + "  --max-model-len ${MAX_SEQ_LEN}\n  # Add KV transfer configuration flags as needed for your backend\n"),
                null, env("PORT", "8000"), env("MAX_SEQ_LEN", "512"), env("MODEL_ID", "/var/mdl/YOUR-MODEL-PATH"),
                env("SERVED_MODEL_NAME", "YOUR-MODEL-NAME"), secret("HF_TOKEN")),
            read(VllmArgs.Invocation.SHELL, "/var/mdl/YOUR-MODEL-PATH", "-", "-", "-")),
        example("sh -c with && before exec vllm serve, quotes and $VAR from env",
            container("vllm/vllm-openai:v0.10.0", List.of("/bin/sh", "-ec"), List.of("pip install x && exec vllm serve"
                + " \"$MODEL\" --gpu-memory-utilization \"${UTIL}\" -tp '2' 2>&1 | tee /tmp/log"),
                env("MODEL", "google/gemma-3-1b-it"), env("UTIL", "0.42")),
            read(VllmArgs.Invocation.SHELL, "google/gemma-3-1b-it", "2", "0.42", "args[0]")),
        example("bash -c: a variable assigned by the script, a default for an unset one",
            container("vllm/vllm-openai:v0.10.0", List.of("bash", "-c", "MODEL=google/gemma-3-1b-it\n"
                + "vllm serve $MODEL --gpu-memory-utilization ${UTIL:-0.35}"), null),
            read(VllmArgs.Invocation.SHELL, "google/gemma-3-1b-it", "-", "0.35", "command[2]")),
        example("bash -c: a variable set in an if, or from a Secret, is unknown",
            container("vllm/vllm-openai:v0.10.0", List.of("bash", "-c", "if [ -n \"$BIG\" ]; then UTIL=0.8; fi; "
                + "vllm serve $MODEL --gpu-memory-utilization $UTIL"), null, secret("MODEL"), env("UTIL", "0.4")),
            read(VllmArgs.Invocation.SHELL, "?", "-", "?", "command[2]")),
        example("bash -c: $(...) command substitution is unknown",
            container("vllm/vllm-openai:v0.10.0", List.of("bash", "-c"), List.of("vllm serve m"
                + " --tensor-parallel-size $(nvidia-smi -L | wc -l) --gpu-memory-utilization=0.5")),
            read(VllmArgs.Invocation.SHELL, "m", "?", "0.5", "args[0]")),

        // no server start found: flags are still read
        example("a wrapper script of the image's own, its flags in args",
            container("vllm/vllm-openai:v0.10.0", List.of("/opt/start.sh"), List.of("--model", "m", "-tp", "4",
                "--gpu-memory-utilization=0.8")),
            read(VllmArgs.Invocation.UNRECOGNIZED, "m", "4", "0.8", "args[4]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void should_read_the_model_parallelism_and_utilization_when_the_server_is_started_so(String source,
      Container container, Read expected) {
    // GIVEN a container as a manifest writes it (see the source in the test's name)
    // WHEN
    VllmArgs args = VllmArgs.read(container);
    // THEN
    assertThat(describe(args)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incomplete")
  void should_not_be_complete_when_more_flags_may_come_from_what_only_the_pod_knows(String source, Container container) {
    // GIVEN a --config file or a word no one spells out
    // WHEN
    VllmArgs args = VllmArgs.read(container);
    // THEN a flag not found may still be set
    assertThat(args.complete()).isFalse();
    assertThat(args.last(Flag.GPU_MEMORY_UTILIZATION)).isEmpty();
  }

  static Stream<Arguments> incomplete() {
    return Stream.of(
        Arguments.of("vllm/utils/argparse_utils.py _pull_args_from_config: vllm serve MODEL --config config.yaml",
            container("vllm/vllm-openai:v0.10.0", List.of("vllm", "serve", "m", "--config", "/etc/vllm/c.yaml"), null)),
        Arguments.of("a ConfigMap's EXTRA_ARGS after the model",
            container("vllm/vllm-openai:v0.10.0", List.of("sh", "-c", "vllm serve m $EXTRA_ARGS"), null)),
        Arguments.of("a wrapper script of the image's own, which may add flags of its own",
            container("vllm/vllm-openai:v0.10.0", List.of("/opt/start.sh"), List.of("--model", "m"))),
        Arguments.of("an argument from a Secret",
            container("vllm/vllm-openai:v0.10.0", List.of("vllm", "serve", "m", "$(EXTRA)"), null, secret("EXTRA"))));
  }

  @Test
  void should_tell_a_literal_value_from_one_a_variable_gave_when_reading_the_api_key() {
    // GIVEN
    Container literal = container("vllm/vllm-openai:v0.10.0", List.of("vllm", "serve", "m", "--api-key", "sk-1"), null);
    Container fromEnv = container("vllm/vllm-openai:v0.10.0", List.of("sh", "-c", "vllm serve m --api-key $KEY"), null,
        env("KEY", "sk-2"));
    // WHEN
    Option written = VllmArgs.read(literal).last(Flag.API_KEY).orElseThrow();
    Option expanded = VllmArgs.read(fromEnv).last(Flag.API_KEY).orElseThrow();
    // THEN
    assertThat(written).isEqualTo(new Option("--api-key", Optional.of("sk-1"), false,
        new VllmArgs.Location("command", 4)));
    assertThat(expanded).isEqualTo(new Option("--api-key", Optional.of("sk-2"), true,
        new VllmArgs.Location("command", 2)));
  }

  private static Read describe(VllmArgs args) {
    return new Read(args.invocation(), text(args.last(Flag.MODEL)), text(args.last(Flag.TENSOR_PARALLEL_SIZE)),
        text(args.last(Flag.GPU_MEMORY_UTILIZATION)),
        args.last(Flag.GPU_MEMORY_UTILIZATION).map(o -> o.location().toString()).orElse("-"));
  }

  private static String text(Optional<Option> option) {
    return option.map(o -> o.value().orElse("?")).orElse("-");
  }

  private static Arguments example(String source, Container container, Read expected) {
    return Arguments.of(source, container, expected);
  }

  private static Read read(VllmArgs.Invocation invocation, String model, String tp, String utilization, String at) {
    return new Read(invocation, model, tp, utilization, at);
  }

  static Container container(String image, List<String> command, List<String> args, EnvVar... env) {
    return new ContainerBuilder().withName("vllm").withImage(image)
        .withCommand(command == null ? null : new ArrayList<>(command))
        .withArgs(args == null ? null : new ArrayList<>(args))
        .withEnv(List.of(env)).build();
  }

  static EnvVar env(String name, String value) {
    return new EnvVar(name, value, null);
  }

  static EnvVar secret(String name) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName("s").withKey("k")
        .endSecretKeyRef().endValueFrom().build();
  }
}
