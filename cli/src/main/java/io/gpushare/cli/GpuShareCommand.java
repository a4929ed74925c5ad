package io.gpushare.cli;

import io.gpushare.core.validate.ValidationException;
import java.util.List;
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

  /**
   * The subcommands, in the order the help lists them. Each is made only when a command line that
   * holds it is built: picocli reads a command's annotations when it is added, a cost of start-up
   * that a run of one subcommand should not pay for the others (docs/performance.md, "Start-up").
   */
  private static final List<String> SUBCOMMANDS = List.of("render", "lint", "fmt", "memory", "explain", "completion", "help");

  private static Object subcommand(String name) {
    // a switch, not a table of constructor references: each reference is a call site linked at start-up
    return switch (name) {
      case "render" -> new RenderCommand();
      case "lint" -> new LintCommand();
      case "fmt" -> new FmtCommand();
      case "memory" -> new MemoryCommand();
      case "explain" -> new ExplainCommand();
      case "completion" -> new CompletionCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /**
   * The command line printing to the process's own stdout and stderr, as {@link Main} runs it: colour
   * as picocli decides for a terminal ({@code Ansi.AUTO}), and {@code lint --color auto} with it.
   */
  static CommandLine onTerminal(CommandLine commandLine) {
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.AUTO));
    return commandLine;
  }

  /** Whether this command line prints to the process's own stdout, and that is a terminal. */
  static boolean printsToTerminal(CommandLine commandLine) {
    return commandLine.getColorScheme().ansi() != CommandLine.Help.Ansi.OFF && stdoutIsTerminal();
  }

  /**
   * Whether the JVM's console is a terminal. Before JDK 22 a console exists only then; from JDK 22 one
   * may exist with output redirected, and {@code Console.isTerminal()} (a JDK 22 method, called by name
   * on older runtimes' behalf) tells.
   */
  private static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** A command line with every subcommand, gpushare's exit codes and error handling. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * The command line that runs these arguments: when the first names a subcommand, only that one is
   * made; otherwise all of them, so that usage errors and the help list every subcommand. {@code help}
   * and {@code completion} describe every subcommand, so they get all of them too.
   */
  public static CommandLine commandLineFor(String... args) {
    if (args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("help") && !args[0].equals("completion")) {
      return commandLine(List.of(args[0]));
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<String> names) {
    CommandLine commandLine = new CommandLine(new GpuShareCommand());
    for (String name : names) {
      commandLine.addSubcommand(name, subcommand(name));
    }
    // no colour for a caller that captures what the commands print (tests, CorpusLint, an embedding
    // application); Main, which prints to the process's own stdout, turns it on (onTerminal)
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
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
