package io.gpushare.core.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What SnakeYAML's refusal of a text says, in one line a finding can carry: its problem, the column
 * (the report gives the line), and what it was reading, from which line; in plain words too where
 * SnakeYAML's own are cryptic. Never the snippet of the text SnakeYAML's message quotes, which may hold
 * a credential. The one home of these messages, for manifests ({@link ManifestReader}) and catalogs:
 *
 * <pre>
 * metadata:
 *   name: x
 *  data:        -> expected &lt;block end&gt;, but found '&lt;block mapping start&gt;' at column 2 (while parsing a
 *                  block mapping from line 1): a key is indented differently from the keys before it
 * </pre>
 */
public final class YamlProblems {
  private YamlProblems() {}

  /**
   * The refusal {@code e} (a {@code YAMLException}, or a bound of the reader's) in one line; {@code maxAliases}
   * and {@code maxDepth} are the reader's bounds, named when they are what refused the text.
   */
  public static String describe(RuntimeException e, int maxAliases, int maxDepth) {
    return describe(e, maxAliases, maxDepth, 0);
  }

  /** The same for text that starts {@code firstLine} lines into its file (an inline kustomize patch). */
  static String describe(RuntimeException e, int maxAliases, int maxDepth, int firstLine) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("Number of aliases")) {
      return "too many aliases (at most " + maxAliases + "): refusing what looks like an alias bomb";
    }
    if (message.contains("Nesting Depth")) {
      return "nested deeper than " + maxDepth + " levels";
    }
    if (message.contains("could not determine a constructor for the tag") || message.contains("Global tag is not allowed")) {
      return "a custom tag is not allowed: " + message.lines().findFirst().orElse(message);
    }
    if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      String problem = marked.getProblem().trim();
      Mark at = marked.getProblemMark();
      Mark context = marked.getContextMark();
      return problem + (at == null ? "" : " at column " + (at.getColumn() + 1))
          + (marked.getContext() == null || context == null ? ""
              : " (" + marked.getContext().trim() + " from line " + (context.getLine() + 1 + firstLine) + ")")
          + plainWords(problem);
    }
    return message.lines().filter(line -> !line.isBlank()).findFirst().orElse(message).trim();
  }

  /**
   * The report of a manifest SnakeYAML refuses: at the line of the problem (else of what it was reading;
   * 0 when SnakeYAML gives neither), with {@link #describe} under the manifest reader's bounds.
   */
  static ManifestParseException refusal(String source, YAMLException e) {
    return refusal(source, e, 0);
  }

  /** The same for text that starts {@code firstLine} lines into {@code source}: the lines are the file's. */
  static ManifestParseException refusal(String source, YAMLException e, int firstLine) {
    Mark mark = e instanceof MarkedYAMLException marked
        ? (marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark()) : null;
    return new ManifestParseException(source, mark == null ? 0 : mark.getLine() + 1 + firstLine,
        describe(e, ManifestReader.MAX_ALIASES, ManifestReader.MAX_DEPTH, firstLine));
  }

  /** What the most common of SnakeYAML's problems mean in a manifest, or nothing. */
  private static String plainWords(String problem) {
    if (problem.startsWith("expected <block end>")) {
      return ": a key is indented differently from the keys before it";
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return ": a ': ' where a plain value goes; quote the value, or indent the key under its parent";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return ": a line inside a mapping that is not 'key: value'; add the ':' or quote the text";
    }
    if (problem.startsWith("found duplicate key")) {
      return " (duplicate keys are refused: one of the values would be lost)";
    }
    return "";
  }
}
