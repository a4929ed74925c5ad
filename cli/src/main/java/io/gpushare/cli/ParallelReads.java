package io.gpushare.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads many files on every core: at most one thread per core, each taking the next file, and the
 * results in the order of the files, so the output does not depend on which thread read what.
 * A few files are read on the calling thread (a thread costs more than a small file).
 */
final class ParallelReads {
  /** Below this many files no thread is started. */
  static final int SEQUENTIAL_BELOW = 16;

  private ParallelReads() {}

  /** {@code read} applied to every file, in the order of {@code files}. */
  static <T> List<T> map(List<String> files, Function<String, T> read) {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), files.size() / SEQUENTIAL_BELOW);
    if (threads <= 1) {
      List<T> results = new ArrayList<>(files.size());
      files.forEach(file -> results.add(read.apply(file)));
      return results;
    }
    Object[] results = new Object[files.size()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "gpushare-read");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            results[i] = read.apply(files.get(i));
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the files", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) java.util.Arrays.asList(results);
    return list;
  }
}
