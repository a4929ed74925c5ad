package io.gpushare.core.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a credential looks like, in one home: token formats recognized in any text, names that mean
 * a credential, and the redaction every message of gpushare goes through.
 *
 * <pre>
 * hf_ + 30 or more letters and digits                 Hugging Face        redacted hf_****
 * sk- + 32 or more, sk-proj- (sk-svcacct-, sk-admin-)  OpenAI              redacted sk-**** / sk-proj-****
 * AKIA or ASIA + 16 upper-case letters and digits     AWS access key id   redacted AKIA****
 * ghp_ gho_ ghs_ ghu_ ghr_ + 36 or more, github_pat_  GitHub              redacted ghp_**** / github_pat_****
 * scheme://user:password@host                         URL user:password   redacted scheme://user:****@host
 * </pre>
 *
 * Tokens are found with or without a word boundary before them ({@code xhf_...}); a URL password
 * that is only a variable ({@code $(DB_PASSWORD)}, {@code ${DB_PASSWORD}}) is a placeholder.
 */
public final class Credentials {
  /** A token format; the pattern cannot match a text that holds none of the markers. */
  private record Format(String kind, Pattern pattern, List<String> markers) {
    boolean mayMatch(String text) {
      return mayHold(text, markers);
    }
  }

  // group 1 is what redaction keeps, the rest of the match is replaced by ****
  private static final List<Format> FORMATS = List.of(
      new Format("Hugging Face token", Pattern.compile("(hf_)[A-Za-z0-9]{30,}"), List.of("hf_")),
      new Format("OpenAI key", Pattern.compile("(sk-(?:proj|svcacct|admin)-)[A-Za-z0-9_-]{20,}"), List.of("sk-")),
      new Format("OpenAI key", Pattern.compile("(sk-)[A-Za-z0-9]{32,}"), List.of("sk-")),
      new Format("AWS access key id", Pattern.compile("((?:AKIA|ASIA))[A-Z0-9]{16}"), List.of("AKIA", "ASIA")),
      new Format("GitHub token", Pattern.compile("(github_pat_)[A-Za-z0-9_]{22,}"), List.of("github_pat_")),
      new Format("GitHub token", Pattern.compile("(gh[pousr]_)[A-Za-z0-9]{36,}"),
          List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")),
      new Format("URL password", Pattern.compile(
          "([A-Za-z][A-Za-z0-9+.-]*://[^\\s/:@\"']*:)(?!\\$\\([A-Za-z_][A-Za-z0-9_]*\\)@|\\$\\{[A-Za-z_][A-Za-z0-9_]*}@"
              + "|\\$[A-Za-z_][A-Za-z0-9_]*@|\\*+@|\uFFFF)[^\\s/@\"']+(?=@)"), List.of("://")));

  /**
   * A value that is only a variable ({@code $(X)}, {@code $X}, {@code ${X}}) or a template
   * expression ({@code {{ .Values.token }}}): a placeholder, not a credential.
   */
  private static final Pattern ONLY_VARIABLE = Pattern.compile("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)"
      + "|\\$\\{[A-Za-z_][A-Za-z0-9_]*}|\\$[A-Za-z_][A-Za-z0-9_]*|\\{\\{[^{}]*}}");
  /** A cheap first look: no token format can match a text without one of these. */
  private static final List<String> TOKEN_PREFIXES =
      FORMATS.stream().flatMap(format -> format.markers().stream()).distinct().toList();
  /**
   * The words a credential's name ends with, for {@link #ASSIGNMENT} (its first group is made of them) and
   * for the shortcut that spares its search ({@link #assignmentPossible}): one list, so the two agree.
   */
  private static final List<String> ASSIGNMENT_NAMES = List.of("token", "secret", "password", "passwd", "pwd",
      "apikey", "api_key", "api-key", "auth", "credential", "credentials");
  /**
   * {@code NAME=value} or {@code NAME: value} where NAME means a credential ({@code DB_PASSWORD=hunter2},
   * {@code HF_TOKEN: abc}, {@code --api-key=abc}) and the value is no variable: group 1 is kept.
   */
  // the name's last word and the separator are enough: what comes before the word is kept anyway
  static final Pattern ASSIGNMENT = Pattern.compile("((?i:" + ASSIGNMENT_NAMES.stream().map(Pattern::quote)
      .collect(java.util.stream.Collectors.joining("|")) + ")[\"']?[ \t]*[=:][ \t]*[\"']?)"
      + "(?![$*{]|true\\b|false\\b|[^\\s\"',}\\]]*\\*{4})[^\\s\"',}\\]]+");
  /** Where a name splits into words: separators, and lower-case to upper-case ({@code hfToken}). */
  private static final Pattern WORDS = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  private Credentials() {}

  /** The kind of the first token-looking text in {@code text} ({@code Hugging Face token}), if any. */
  public static Optional<String> tokenIn(String text) {
    if (text == null || text.isEmpty() || !mayHold(text, TOKEN_PREFIXES)) {
      return Optional.empty(); // every format has one of the prefixes: most text is passed over without a regex
    }
    for (Format format : FORMATS) {
      if (format.mayMatch(text) && format.pattern().matcher(text).find()) {
        return Optional.of(format.kind());
      }
    }
    return Optional.empty();
  }

  /**
   * The text with every token-looking part replaced by its prefix and {@code ****}:
   * {@code hf_****}, {@code AKIA****}, {@code s3://user:****@bucket}; and the value of every
   * {@code NAME=value} or {@code NAME: value} whose name means a credential replaced by {@code ****}
   * ({@code DB_PASSWORD=****}), unless it is a variable or a switch. Null stays null.
   */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    if (mayHold(result, TOKEN_PREFIXES)) {
      for (Format format : FORMATS) {
        Matcher matcher = format.pattern().matcher(result);
        if (matcher.find()) {
          result = matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****"));
        }
      }
    }
    if (assignmentPossible(result)) {
      Matcher assignment = ASSIGNMENT.matcher(result);
      if (assignment.find()) {
        result = assignment.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****"));
      }
    }
    return result;
  }

