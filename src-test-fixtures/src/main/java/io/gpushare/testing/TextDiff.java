package io.gpushare.testing;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the failure message of {@link GoldenFile}: a headline, notes on differences a line diff cannot
 * show (line endings, trailing newline), and a unified diff of the lines.
 */
final class TextDiff {

  private static final int CONTEXT = 3;

  private TextDiff() {
  }

  /** One line of text: its content and its terminator ({@code "\r\n"}, {@code "\n"}, {@code "\r"} or {@code ""}). */
  private record Line(String content, String terminator) {
  }

  /**
   * Returns the message for two texts that differ.
   *
   * @param subject what is compared, e.g. {@code "Golden file src/test/resources/a.yaml"}
   * @param hint appended to the headline after a semicolon, or {@code null}
   * @param expectedSide how the notes call the expected side, e.g. {@code "golden file"}
   * @param name the file name used in the diff header ({@code golden/<name>}, {@code actual/<name>})
   * @param expected the expected text
   * @param actual the actual text
   * @return the message, lines separated by {@code "\n"}
   */
  static String message(String subject, String hint, String expectedSide, String name, String expected,
      String actual) {
    List<Line> expectedLines = split(expected);
    List<Line> actualLines = split(actual);
    List<String> expectedContents = contents(expectedLines);
    List<String> actualContents = contents(actualLines);
    List<String> notes = new ArrayList<>();

    boolean expectedEndsWithNewline = endsWithNewline(expectedLines);
    boolean actualEndsWithNewline = endsWithNewline(actualLines);
    if (expectedEndsWithNewline && !actualEndsWithNewline) {
      notes.add("note: the " + expectedSide + " ends with a newline, the actual text does not");
    } else if (actualEndsWithNewline && !expectedEndsWithNewline) {
      notes.add("note: the actual text ends with a newline, the " + expectedSide + " does not");
    }
    String endings = "(" + expectedSide + ": " + style(expectedLines) + ", actual text: " + style(actualLines);

    int differing;
    List<String> diff = List.of();
    if (expectedContents.equals(actualContents)) {
      differing = 0;
      int firstEndingDifference = -1;
      for (int i = 0; i < expectedLines.size(); i++) {
        String e = expectedLines.get(i).terminator();
        String a = actualLines.get(i).terminator();
        if (!e.equals(a)) {
          differing++;
          if (firstEndingDifference < 0 && !e.isEmpty() && !a.isEmpty()) {
            firstEndingDifference = i;
          }
        }
      }
      if (firstEndingDifference >= 0) {
        notes.add("note: the texts differ " + (notes.isEmpty() ? "only " : "also ") + "in line endings "
            + endings + "; first at line " + (firstEndingDifference + 1) + ")");
      }
    } else {
      Patch<String> patch = DiffUtils.diff(expectedContents, actualContents);
      differing = 0;
      for (AbstractDelta<String> delta : patch.getDeltas()) {
        differing += Math.max(delta.getSource().size(), delta.getTarget().size());
      }
      if (!style(expectedLines).equals(style(actualLines)) && hasTerminator(expectedLines)
          && hasTerminator(actualLines)) {
        notes.add("note: the line endings also differ " + endings + ")");
      }
      diff = UnifiedDiffUtils.generateUnifiedDiff(
          "golden/" + name, "actual/" + name, expectedContents, patch, CONTEXT);
    }

    StringBuilder message = new StringBuilder(subject)
        .append(" differs from the actual text (").append(differing).append(" line(s) differ)")
        .append(hint == null ? "." : "; " + hint + ".");
    for (String note : notes) {
      message.append('\n').append(note);
    }
    for (String line : diff) {
      message.append('\n').append(line);
    }
    return message.toString();
  }

  /** Splits like {@link String#lines()}, but keeps each line's terminator. */
  private static List<Line> split(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int end = i;
        i += (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? 2 : 1;
        lines.add(new Line(text.substring(start, end), text.substring(end, i)));
        start = i;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      lines.add(new Line(text.substring(start), ""));
    }
    return lines;
  }

  private static List<String> contents(List<Line> lines) {
    List<String> contents = new ArrayList<>(lines.size());
    for (Line line : lines) {
      contents.add(line.content());
    }
    return contents;
  }

  private static boolean endsWithNewline(List<Line> lines) {
    return !lines.isEmpty() && !lines.get(lines.size() - 1).terminator().isEmpty();
  }

  private static boolean hasTerminator(List<Line> lines) {
    return !lines.isEmpty() && !(lines.size() == 1 && lines.get(0).terminator().isEmpty());
  }

  /** Names the line endings a text uses: {@code CRLF}, {@code LF}, {@code CR}, {@code mixed CRLF/LF}... */
  private static String style(List<Line> lines) {
    Set<String> terminators = new HashSet<>();
    for (Line line : lines) {
      terminators.add(line.terminator());
    }
    List<String> used = new ArrayList<>();
    if (terminators.contains("\r\n")) {
      used.add("CRLF");
    }
    if (terminators.contains("\n")) {
      used.add("LF");
    }
    if (terminators.contains("\r")) {
      used.add("CR");
    }
    if (used.isEmpty()) {
      return "no line endings";
    }
    return used.size() == 1 ? used.get(0) : "mixed " + String.join("/", used);
  }
}
