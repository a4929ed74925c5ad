package io.gpushare.cli;

/**
 * The {@code gpushare} command's entry point: {@code java -jar cli/target/gpushare.jar render --out manifests}.
 * Exit codes: 0 success, 1 manifests not written (validation failed, or a file could not be
 * written), 2 usage error. Messages go to stderr; YAML to stdout or files.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code, without exiting the JVM. */
  static int run(String... args) {
    return GpuShareCommand.onTerminal(GpuShareCommand.commandLineFor(args)).execute(args);
  }
}
