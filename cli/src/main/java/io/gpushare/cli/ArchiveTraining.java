package io.gpushare.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the class-data-sharing archive {@code gpushare.jsa} that {@code mvn package}
 * writes beside the jar: one JVM that renders the tutorial, lints and formats what it rendered,
 * lints the MIG example (whose CEL selectors load the CEL compiler), writes SARIF, explains a code,
 * prints the bash completion, computes one server's memory and
 * prints the help, so the archive holds the classes of every
 * command. The build runs it as
 * <pre>
 * java -XX:DumpLoadedClassList=target/gpushare.classlist -cp target/gpushare.jar io.gpushare.cli.ArchiveTraining
 * java -Xshare:dump -XX:SharedClassListFile=target/gpushare.classlist -XX:SharedArchiveFile=target/gpushare.jsa -cp target/gpushare.jar
 * </pre>
 * and the launcher {@code target/gpushare} starts the JVM with that archive. Not part of the command line.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("gpushare-cds");
    PrintStream out = System.out;
    PrintStream err = System.err;
    try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8")) {
      System.setOut(quiet);
      System.setErr(quiet);
      String dir = work.resolve("manifests").toString();
      Main.run("render", "--out", dir);
      Main.run("render");
      Main.run("lint", dir);
      Main.run("lint", "--format", "json", dir + "/claim.yaml", dir + "/vllm.yaml");
      Main.run("lint", "--format", "sarif", dir);
      Main.run("explain", "VLLM_STARTUP_RACE");
      Main.run("completion", "bash");
      String mig = work.resolve("mig").toString();
      Main.run("render", "--example", "mig", "--out", mig);
      Main.run("lint", mig); // its CEL selectors: the classes of dev.cel's compiler
      Main.run("fmt", dir + "/vllm.yaml");
      Main.run("fmt", "--check", dir + "/claim.yaml");
      Main.run("fmt", "--write", dir + "/claim.yaml");
      Main.run("memory", "--model", "meta-llama/Llama-3.1-8B-Instruct", "--gpu", "A100_40GB", "--max-model-len",
          "8192");
      Main.run("memory", "--format", "json", "--model", "meta-llama/Llama-3.1-8B-Instruct", "--gpu-memory",
          "79.19Gi", "--gpu-memory-utilization", "0.9");
      Main.run("--help");
    } finally {
      System.setOut(out);
      System.setErr(err);
      delete(work);
    }
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
