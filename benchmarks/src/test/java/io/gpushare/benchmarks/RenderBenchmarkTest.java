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
    // gpushare writes claim.yaml and vllm.yaml (the driver values apart), as fabric8 does
    assertFiles(benchmark.gpushare(), 2);
    assertFiles(benchmark.gpushareRenderOnly(), 2);
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
