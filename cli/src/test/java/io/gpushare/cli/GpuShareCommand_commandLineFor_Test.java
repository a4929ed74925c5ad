package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GpuShareCommand_commandLineFor_Test {
  private static final String[] EVERY = {"render", "lint", "fmt", "memory", "explain", "completion", "help"};

  @Test
  void should_make_only_the_subcommand_run_when_the_first_argument_names_one() {
    // GIVEN: the arguments of a lint run
    // WHEN
    CommandLine commandLine = GpuShareCommand.commandLineFor("lint", "manifests");
    // THEN: picocli read lint's annotations only
    assertThat(commandLine.getSubcommands()).containsOnlyKeys("lint");
  }

  @Test
  void should_make_every_subcommand_when_the_help_or_the_completion_describes_them() {
    // GIVEN / WHEN
    CommandLine help = GpuShareCommand.commandLineFor("help");
    CommandLine completion = GpuShareCommand.commandLineFor("completion", "bash");
    CommandLine none = GpuShareCommand.commandLineFor("--help");
    CommandLine typo = GpuShareCommand.commandLineFor("lnit");
    // THEN
    assertThat(help.getSubcommands()).containsOnlyKeys(EVERY);
    assertThat(completion.getSubcommands()).containsOnlyKeys(EVERY);
    assertThat(none.getSubcommands()).containsOnlyKeys(EVERY);
    assertThat(typo.getSubcommands()).containsOnlyKeys(EVERY);
  }

  @Test
  void should_print_a_completion_script_naming_every_subcommand_when_run_as_a_user_runs_it() {
    // GIVEN
    java.io.StringWriter out = new java.io.StringWriter();
    CommandLine commandLine = GpuShareCommand.commandLineFor("completion", "bash");
    commandLine.setOut(new java.io.PrintWriter(out));
    // WHEN
    int exit = commandLine.execute("completion", "bash");
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("render", "lint", "fmt", "memory", "explain");
  }

  @Test
  void should_leave_colour_to_main_when_a_caller_captures_the_output() {
    // GIVEN / WHEN: the command lines a test, scripts/CorpusLint.java or an embedding application builds
    CommandLine captured = GpuShareCommand.commandLine();
    CommandLine one = GpuShareCommand.commandLineFor("lint", "x.yaml");
    // THEN: neither counts as a terminal, whatever the JVM's console; Main's does when there is one
    assertThat(GpuShareCommand.printsToTerminal(captured)).isFalse();
    assertThat(GpuShareCommand.printsToTerminal(one)).isFalse();
    assertThat(GpuShareCommand.printsToTerminal(GpuShareCommand.onTerminal(one))).isEqualTo(System.console() != null);
  }
}
