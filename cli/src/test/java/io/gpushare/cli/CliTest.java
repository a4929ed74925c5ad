package io.gpushare.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Base of the command tests: runs the gpushare command line in-process and keeps what it printed. */
abstract class CliTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return run(GpuShareCommand.commandLine(), args);
  }

  int run(CommandLine commandLine, String... args) {
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
