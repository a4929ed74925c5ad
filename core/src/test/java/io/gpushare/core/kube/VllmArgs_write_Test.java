package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.VllmArgs.Flag;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What gpushare writes for vLLM's server, and that it reads it back. */
class VllmArgs_write_Test {

  @Test
  void should_write_the_tutorials_arguments_when_given_the_tutorials_spec() {
    // GIVEN
    VllmWorkloadSpec spec = TutorialSpecs.vllm("vllm-gpu", "gpu-claim", 2, "0.42");
    // WHEN
    List<String> args = VllmArgs.write(spec);
    // THEN the GKE tutorial's lines, byte for byte
    assertThat(args).containsExactly("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it",
        "--gpu-memory-utilization=0.42");
  }

  @Test
  void should_write_a_flag_with_its_value_when_the_value_is_a_number() {
    // GIVEN / WHEN
    String tensor = Flag.TENSOR_PARALLEL_SIZE.write(4L);
    String utilization = Flag.GPU_MEMORY_UTILIZATION.write(new BigDecimal("4.2E-1"));
    // THEN
    assertThat(tensor).isEqualTo("--tensor-parallel-size=4");
    assertThat(utilization).isEqualTo("--gpu-memory-utilization=0.42");
  }

  @Test
  void should_name_the_flag_a_spec_writes_itself_when_an_extra_argument_repeats_it() {
    // GIVEN / WHEN / THEN vLLM's parser reads _ as -, so --gpu_memory_utilization repeats the attribute too
    assertThat(VllmArgs.writtenFlag("--port=9000")).contains(Flag.PORT);
    assertThat(VllmArgs.writtenFlag("--gpu_memory_utilization=0.5")).contains(Flag.GPU_MEMORY_UTILIZATION);
    assertThat(VllmArgs.writtenFlag("--max-model-len=2048")).isEmpty();
    assertThat(VllmArgs.writtenFlag("-tp")).isEmpty();
  }

  @Test
  void should_know_a_flag_by_its_alias_or_underscored_name_when_asked() {
    // GIVEN / WHEN / THEN (vllm/engine/arg_utils.py: "--tensor-parallel-size", "-tp")
    assertThat(Flag.of("-tp")).contains(Flag.TENSOR_PARALLEL_SIZE);
    assertThat(Flag.of("--pipeline_parallel_size")).contains(Flag.PIPELINE_PARALLEL_SIZE);
    assertThat(Flag.of("-dp")).contains(Flag.DATA_PARALLEL_SIZE);
    assertThat(Flag.of("--no-such-flag")).isEmpty();
  }

  @Test
  void should_read_back_into_a_spec_what_it_wrote_when_the_arguments_are_its_own() {
    // GIVEN
    VllmWorkloadSpec written = withoutArguments().host("0.0.0.0").port(9000).model("google/gemma-3-1b-it")
        .gpuMemoryUtilization(new BigDecimal("0.420")).addExtraArgs("--max-model-len=2048").build();
    VllmWorkloadSpec.Builder read = withoutArguments();
    // WHEN
    boolean recognized = VllmArgs.readInto(VllmArgs.write(written), read);
    // THEN
    assertThat(recognized).isTrue();
    assertThat(read.build()).isEqualTo(written);
  }

  private static VllmWorkloadSpec.Builder withoutArguments() {
    return VllmWorkloadSpec.builder().name("vllm-gpu").replicas(2).image("vllm/vllm-openai:v0.8.5")
        .addAllCommand(VllmArgs.openAiServerCommand()).claim(ClaimReference.of("gpu", "gpu-claim"))
        .sharedMemoryVolume(true);
  }

  @Test
  void should_not_read_back_a_spec_when_the_model_is_missing_or_the_port_is_not_a_number() {
    // GIVEN
    VllmWorkloadSpec.Builder spec = VllmWorkloadSpec.builder().name("v").replicas(1).image("i")
        .claim(ClaimReference.of("gpu", "c")).sharedMemoryVolume(false);
    // WHEN / THEN
    assertThat(VllmArgs.readInto(List.of("--port=8000"), spec)).isFalse();
    assertThat(VllmArgs.readInto(List.of("--model=m", "--port=eighty"), spec)).isFalse();
  }
}
