package io.gpushare.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each benchmark produces the bytes of both files. Timings are never asserted here. */
class RenderBenchmarkTest {
  private final RenderBenchmark benchmark = new RenderBenchmark();

  @BeforeEach
  void setUp() {
    benchmark.setUp();
  }

  @Test
  void everyBenchmarkReturnsTwoNonEmptyFiles() {
    for (byte[][] files :
        new byte[][][] {
          benchmark.gpushare(),
          benchmark.gpushareRenderOnly(),
          benchmark.fabric8AsYaml(),
          benchmark.fabric8BuildAndAsYaml()
        }) {
      assertThat(files.length).isEqualTo(2);
      for (byte[] file : files) {
        assertThat(file).isNotEmpty();
      }
    }
  }
}
