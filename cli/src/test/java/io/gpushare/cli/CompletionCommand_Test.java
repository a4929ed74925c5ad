package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gpushare completion bash|zsh}: a script generated from the command model. */
class CompletionCommand_Test extends CliTest {
  @TempDir Path dir;

  @Test
  void should_name_every_subcommand_and_every_option_of_lint_in_the_bash_script() {
    // GIVEN
    CommandLine model = GpuShareCommand.commandLine();
    // WHEN
    int exit = run("completion", "bash");
    // THEN
    assertThat(exit).isZero();
    String script = out.toString();
    assertThat(script).contains("local commands=\"render lint fmt memory explain completion help\"");
    assertThat(model.getSubcommands().keySet()).containsExactly("render", "lint", "fmt", "memory", "explain",
        "completion", "help");
    for (String subcommand : model.getSubcommands().keySet()) {
      assertThat(script).contains("_picocli_gpushare_" + subcommand + "()");
    }
    List<String> lintOptions = model.getSubcommands().get("lint").getCommandSpec().options().stream()
        .flatMap(option -> List.of(option.names()).stream()).toList();
    assertThat(lintOptions).contains("--format", "--color", "--strict", "--catalog");
    for (String option : lintOptions) {
      assertThat(script).contains(option);
    }
    assertThat(script).contains("local FORMAT_option_args=(\"text\" \"json\" \"sarif\")")
        .contains("local WHEN_option_args=(\"always\" \"auto\" \"never\")");
  }

  @Test
  void should_write_the_same_script_for_zsh_which_loads_bashcompinit_itself() {
    // GIVEN
    run("completion", "bash");
    String bash = out.toString();
    out.getBuffer().setLength(0);
    // WHEN
    int exit = run("completion", "zsh");
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo(
        "# gpushare completion for zsh: a bash completion script, which loads zsh's bashcompinit itself\n" + bash);
    assertThat(bash).contains("elif [ -n \"$ZSH_VERSION\" ]; then")
        .contains("autoload -U +X bashcompinit && bashcompinit");
  }

  @Test
  void should_complete_lints_options_when_sourced_in_bash() throws IOException, InterruptedException {
    // GIVEN
    run("completion", "bash");
    Path script = Files.writeString(dir.resolve("gpushare.bash"), out.toString());
    // WHEN: bash completes `gpushare lint --c`, as on a TAB
    Process bash = new ProcessBuilder("bash", "-c", "source " + script + "; COMP_WORDS=(gpushare lint --c);"
        + " COMP_CWORD=2; COMP_LINE='gpushare lint --c'; COMP_POINT=${#COMP_LINE};"
        + " _complete_gpushare gpushare --c lint 2>/dev/null; echo \"${COMPREPLY[@]}\"").start();
    String completed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // THEN
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(completed).isEqualTo("--color --catalog\n");
  }

  @Test
  void should_refuse_another_shell_with_exit_2() {
    // WHEN
    int exit = run("completion", "fish");
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("Invalid value for positional parameter at index 0 (SHELL): expected one of"
        + " [bash, zsh] (case-sensitive) but was 'fish'");
  }
}
