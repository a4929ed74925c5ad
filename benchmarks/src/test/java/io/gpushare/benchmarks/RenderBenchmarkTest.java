package io.gpushare.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each benchmark produces the bytes of its files. Timings are never asserted here. */
class RenderBenchmarkTest {
  private final RenderBenchmark benchmark = new RenderBenchmark();

  @BeforeEach
  void setUp() {
    benchmark.setUp();
  }

  @Test
  void everyBenchmarkReturnsItsFilesNonEmpty() {
    // gpushare writes claim.yaml, vllm.yaml and dra-driver-values.yaml; fabric8 the first two
    assertFiles(benchmark.gpushare(), 3);
    assertFiles(benchmark.gpushareRenderOnly(), 3);
    assertFiles(benchmark.fabric8AsYaml(), 2);
    assertFiles(benchmark.fabric8BuildAndAsYaml(), 2);
  }

  private static void assertFiles(byte[][] files, int count) {
    assertThat(files.length).isEqualTo(count);
    for (byte[] file : files) {
      assertThat(file).isNotEmpty();
    }
  }
}
