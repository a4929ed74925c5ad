package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelReads_map_Test {

  @Test
  void should_give_the_results_in_the_order_of_the_files_when_read_on_several_threads() {
    // GIVEN more files than are read on the calling thread, some slower than others
    List<String> files = IntStream.range(0, 200).mapToObj(i -> "f" + i + ".yaml").toList();
    // WHEN
    List<String> results = ParallelReads.map(files, file -> {
      if (file.hashCode() % 3 == 0) {
        Thread.onSpinWait();
      }
      return file.toUpperCase(java.util.Locale.ROOT);
    });
    // THEN
    assertThat(results).isEqualTo(files.stream().map(f -> f.toUpperCase(java.util.Locale.ROOT)).toList());
  }

  @Test
  void should_read_on_the_calling_thread_when_there_are_few_files() {
    // GIVEN
    List<String> files = List.of("a.yaml", "b.yaml");
    // WHEN
    List<String> threads = ParallelReads.map(files, file -> Thread.currentThread().getName());
    // THEN
    assertThat(threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void should_throw_what_a_read_threw_when_it_escapes() {
    // GIVEN
    List<String> files = IntStream.range(0, 100).mapToObj(i -> "f" + i).toList();
    // WHEN / THEN
    assertThatThrownBy(() -> ParallelReads.map(files, file -> {
      if (file.equals("f57")) {
        throw new IllegalStateException("defect on " + file);
      }
      return file;
    })).isInstanceOf(IllegalStateException.class).hasMessage("defect on f57");
  }
}
