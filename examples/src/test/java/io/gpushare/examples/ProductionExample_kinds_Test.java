package io.gpushare.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.Severity;
import io.gpushare.dsl.GpuShare;
import io.gpushare.dsl.VllmOptions;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The production pod of {@link ProductionExample} under every workload kind the DSL writes: judged without a warning. */
class ProductionExample_kinds_Test {

  static Stream<Consumer<VllmOptions>> kinds() {
    return Stream.of(
        v -> v.recreate(),
        v -> v.rollingUpdate("0", "1"),
        v -> v.statefulSet("vllm-pods"),
        v -> v.job(JobOptions.builder().completions(2).backoffLimit(1).build()),
        v -> v.replicas(1).leaderWorkerSet(2));
  }

  private static ManifestBundle bundle(Consumer<VllmOptions> kind) {
    return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
        .vllm("vllm", v -> {
          v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0").replicas(2).gpuMemoryUtilization(0.42)
              .extraArgs("--kv-cache-memory-bytes=4294967296")
              .huggingFaceToken("hf-secret", "hf_api_token").apiKey("vllm-api-key", "key")
              .requests("2", "8Gi").limits("4", "16Gi").vllmProbes().huggingFaceCache("hf-cache");
          kind.accept(v);
        })
        .clusterIp("vllm-server", 8000)
        .inNamespace("ml")
        .build();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void should_give_no_warning_when_the_production_pod_runs_under_each_kind(Consumer<VllmOptions> kind) {
    // WHEN
    var report = ManifestRenderer.standard().render(bundle(kind)).report();
    // THEN
    assertThat(report.findings(Severity.WARNING)).extracting(Finding::headline).isEmpty();
    assertThat(report.findings(Severity.ERROR)).extracting(Finding::headline).isEmpty();
  }
}