  /**
   * Whether {@link #ASSIGNMENT} can match: some {@code =} or {@code :} has one of its names right
   * before it, past blanks and one quote. The same condition as the pattern's first group, found
   * without the pattern's search from every position: most text (every finding's message and hint
   * is redacted) has none.
   */
  static boolean assignmentPossible(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '=' && c != ':') {
        continue;
      }
      int end = i;
      while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
        end--;
      }
      if (end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
        end--;
      }
      for (String name : ASSIGNMENT_NAMES) {
        if (end >= name.length() && text.regionMatches(true, end - name.length(), name, 0, name.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mayHold(String text, List<String> parts) {
    for (String part : parts) {
      if (text.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a variable, key or flag name means a credential: its last word (after splitting on
   * {@code _ - .} and camel case, digits dropped) ends with {@code TOKEN} ({@code HF_TOKEN},
   * {@code APITOKEN}, {@code HFTOKEN}), {@code SECRET}, {@code PASSWORD}, {@code PASSWD} or
   * {@code AUTH}, is {@code KEY} ({@code API_KEY}), ends with {@code APIKEY}, is {@code PWD},
   * {@code CREDENTIAL} or {@code CREDENTIALS}, or the last two are {@code KEY ID}
   * ({@code AWS_ACCESS_KEY_ID}). A name that ends with another word names something else:
   * {@code TOKENIZERS_PARALLELISM}, {@code MAX_TOKENS}, {@code HF_TOKEN_PATH}, {@code API_KEY_FILE},
   * {@code SECRET_NAME}, {@code KEYCLOAK_URL}.
   */
  public static boolean credentialName(String name) {
    if (name == null) {
      return false;
    }
    List<String> words = java.util.Arrays.stream(WORDS.split(name.replaceFirst("^-+", "")))
        .map(w -> w.toUpperCase(Locale.ROOT)).filter(w -> !w.isEmpty() && !w.chars().allMatch(Character::isDigit))
        .toList();
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (last.equals("ID") && words.size() > 1 && words.get(words.size() - 2).endsWith("KEY")) {
      return true;
    }
    return last.endsWith("TOKEN") || last.endsWith("SECRET") || last.endsWith("PASSWORD") || last.endsWith("PASSWD")
        || last.endsWith("AUTH") || last.equals("KEY") || last.endsWith("APIKEY") || last.equals("PWD")
        || last.equals("CREDENTIAL") || last.equals("CREDENTIALS");
  }

  /**
   * Whether a literal value under a credential's name is no credential: empty, only a variable
   * ({@code $(HF_TOKEN)}, {@code ${HF_TOKEN}}, {@code $HF_TOKEN}), a template expression
   * ({@code {{ .Values.hfToken }}}), or a switch ({@code true},
   * {@code false}) as in {@code ENABLE_AUTH: "false"}.
   */
  public static boolean placeholder(String value) {
    if (value == null || value.isBlank() || value.indexOf('\uFFFF') >= 0) {
      return true;
    }
    String trimmed = value.trim();
    return ONLY_VARIABLE.matcher(trimmed).matches() || trimmed.equalsIgnoreCase("true")
        || trimmed.equalsIgnoreCase("false");
  }
}
