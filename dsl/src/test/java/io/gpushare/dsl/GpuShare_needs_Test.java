package io.gpushare.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.memory.ModelArchitecture;
import io.gpushare.core.memory.ModelSpec;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link VllmOptions#needs}: the DSL computes the utilization users otherwise guess. The expected fractions
 * are derived here from vLLM's budget ({@code vllm/v1/worker/gpu_worker.py} {@code determine_available_memory}:
 * utilization x total = weights + activation peak + non-torch + KV cache) for Llama 3.1 8B: 8.03 B x 2 B of
 * weights, 131072 B of KV cache per token (2 x 32 layers x 8 KV heads x 128 x 2 B).
 */
class GpuShare_needs_Test {
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  private static final long GIB = 1L << 30;
  private static final long WEIGHTS = 16_060_000_000L;
  /**
   * From vLLM 0.17: the logits of the batched tokens x vocabulary 128256 x 2 B; vLLM batches 2048 tokens by
   * default on an A100 and on devices under 70 GiB ({@code vllm/engine/arg_utils.py}).
   */
  private static final long ACTIVATION = 2048L * 128256 * 2;
  /** The A100 40GB as CUDA reports it (gpus.json: the 40960 MiB published less 469 MiB). */
  private static final long A100_TOTAL = 40491L << 20;
  /** From vLLM 0.18 at tensor parallel size 1. */
  private static final long NON_TORCH = GIB / 4;
  /** Four sequences of 8192 tokens x 131072 B. */
  private static final long KV_4_X_8192 = 4L * 8192 * 131072;

  private static VllmWorkloadSpec server(ManifestBundle bundle) {
    return (VllmWorkloadSpec) bundle.specs().get(1);
  }

  private static ManifestBundle onA100(Consumer<VllmOptions> options) {
    return GpuShare.perPod("gpu-per-pod").onGpu("NVIDIA A100-SXM4-40GB").wholeGpu()
        .vllm("vllm", options).build();
  }

