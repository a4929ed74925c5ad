package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VllmFlags_parse_Test {

  @Test
  void should_read_the_flags_of_a_shell_script_each_pointing_at_the_script() {
    // GIVEN: the leader of kubernetes-sigs/lws docs/examples/vllm/GPU/lws.yaml starts vLLM from a script
    List<String> command = List.of("sh", "-c", "bash /vllm-workspace/examples/online_serving/multi-node-serving.sh"
        + " leader --ray_cluster_size=$(LWS_GROUP_SIZE); \n python3 -m vllm.entrypoints.openai.api_server --port 8080"
        + " --model meta-llama/Llama-3.1-405B-Instruct --tensor-parallel-size 8 --pipeline_parallel_size 2");
    // WHEN
    VllmFlags flags = VllmFlags.parse(command, List.of());
    // THEN
    assertThat(flags.all()).containsExactly(
        new VllmFlags.Flag("--ray-cluster-size", "$(LWS_GROUP_SIZE)", "command", 2),
        new VllmFlags.Flag("--port", "8080", "command", 2),
        new VllmFlags.Flag("--model", "meta-llama/Llama-3.1-405B-Instruct", "command", 2),
        new VllmFlags.Flag("--tensor-parallel-size", "8", "command", 2),
        new VllmFlags.Flag("--pipeline-parallel-size", "2", "command", 2));
  }

  @Test
  void should_read_a_script_given_in_the_args_of_a_shell_command() {
    // GIVEN: vllm-project/vllm docs/deployment/k8s.md
    List<String> command = List.of("/bin/sh", "-c");
    List<String> args = List.of("vllm serve mistralai/Mistral-7B-Instruct-v0.3 --trust-remote-code"
        + " --gpu_memory_utilization '0.5'");
    // WHEN
    VllmFlags flags = VllmFlags.parse(command, args);
    // THEN
    assertThat(flags.all()).containsExactly(
        new VllmFlags.Flag("--model", "mistralai/Mistral-7B-Instruct-v0.3", "args", 0),
        new VllmFlags.Flag("--trust-remote-code", "", "args", 0),
        new VllmFlags.Flag("--gpu-memory-utilization", "0.5", "args", 0));
  }

  @Test
  void should_keep_an_argument_with_blanks_whole_when_no_shell_runs_it() {
    // GIVEN
    List<String> command = List.of("/usr/bin/time", "-c", "vllm serve google/gemma-3-1b-it --port 9000");
    // WHEN
    VllmFlags flags = VllmFlags.parse(command, List.of());
    // THEN
    assertThat(flags.all()).isEmpty();
  }
}
