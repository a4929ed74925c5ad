package io.gpushare.core.yaml;

/**
 * Writes an ordered {@link YamlNode} tree as block-style YAML, taking per-key styles from the
 * {@link Shape.Field}s the tree's mappings carry (from {@link KubernetesStyle}). It writes straight into one {@link StringBuilder}: no
 * events, no intermediate strings per line.
 *
 * <p>Layout rules: two-space indentation; a block sequence's dashes stand at its parent key's
 * column; an empty mapping or sequence is written {@code {}} or {@code []}; a multi-line string is a
 * literal block ({@code |}, {@code |-} or {@code |+} as its trailing newlines require); lines end
 * with LF.
 */
final class YamlEmitter {
  private static final String[] INDENTS = new String[65];

  static {
    for (int i = 0; i < INDENTS.length; i++) {
      INDENTS[i] = " ".repeat(i);
    }
  }

  private final StringBuilder out;
  /** Comments for the end of the line being written (after a literal block's header). */
  private java.util.List<String> pendingInline = java.util.List.of();

  YamlEmitter(StringBuilder out) {
    this.out = out;
  }

  /** One document: the root mapping without a start marker, ending in one newline. */
  void document(YamlNode root) {
    if (root instanceof YamlMapping mapping && mapping.size() > 0) {
      mapping(mapping, 0, false);
    } else if (root instanceof YamlMapping mapping) {
      out.append("{}\n");
      commentLines(mapping.endComments(), 0);
    } else if (root instanceof YamlSequence sequence && sequence.size() > 0) {
      sequence(sequence, ScalarStyle.PLAIN, 0, false);
    } else {
      inlineValue(root, ScalarStyle.PLAIN, 0);
      out.append('\n');
    }
  }

  private void mapping(YamlMapping mapping, int indent, boolean firstInline) {
    for (int i = 0; i < mapping.size(); i++) {
      YamlComments comments = mapping.comments(i);
      if (i > 0 || !firstInline) {
        commentLines(comments.before(), indent); // the first entry's lines stand before its "- "
        indent(indent);
      }
      String key = mapping.key(i);
      Shape.Field field = mapping.field(i);
      if (field.plainKey == Boolean.TRUE) {
        out.append(key);
      } else {
        string(key, ScalarStyle.PLAIN, -1); // a key is one line: never a literal block
      }
      out.append(':');
      YamlNode value = mapping.value(i);
      pendingInline = comments.inline();
      if (value instanceof YamlMapping child && child.size() > 0) {
        endLine();
        mapping(child, indent + 2, false);
      } else if (value instanceof YamlSequence items && items.size() > 0) {
        if (field.flow && items.allScalars()) {
          out.append(' ');
          flowSequence(items, field.style);
          endLine();
        } else {
          endLine();
          sequence(items, field.style, indent, false);
        }
      } else {
        out.append(' ');
        inlineValue(value, field.style, indent);
        endLine();
      }
    }
    commentLines(mapping.endComments(), indent);
  }

  private void sequence(YamlSequence items, ScalarStyle itemStyle, int indent, boolean firstInline) {
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.item(i);
      YamlComments comments = items.comments(i);
      if (i > 0 || !firstInline) {
        commentLines(comments.before(), indent);
        if (item instanceof YamlMapping child && child.size() > 0) {
          commentLines(child.comments(0).before(), indent);
        }
        indent(indent);
      }
      out.append("- ");
      pendingInline = comments.inline();
      if (item instanceof YamlMapping child && child.size() > 0) {
        mapping(child, indent + 2, true);
      } else if (item instanceof YamlSequence nested && nested.size() > 0) {
        sequence(nested, itemStyle, indent + 2, true);
      } else {
        inlineValue(item, itemStyle, indent);
        endLine();
      }
    }
    commentLines(items.endComments(), indent);
  }

  /** The comments read on the line of the entry being written, then the line break. */
  private void endLine() {
    appendInline();
    out.append('\n');
  }

  private void appendInline() {
    for (String comment : pendingInline) {
      out.append(" #").append(comment);
    }
    pendingInline = java.util.List.of();
  }

  private void commentLines(java.util.List<String> lines, int indent) {
    for (String line : lines) {
      indent(indent);
      out.append('#').append(line).append('\n');
    }
  }

  private void flowSequence(YamlSequence items, ScalarStyle style) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      inlineValue(items.item(i), style, -1);
    }
    out.append(']');
  }

  /** An empty collection or a scalar, on the current line. {@code indent < 0}: inside a flow collection. */
  private void inlineValue(YamlNode node, ScalarStyle style, int indent) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.type() == YamlScalar.Type.STRING) {
        string(scalar.text(), style, indent);
      } else {
        out.append(scalar.text());
      }
    } else if (node instanceof YamlMapping) {
      out.append("{}");
    } else {
      out.append("[]");
    }
  }

  private void string(String s, ScalarStyle style, int indent) {
    if (style == ScalarStyle.PLAIN && PlainScalars.isPlainSafe(s)) {
      out.append(s);
    } else if (indent >= 0 && style == ScalarStyle.PLAIN && isLiteralBlockCandidate(s)) {
      literalBlock(s, indent + 2);
    } else {
      doubleQuoted(s);
    }
  }

  private static boolean isLiteralBlockCandidate(String s) {
    int n = s.length();
    if (s.indexOf('\n') < 0 || s.charAt(0) == ' ' || s.charAt(0) == '\n') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (i > 0 && s.charAt(i - 1) == ' ') {
          return false; // trailing spaces would be invisible and easily lost
        }
      } else if (c < 0x20 || !PlainScalars.isPrintable(c)) {
        return false;
      }
    }
    return s.charAt(n - 1) != ' ';
  }

  private void literalBlock(String s, int contentIndent) {
    int end = s.length();
    int trailingBreaks = 0;
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
      trailingBreaks++;
    }
    out.append(trailingBreaks == 0 ? "|-" : trailingBreaks == 1 ? "|" : "|+");
    appendInline();
    int start = 0;
    while (start <= end) {
      int newline = s.indexOf('\n', start);
      int lineEnd = newline < 0 || newline > end ? end : newline;
      out.append('\n');
      if (lineEnd > start) {
        indent(contentIndent);
        out.append(s, start, lineEnd);
      }
      start = lineEnd + 1;
    }
    for (int i = 1; i < trailingBreaks; i++) {
      out.append('\n');
    }
    // the caller writes the final line break
  }

  private void doubleQuoted(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\0' -> out.append("\\0");
        default -> {
          if (c < 0x20 || c == 0x7f || !PlainScalars.isPrintable(c)) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void indent(int n) {
    int left = n;
    while (left > 0) {
      int chunk = Math.min(left, INDENTS.length - 1);
      out.append(INDENTS[chunk]);
      left -= chunk;
    }
  }
}
