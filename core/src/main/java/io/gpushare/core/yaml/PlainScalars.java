package io.gpushare.core.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Decides whether a string may be written as a plain scalar: only when every reader Kubernetes
 * users meet (kubectl's go-yaml, YAML 1.1; SnakeYAML Engine and other YAML 1.2 core-schema readers)
 * reads it back as the same string. SnakeYAML's YAML 1.1 {@link Resolver} is the oracle for implicit
 * types ({@code yes}, {@code 012}, {@code 12:30}, {@code ~}, {@code 0000:00:04.0}, ...); a YAML 1.2
 * core-schema pattern adds {@code 0o17}, and the single-letter booleans {@code y}/{@code n} that go-yaml
 * reads but SnakeYAML does not; the rest are the syntax rules for plain scalars.
 */
final class PlainScalars {
  // Immutable after construction; resolve() only reads its tables, so one instance serves all threads.
  private static final Resolver YAML_1_1 = new Resolver();
  private static final Pattern OTHER_READERS_NON_STRING =
      Pattern.compile(
          "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
              + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
              + "|true|True|TRUE|false|False|FALSE|null|Null|NULL|~"
              // YAML 1.1 values SnakeYAML leaves as strings but go-yaml v2 (kubectl) does not, and
              // JSON-style specials some readers accept
              + "|y|Y|n|N|=|NaN|[-+]?Infinity");

  private PlainScalars() {}

  /**
   * The words that read as booleans, nulls or special floats in YAML 1.1, 1.2 or go-yaml: the only
   * strings starting with a letter that are not strings. Anything else starting with a letter is
   * decided without a regular expression, which keeps the common case (keys, names, images) cheap.
   */
  private static final java.util.Set<String> NON_STRING_WORDS = java.util.Set.of(
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
      "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "NaN", "Infinity");

  static boolean isPlainSafe(String s) {
    if (!isSyntacticallyPlain(s)) {
      return false;
    }
    char first = s.charAt(0);
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
      return !NON_STRING_WORDS.contains(s);
    }
    if (!couldBeNonString(s)) {
      return true;
    }
    return YAML_1_1.resolve(NodeId.scalar, s, true) == Tag.STR
        && !OTHER_READERS_NON_STRING.matcher(s).matches();
  }

  /**
   * Numbers, timestamps, {@code .inf}, {@code ~}, {@code =} and {@code <<} use only these characters;
   * a string with any other ({@code --port=8000} has {@code p}, {@code /dev/shm} has {@code /}) is
   * a string to every reader, without running the resolvers' regular expressions.
   */
  private static boolean couldBeNonString(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (NUMERIC_ALPHABET.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static final String NUMERIC_ALPHABET = "0123456789+-._:eExXoObBcCdDaAfFinINtTzZ ~=<";

  private static boolean isSyntacticallyPlain(String s) {
    int n = s.length();
    if (n == 0 || s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    char first = s.charAt(0);
    switch (first) {
      case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', ':':
        return false;
      case '-':
        if (n == 1 || s.charAt(1) == ' ') {
          return false;
        }
        break;
      default:
        break;
    }
    if (first == ' ' || s.charAt(n - 1) == ' ' || s.charAt(n - 1) == ':') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || !isPrintable(c)) {
        return false;
      }
      if (c == ':' && i + 1 < n && s.charAt(i + 1) == ' ') {
        return false;
      }
      if (c == '#' && s.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  /** The YAML printable set, less the characters some readers treat as line breaks or a BOM. */
  static boolean isPrintable(char c) {
    return (c >= 0x20 && c <= 0x7e)
        || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
        || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)
        || Character.isSurrogate(c);
  }
}
