package io.gpushare.cli;

import io.gpushare.core.validate.FindingCode;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gpushare explain CODE}: a finding code's entry of docs/validation.md, the page packaged in the
 * jar, so the terminal and the page say the same.
 *
 * <pre>
 * $ gpushare explain api_key_missing
 * API_KEY_MISSING: vLLM behind a LoadBalancer without an API key
 *   severity: WARNING
 *   group: Security
 *   failing example: the tutorial: a `LoadBalancer` Service in front of vLLM without ...
 *   fix: `VLLM_API_KEY` from a Secret, or `type: ClusterIP` behind an authenticating gateway
 *   see: https://github.com/gpushare/gpushare/blob/main/docs/validation.md#security
 * </pre>
 *
 * Exit 0; 2 for a code gpushare does not have, with the codes closest to it.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Print a finding code's documentation (docs/validation.md): severity, group, a failing example, the fix.",
      "Exit 0; 2: no such code."
    })
public final class ExplainCommand implements Callable<Integer> {
  static final int EXIT_UNKNOWN = 2;
  private static final int MAX_SUGGESTIONS = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CODE", description = "A finding code such as VLLM_STARTUP_RACE; any case.")
  String code;

  @Override
  public Integer call() {
    String wanted = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    Optional<CodeDocs.Entry> entry = CodeDocs.entry(wanted);
    if (entry.isEmpty()) {
      List<String> close = closest(wanted);
      spec.commandLine().getErr().println("gpushare: expected a finding code such as VLLM_STARTUP_RACE, found '"
          + code + "'" + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)")
          + "; every code: " + CodeDocs.PAGE);
      return EXIT_UNKNOWN;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text(entry.get()));
    out.flush();
    return CommandLine.ExitCode.OK;
  }

  /** The entry as {@code explain} prints it. */
  static String text(CodeDocs.Entry entry) {
    Optional<FindingCode> code = FindingCode.named(entry.code());
    String summary = code.map(FindingCode::summary).orElse("");
    return entry.code() + (summary.isEmpty() ? "" : ": " + summary) + "\n"
        + "  severity: " + entry.severity() + "\n"
        + "  group: " + entry.group() + "\n"
        + "  failing example: " + entry.example() + "\n"
        + "  fix: " + entry.fix() + "\n"
        + "  see: " + code.map(CodeDocs::url).orElse(CodeDocs.PAGE) + "\n";
  }

  /** The documented codes nearest to {@code wanted}: those containing it, else the fewest edits away. */
  static List<String> closest(String wanted) {
    List<String> codes = List.copyOf(CodeDocs.entries().keySet());
    List<String> containing = codes.stream()
        .filter(c -> wanted.length() >= 3 && (c.contains(wanted) || wanted.contains(c)))
        .limit(MAX_SUGGESTIONS).toList();
    if (!containing.isEmpty()) {
      return containing;
    }
    int limit = Math.max(2, wanted.length() / 3);
    return codes.stream()
        .filter(c -> distance(c, wanted) <= limit)
        .sorted(Comparator.comparingInt((String c) -> distance(c, wanted)))
        .limit(MAX_SUGGESTIONS).toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
