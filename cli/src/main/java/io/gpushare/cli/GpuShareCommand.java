package io.gpushare.cli;

import io.gpushare.core.validate.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gpushare}: the top-level command; its subcommands do the work.
 *
 * <pre>
 * $ gpushare render --out manifests
 * wrote manifests/claim.yaml
 * wrote manifests/vllm.yaml
 * </pre>
 */
@Command(
    name = "gpushare",
    mixinStandardHelpOptions = true,
    versionProvider = GpuShareCommand.Version.class,
    description = "Typed, validated Kubernetes DRA manifests that share NVIDIA GPUs between vLLM servers.",
    subcommands = {RenderCommand.class, LintCommand.class, FmtCommand.class, MemoryCommand.class,
      ExplainCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:render: manifests not written (validation failed, or a file could not be written);"
          + " lint: an error found (or a warning, with --strict); memory: it does not fit",
      "2:usage error; lint and fmt: a file could not be read or parsed; memory: an unknown model or GPU;"
          + " explain: no such code"
    })
public final class GpuShareCommand implements Runnable {
  static final int EXIT_NOT_WRITTEN = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A command line with gpushare's exit codes and error handling. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new GpuShareCommand());
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (e instanceof ValidationException invalid) {
        cmd.getErr().println("gpushare: " + invalid.getMessage());
        return EXIT_NOT_WRITTEN;
      }
      if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
        cmd.getErr().println("gpushare: " + e.getMessage());
        return EXIT_NOT_WRITTEN;
      }
      throw e;
    });
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'gpushare render'");
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = GpuShareCommand.class.getPackage().getImplementationVersion();
      return new String[] {"gpushare " + (version == null ? "(development build)" : version)};
    }
  }
}