  private static BigDecimal smallest(long bytes, long total) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(total), 2, RoundingMode.CEILING);
  }

  @Test
  void should_write_the_smallest_utilization_and_the_kv_cache_bytes_when_the_image_has_the_flag() {
    // GIVEN 4 sequences of 8192 tokens of Llama 3.1 8B on an A100 40GB, vLLM 0.19.0
    // WHEN
    VllmWorkloadSpec server = server(onA100(v -> v.model(LLAMA).image("vllm/vllm-openai:v0.19.0").needs(8192, 4)));
    // THEN (14.96 + 0.49 + 0.25 + 4.00 GiB) / 39.54 GiB = 0.498 -> 0.50, and the KV cache of exactly the needs
    BigDecimal expected = smallest(WEIGHTS + ACTIVATION + NON_TORCH + KV_4_X_8192, A100_TOTAL);
    assertThat(expected).isEqualByComparingTo("0.50");
    assertThat(server.gpuMemoryUtilization()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo(expected));
    assertThat(server.extraArgs()).containsExactly("--max-model-len=8192", "--kv-cache-memory-bytes=4294967296");
  }

  @Test
  void should_write_no_kv_cache_bytes_when_the_release_predates_the_flag() {
    // GIVEN vLLM 0.9.2: no --kv-cache-memory-bytes (first release 0.11.0), 2.4 x the activation, 0.13 GiB non-torch
    // WHEN
    VllmWorkloadSpec server = server(onA100(v -> v.model(LLAMA).image("vllm/vllm-openai:v0.9.2").needs(8192, 4)));
    // THEN (14.96 + 1.18 + 0.13 + 4.00 GiB) / 39.54 GiB = 0.513 -> 0.52
    long activation = Math.round(ACTIVATION * 2.4);
    long nonTorch = Math.round(0.13 * GIB);
    BigDecimal expected = smallest(WEIGHTS + activation + nonTorch + KV_4_X_8192, A100_TOTAL);
    assertThat(expected).isEqualByComparingTo("0.52");
    assertThat(server.gpuMemoryUtilization()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo(expected));
    assertThat(server.extraArgs()).containsExactly("--max-model-len=8192");
  }

  @Test
  void should_size_the_fraction_on_the_slice_when_the_claim_is_a_mig_slice() {
    // GIVEN a 3g.40gb slice of no named GPU: 39936 MiB (MigProfile.derived: 40 GiB x 0.975 in 128 MiB steps),
    // not the GPU's 80
    // WHEN
    VllmWorkloadSpec server = server(GpuShare.perPod("gpu-slice").migSlice("3g.40gb")
        .vllm("vllm", v -> v.model(LLAMA).image("vllm/vllm-openai:v0.19.0").needs(8192, 4)).build());
    // THEN 19.70 GiB / 39.00 GiB = 0.505 -> 0.51
    BigDecimal expected = smallest(WEIGHTS + ACTIVATION + NON_TORCH + KV_4_X_8192, 39936L << 20);
    assertThat(expected).isEqualByComparingTo("0.51");
    assertThat(server.gpuMemoryUtilization()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo(expected));
  }

  @Test
  void should_batch_as_on_the_named_gpu_when_the_slice_is_of_an_a100() {
    // GIVEN the 7g.80gb slice of an A100 80GB (80896 MiB): vLLM batches 2048 tokens on an A100 whatever its
    // memory, as lint reads the product from the claim; the slice's label ("MIG 7g.80gb") is no product name,
    // and planning by it took 8192 tokens (4 x the activation)
    // WHEN
    VllmWorkloadSpec server = server(GpuShare.perPod("gpu-slice").onGpu("NVIDIA A100-SXM4-80GB").migSlice("7g.80gb")
        .vllm("vllm", v -> v.model(LLAMA).image("vllm/vllm-openai:v0.19.0").needs(8192, 4)).build());
    // THEN (14.96 + 0.49 + 0.25 + 4.00 GiB) / 79.00 GiB = 0.249 -> 0.25
    BigDecimal expected = smallest(WEIGHTS + ACTIVATION + NON_TORCH + KV_4_X_8192, 80896L << 20);
    assertThat(expected).isEqualByComparingTo("0.25");
    assertThat(server.gpuMemoryUtilization()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo(expected));
  }

  @Test
  void should_write_the_flags_after_the_tensor_parallel_size_when_the_pod_has_several_gpus() {
    // GIVEN 2 GPUs per pod: half the weights and half the KV heads per GPU, 2.1 GiB of non-torch (NCCL)
    // WHEN
    VllmWorkloadSpec server = server(GpuShare.perPod("gpu-pair").onGpu("NVIDIA A100-SXM4-40GB").gpus(2)
        .vllm("vllm", v -> v.model(LLAMA).image("vllm/vllm-openai:v0.19.0").needs(8192, 4)
            .extraArgs("--enable-prefix-caching")).build());
    // THEN
    long perGpu = WEIGHTS / 2 + ACTIVATION + Math.round(2.1 * GIB) + KV_4_X_8192 / 2;
    assertThat(server.gpuMemoryUtilization())
        .hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo(smallest(perGpu, A100_TOTAL)));
    assertThat(server.extraArgs()).containsExactly("--tensor-parallel-size=2", "--max-model-len=8192",
        "--kv-cache-memory-bytes=" + KV_4_X_8192 / 2, "--enable-prefix-caching");
  }

  @Test
  void should_fail_naming_the_kv_cache_when_the_needs_do_not_fit() {
    // GIVEN 16 sequences of 131072 tokens: 256 GiB of KV cache
    // WHEN / THEN
    assertThatThrownBy(() -> onA100(v -> v.model(LLAMA).image("vllm/vllm-openai:v0.19.0").needs(131072, 16)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Deployment[vllm] needs(131072, 16): expected meta-llama/Llama-3.1-8B-Instruct to fit on NVIDIA"
            + " A100-SXM4-40GB at some --gpu-memory-utilization up to 1.00 (vLLM 0.19.0), found the KV cache of 16"
            + " sequences of 131072 tokens (256.00 GiB) does not fit in the 23.85 GiB the device's 39.54 GiB leave"
            + " beside weights, activation and non-torch memory; lower the needs, or use a bigger device or more"
            + " tensor-parallel GPUs");
  }

  @Test
  void should_plan_on_the_cuda_total_lint_uses_when_the_claim_asks_for_a_memory_at_least() {
    // GIVEN any GPU of at least 40Gi, which lint judges by the CUDA total of a 40 GiB GPU (less 469 MiB):
    // the same device, to the planner, as the A100 40GB
    Function<Integer, ManifestBundle> atLeast40 = sequences -> GpuShare.perPod("gpu-per-pod")
        .withMemoryAtLeast("40Gi").wholeGpu()
        .vllm("vllm", v -> v.model(LLAMA).image("vllm/vllm-openai:v0.19.0").needs(32768, sequences)).build();
    // WHEN / THEN 5 sequences of 32768 tokens (20 GiB) plan as on the A100 40GB
    assertThat(server(atLeast40.apply(5)).gpuMemoryUtilization()).isEqualTo(
        server(onA100(v -> v.model(LLAMA).image("vllm/vllm-openai:v0.19.0").needs(32768, 5))).gpuMemoryUtilization());
    // and 6 (24 GiB) do not fit beside the rest of 39.54 GiB: planned on 40.00 GiB they once did, and the
    // manifest asked for more memory than the GPU has
    assertThatThrownBy(() -> atLeast40.apply(6)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not fit in the 23.85 GiB the device's 39.54 GiB leave");
  }

  @Test
  void should_fail_when_the_claim_does_not_say_its_device() {
    // GIVEN a shared claim on any GPU
    // WHEN / THEN
    assertThatThrownBy(() -> GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> v.model(LLAMA).needs(8192, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Deployment[vllm] needs(8192, 1): expected the claim to say its device, found no product, MIG"
            + " slice or memory that gpushare can size; add onGpu(\"NVIDIA A100-SXM4-40GB\"), a migSlice(...) or"
            + " withMemoryAtLeast(\"40Gi\") before vllm(...)");
  }

  @Test
  void should_fail_when_both_a_fraction_and_needs_are_given() {
    // WHEN / THEN
    assertThatThrownBy(() -> onA100(v -> v.model(LLAMA).gpuMemoryUtilization(0.42).needs(8192, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Deployment[vllm] has both gpuMemoryUtilization(0.42) and needs(...): give one, needs(...)"
            + " computes the utilization");
  }

  @Test
  void should_fail_when_extra_args_set_a_flag_needs_writes() {
    // WHEN / THEN
    assertThatThrownBy(() -> onA100(v -> v.model(LLAMA).needs(8192, 1).extraArgs("--max-model-len=4096")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Deployment[vllm] has needs(...) and --max-model-len=4096 in extraArgs: needs(...) writes"
            + " --max-model-len itself; remove it from extraArgs");
  }

  @Test
  void should_fail_when_the_catalog_does_not_know_the_model() {
    // WHEN / THEN
    assertThatThrownBy(() -> onA100(v -> v.model("acme/chat-7b").needs(8192, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Deployment[vllm] needs(8192, 1): expected a model whose layers, KV heads and vocabulary the"
            + " catalog knows, found acme/chat-7b, which it does not know; give them with"
            + " needs(HfConfigReader.read(configJson).withWeights(bytes), 8192, 1)");
  }

  @Test
  void should_plan_with_the_given_spec_when_the_model_is_described_by_hand() {
    // GIVEN a model the catalog does not know, shaped like Llama 3.1 8B
    ModelSpec spec = new ModelSpec(ModelArchitecture.gqa(32, 8, 128), WEIGHTS, 128256, 131072, "bfloat16", false);
    // WHEN
    VllmWorkloadSpec server = server(onA100(v -> v.model("acme/chat-8b").image("vllm/vllm-openai:v0.19.0")
        .needs(spec, 8192, 4)));
    // THEN the same as the catalog's Llama 3.1 8B
    assertThat(server.gpuMemoryUtilization()).hasValueSatisfying(u -> assertThat(u).isEqualByComparingTo("0.50"));
  }
}
