package io.gpushare.cli;

import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Base of the command tests: runs the gpushare command line in-process and keeps what it printed. */
abstract class CliTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return run(GpuShareCommand.commandLine(), args);
  }

  /** The tutorial's two files as published ({@code claim.yaml}, {@code vllm.yaml}) written into {@code dir}. */
  static Path writeTutorial(Path dir) throws IOException {
    Files.writeString(dir.resolve("claim.yaml"), ReferenceDocuments.timeSlicingClaim());
    Files.writeString(dir.resolve("vllm.yaml"), ReferenceDocuments.timeSlicingVllm());
    return dir;
  }

  int run(CommandLine commandLine, String... args) {
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
