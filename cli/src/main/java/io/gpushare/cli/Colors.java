package io.gpushare.cli;

import io.gpushare.core.validate.Severity;

/**
 * Whether {@code lint} colours its text, and how: the severity in red (ERROR), yellow (WARNING) or
 * cyan (INFO), the hint line dim. {@code --color=auto} (the default) colours only when stdout is a
 * terminal and {@code NO_COLOR} is unset or empty (https://no-color.org); {@code always} and
 * {@code never} decide alone.
 *
 * <pre>
 * ESC[1;31mERRORESC[0m VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: ...
 * ESC[2m  hint: use vllm/vllm-openai:v0.8.2 or newer; ...ESC[0m
 * </pre>
 */
final class Colors {
  /** The {@code --color} values. */
  enum Mode { always, auto, never }

  private static final String RESET = "\u001b[0m";

  private final boolean on;

  private Colors(boolean on) {
    this.on = on;
  }

  /** Colours for {@code mode}, given whether stdout is a terminal and the value of {@code NO_COLOR} (null when unset). */
  static Colors of(Mode mode, boolean terminal, String noColor) {
    return new Colors(enabled(mode, terminal, noColor));
  }

  /** The decision alone: always; never; auto on a terminal without a non-empty {@code NO_COLOR}. */
  static boolean enabled(Mode mode, boolean terminal, String noColor) {
    return switch (mode) {
      case always -> true;
      case never -> false;
      case auto -> terminal && (noColor == null || noColor.isEmpty());
    };
  }

  /** A line that starts with {@code severity}'s name, the name coloured. */
  String severityFirst(Severity severity, String line) {
    if (!on || !line.startsWith(severity.name())) {
      return line;
    }
    String code = switch (severity) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case INFO -> "\u001b[1;36m";
    };
    return code + severity.name() + RESET + line.substring(severity.name().length());
  }

  /** A line of lesser weight (the hint), dim. */
  String dim(String line) {
    return on ? "\u001b[2m" + line + RESET : line;
  }
}
