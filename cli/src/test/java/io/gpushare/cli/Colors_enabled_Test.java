package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.validate.Severity;
import org.junit.jupiter.api.Test;

/** When {@code lint} colours its text: the decision, given the terminal and NO_COLOR (https://no-color.org). */
class Colors_enabled_Test {
  @Test
  void should_colour_when_auto_on_a_terminal_without_no_color() {
    // WHEN / THEN
    assertThat(Colors.enabled(Colors.Mode.auto, true, null)).isTrue();
  }

  @Test
  void should_not_colour_when_auto_and_stdout_is_not_a_terminal() {
    // WHEN / THEN: piped into a file, sed or a CI log
    assertThat(Colors.enabled(Colors.Mode.auto, false, null)).isFalse();
  }

  @Test
  void should_not_colour_when_auto_and_no_color_is_set_to_anything() {
    // WHEN / THEN: "when present and not an empty string", whatever its value
    assertThat(Colors.enabled(Colors.Mode.auto, true, "1")).isFalse();
    assertThat(Colors.enabled(Colors.Mode.auto, true, "false")).isFalse();
  }

  @Test
  void should_colour_when_auto_and_no_color_is_empty() {
    // WHEN / THEN: an empty NO_COLOR is as if unset
    assertThat(Colors.enabled(Colors.Mode.auto, true, "")).isTrue();
  }

  @Test
  void should_follow_the_option_alone_when_always_or_never() {
    // WHEN / THEN: an explicit option wins over the terminal and NO_COLOR
    assertThat(Colors.enabled(Colors.Mode.always, false, "1")).isTrue();
    assertThat(Colors.enabled(Colors.Mode.never, true, null)).isFalse();
  }

  @Test
  void should_colour_only_the_severity_word_of_a_line() {
    // GIVEN
    Colors colors = Colors.of(Colors.Mode.always, false, null);
    // WHEN
    String line = colors.severityFirst(Severity.WARNING, "WARNING API_KEY_MISSING Service[s].spec.type: ...");
    // THEN
    assertThat(line).isEqualTo("\u001b[1;33mWARNING\u001b[0m API_KEY_MISSING Service[s].spec.type: ...");
    assertThat(Colors.of(Colors.Mode.never, true, null).severityFirst(Severity.WARNING, "WARNING X")).isEqualTo("WARNING X");
  }
}
