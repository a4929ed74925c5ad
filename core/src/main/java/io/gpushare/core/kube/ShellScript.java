package io.gpushare.core.kube;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simple commands of a POSIX shell script ({@code sh -c "..."}), split into words as the shell
 * would: single quotes, double quotes with their backslash escapes, backslash-newline
 * continuations, comments, {@code ;}, {@code &&}, {@code ||}, {@code |}, {@code &} and newlines
 * between commands, redirections dropped. {@code $VAR}, {@code ${VAR}} and {@code ${VAR:-default}}
 * take the container's values, or those of a plain {@code VAR=value} assignment earlier in the
 * script; what only the running shell knows ({@code $(...)}, {@code $1}, a variable set inside an
 * {@code if}, a variable no one defines) becomes {@link ContainerEnv#UNKNOWN}.
 *
 * <p>Not a shell: no globbing, no aliases, no functions, no arithmetic; compound commands are read
 * as the plain commands inside them.
 */
final class ShellScript {
  /** A word of the script, and whether a variable's value went into it. */
  record Word(String text, boolean expanded) {}

  private static final String UNKNOWN = String.valueOf(ContainerEnv.UNKNOWN);
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
  private static final Set<String> OPENERS = Set.of("if", "while", "until", "for", "case", "{", "select");
  private static final Set<String> CLOSERS = Set.of("fi", "done", "esac", "}");
  private static final Set<String> KEYWORDS = Set.of("then", "do", "else", "elif", "!", "time");
  private static final Set<String> DECLARATIONS = Set.of("export", "readonly", "declare", "local", "typeset");

  private final String script;
  private final ContainerEnv env;
  private final Map<String, String> assigned = new HashMap<>();
  private final List<List<Word>> commands = new ArrayList<>();
  private List<Word> command = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean wordStarted;
  private boolean wordExpanded;
  private boolean skipNextWord;
  private boolean conditional;
  private int depth;
  private int pos;

  private ShellScript(String script, ContainerEnv env) {
    this.script = script;
    this.env = env;
  }

  /** The script's simple commands, each a list of words, in order. */
  static List<List<Word>> commands(String script, ContainerEnv env) {
    ShellScript shell = new ShellScript(script, env);
    shell.run();
    return shell.commands;
  }

  private void run() {
    int n = script.length();
    while (pos < n) {
      char c = script.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        endWord();
        pos++;
      } else if (c == '\n') {
        endCommand(false);
        pos++;
      } else if (c == '\\') {
        if (pos + 1 < n && script.charAt(pos + 1) != '\n') {
          append(String.valueOf(script.charAt(pos + 1)));
        }
        pos += 2;
      } else if (c == '\'') {
        int close = script.indexOf('\'', pos + 1);
        close = close < 0 ? n : close;
        append(script.substring(pos + 1, close));
        pos = close + 1;
      } else if (c == '"') {
        pos++;
        doubleQuoted();
      } else if (c == '$') {
        dollar(false);
      } else if (c == '`') {
        backquoted();
      } else if (c == '#' && !wordStarted) {
        int end = script.indexOf('\n', pos);
        pos = end < 0 ? n : end;
      } else if (c == '<' || c == '>' || (c == '&' && pos + 1 < n && script.charAt(pos + 1) == '>')) {
        redirection();
      } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        operator(c);
      } else {
        append(String.valueOf(c));
        pos++;
      }
    }
    endCommand(false);
  }

  private void operator(char c) {
    String two = pos + 1 < script.length() ? script.substring(pos, pos + 2) : String.valueOf(c);
    if (c == '(') {
      endCommand(false);
      depth++;
      pos++;
    } else if (c == ')') {
      endCommand(false);
      depth = Math.max(0, depth - 1);
      pos++;
    } else if (two.equals("&&") || two.equals("||")) {
      endCommand(true);
      pos += 2;
    } else if (two.equals(";;") || two.equals("|&")) {
      endCommand(false);
      pos += 2;
    } else {
      endCommand(false);
      pos++;
    }
  }

  private void redirection() {
    if (wordStarted && !wordExpanded && word.length() > 0 && word.chars().allMatch(Character::isDigit)) {
      word.setLength(0); // the file descriptor of 2>&1
      wordStarted = false;
    }
    endWord();
    int n = script.length();
    if (script.charAt(pos) == '&') {
      pos++;
    }
    while (pos < n && (script.charAt(pos) == '<' || script.charAt(pos) == '>' || script.charAt(pos) == '|')) {
      pos++;
    }
    if (pos < n && script.charAt(pos) == '&') {
      pos++;
      while (pos < n && (Character.isDigit(script.charAt(pos)) || script.charAt(pos) == '-')) {
        pos++;
      }
      return;
    }
    skipNextWord = true;
  }

  private void doubleQuoted() {
    wordStarted = true;
    int n = script.length();
    while (pos < n) {
      char c = script.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\' && pos + 1 < n) {
        char next = script.charAt(pos + 1);
        if (next == '\n') {
          pos += 2;
        } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
          append(String.valueOf(next));
          pos += 2;
        } else {
          append("\\");
          pos++;
        }
      } else if (c == '$') {
        dollar(true);
      } else if (c == '`') {
        backquoted();
      } else {
        append(String.valueOf(c));
        pos++;
      }
    }
  }

  private void dollar(boolean quoted) {
    int n = script.length();
    if (pos + 1 >= n) {
      append("$");
      pos++;
      return;
    }
    char next = script.charAt(pos + 1);
    if (next == '(') {
      pos = closing(pos + 1, '(', ')');
      expansion(UNKNOWN, quoted);
    } else if (next == '{') {
      int close = closing(pos + 1, '{', '}');
      String inside = script.substring(pos + 2, Math.max(pos + 2, close - 1));
      pos = close;
      expansion(parameter(inside), quoted);
    } else if (Character.isLetter(next) || next == '_') {
      int end = pos + 1;
      while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
        end++;
      }
      String name = script.substring(pos + 1, end);
      pos = end;
      expansion(lookup(name), quoted);
    } else if (Character.isDigit(next) || "@*#?$!-".indexOf(next) >= 0) {
      pos += 2;
      expansion(UNKNOWN, quoted);
    } else {
      append("$");
      pos++;
    }
  }

  /** {@code NAME}, {@code NAME:-word}, {@code NAME-word}, {@code NAME:=word}; anything else is unknown. */
  private String parameter(String inside) {
    if (NAME.matcher(inside).matches()) {
      return lookup(inside);
    }
    java.util.regex.Matcher withDefault = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(:?)[-=](.*)", Pattern.DOTALL)
        .matcher(inside);
    if (!withDefault.matches()) {
      return UNKNOWN;
    }
    String name = withDefault.group(1);
    String fallback = unquote(withDefault.group(3));
    if (!assigned.containsKey(name) && !env.mayDefine(name)) {
      return fallback;
    }
    String value = lookup(name);
    if (!ContainerEnv.known(value)) {
      return UNKNOWN;
    }
    return value.isEmpty() && !withDefault.group(2).isEmpty() ? fallback : value;
  }

  private static String unquote(String word) {
    boolean quoted = word.startsWith("\"") && word.endsWith("\"") || word.startsWith("'") && word.endsWith("'");
    if (word.length() >= 2 && quoted) {
      return word.substring(1, word.length() - 1);
    }
    return word.contains("$") || word.contains("`") ? UNKNOWN : word;
  }

  private String lookup(String name) {
    String value = assigned.get(name);
    return value != null ? value : env.valueOf(name);
  }

  private void expansion(String value, boolean quoted) {
    wordExpanded = true;
    if (quoted) {
      append(value);
      return;
    }
    String[] fields = value.split("[ \t\n]+", -1);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        endWord();
        wordExpanded = true;
      }
      if (!fields[i].isEmpty()) {
        append(fields[i]);
      }
    }
  }

  private void backquoted() {
    int close = script.indexOf('`', pos + 1);
    pos = close < 0 ? script.length() : close + 1;
    expansion(UNKNOWN, true);
  }

  /** The index after the bracket that closes the one at {@code open}. */
  private int closing(int open, char opener, char closer) {
    int level = 0;
    for (int i = open; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == opener) {
        level++;
      } else if (c == closer && --level == 0) {
        return i + 1;
      }
    }
    return script.length();
  }

  private void append(String text) {
    word.append(text);
    wordStarted = true;
  }

  private void endWord() {
    if (wordStarted) {
      if (skipNextWord) {
        skipNextWord = false;
      } else {
        command.add(new Word(word.toString(), wordExpanded));
      }
    }
    word.setLength(0);
    wordStarted = false;
    wordExpanded = false;
  }

  /** Ends the current command; {@code andOr} when the next one runs only depending on this one. */
  private void endCommand(boolean andOr) {
    endWord();
    skipNextWord = false;
    if (!command.isEmpty()) {
      String first = command.get(0).text();
      if (OPENERS.contains(first)) {
        depth++;
      } else if (CLOSERS.contains(first)) {
        depth = Math.max(0, depth - 1);
      }
      assignments(command, conditional || andOr || depth > 0 || OPENERS.contains(first));
      commands.add(command);
    }
    conditional = andOr;
    command = new ArrayList<>();
  }

  /** A keyword, a declaration ({@code export}) or a declaration's option before a command's assignments. */
  private static boolean prefix(List<Word> words, int index) {
    String text = words.get(index).text();
    return KEYWORDS.contains(text) || OPENERS.contains(text) || DECLARATIONS.contains(text)
        || index > 0 && DECLARATIONS.contains(words.get(index - 1).text()) && text.startsWith("-");
  }

  /** A command of assignments only sets shell variables; where it may not run, their value is unknown. */
  private void assignments(List<Word> words, boolean uncertain) {
    int start = 0;
    while (start < words.size() && prefix(words, start)) {
      start++;
    }
    if (start == words.size()) {
      return;
    }
    Map<String, String> found = new HashMap<>();
    for (Word w : words.subList(start, words.size())) {
      java.util.regex.Matcher assignment = ASSIGNMENT.matcher(w.text());
      if (!assignment.matches()) {
        return; // a command with its own environment: its assignments do not outlive it
      }
      found.put(assignment.group(1), assignment.group(2));
    }
    found.forEach((name, value) -> assigned.put(name, uncertain ? UNKNOWN : value));
  }
}
