package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint}'s text: a finding per line as CI parses it, its hint indented under it, colour only when asked. */
class LintCommand_text_Test extends CliTest {
  /** .ci/run's sed, {@code s/^[^ ]*: \(ERROR\|WARNING\|INFO\) \([A-Z_]*\) .*\/\1 \2/p}, in Java. */
  private static final Pattern CI_SED = Pattern.compile("^[^ ]*: (ERROR|WARNING|INFO) ([A-Z_]*) .*");

  @TempDir Path dir;

  private Path tutorial() throws IOException {
    return writeTutorial(dir);
  }

  @Test
  void should_keep_the_lines_ci_parses_and_leave_the_hints_out_of_them() throws IOException {
    // WHEN
    int exit = run("lint", tutorial().toString());
    // THEN: the severity and code of each finding, as .ci/run's sed reads them, and no hint among them
    assertThat(exit).isEqualTo(1);
    List<String> lines = out.toString().lines().toList();
    List<String> parsed = lines.stream().map(CI_SED::matcher).filter(Matcher::matches)
        .map(m -> m.group(1) + " " + m.group(2)).toList();
    assertThat(parsed).containsExactly("ERROR VLLM_IMAGE_TOO_OLD", "WARNING ROLLOUT_SURGE_OVERCOMMIT",
        "WARNING VLLM_STARTUP_RACE", "WARNING API_KEY_MISSING");
    assertThat(lines.stream().filter(line -> line.startsWith("  hint: "))).hasSize(4);
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 error, 3 warnings, 0 infos in 2 files");
  }

  @Test
  void should_colour_the_severity_and_dim_the_hint_when_color_is_always() throws IOException {
    // WHEN
    int exit = run("lint", "--color=always", tutorial().toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    String vllm = dir.resolve("vllm.yaml").toString();
    assertThat(out.toString().lines().toList()).startsWith(
        vllm + ":24: \u001b[1;31mERROR\u001b[0m VLLM_IMAGE_TOO_OLD"
            + " Deployment[vllm-gpu].spec.template.spec.containers[0].image: expected vLLM 0.8.2 or newer for"
            + " google/gemma-3-1b-it, found vllm/vllm-openai:v0.7.2",
        "\u001b[2m  hint: use vllm/vllm-openai:v0.8.2 or newer; an older image cannot load the model, so the"
            + " server never starts\u001b[0m",
        vllm + ":5: \u001b[1;33mWARNING\u001b[0m ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a"
            + " rolling update starts 1 more pod (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then"
            + " has 1.26 of the GPU's memory requested (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42")
        .endsWith("1 error, 3 warnings, 0 infos in 2 files");
  }

  @Test
  void should_not_colour_with_color_never() throws IOException {
    // WHEN
    run("lint", "--color", "never", tutorial().toString());
    // THEN
    assertThat(out.toString()).doesNotContain("\u001b[").contains(": ERROR VLLM_IMAGE_TOO_OLD ");
  }

  @Test
  void should_not_colour_by_default_when_the_caller_captures_the_output() throws IOException {
    // GIVEN: a command line whose output a caller captures (here the test; scripts/CorpusLint.java, an
    // embedding application), on a terminal or not: only Main's command line prints to the terminal
    // WHEN
    run("lint", tutorial().toString());
    // THEN
    assertThat(out.toString()).doesNotContain("\u001b[");
  }

  @Test
  void should_refuse_an_unknown_color_value_with_exit_2() throws IOException {
    // WHEN
    int exit = run("lint", "--color=sometimes", tutorial().toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("Invalid value for option '--color': expected one of [always, auto, never]"
        + " (case-sensitive) but was 'sometimes'");
  }
}
