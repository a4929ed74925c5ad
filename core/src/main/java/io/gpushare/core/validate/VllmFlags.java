package io.gpushare.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The flags of a vLLM container, read from its {@code command} and {@code args} together, in both the
 * {@code --flag=value} and the {@code --flag value} form, with underscores read as dashes (as vLLM's
 * own parser does: {@code --gpu_memory_utilization}). The model of {@code vllm serve MODEL} counts as
 * {@code --model}. Each flag remembers the field and index its value came from. A shell script
 * ({@code sh -c "vllm serve MODEL --port 8080"}) is read word by word, each word pointing at the
 * script's element.
 */
final class VllmFlags {
  /** vLLM's own default when {@code --gpu-memory-utilization} is absent. */
  static final String DEFAULT_GPU_MEMORY_UTILIZATION = "0.9";
  private static final Pattern SHELL = Pattern.compile("(.*/)?(sh|bash|dash|ash|zsh)");
  /** {@code -c}, or options ending in it: {@code -ec}, {@code -lc}. */
  private static final Pattern SCRIPT_OPTION = Pattern.compile("-[a-z]*c");

  /**
   * {@code $(NAME)}, Kubernetes' reference to an environment variable, or {@code $NAME} / {@code ${NAME}},
   * which a shell or envsubst fills in.
   */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(\\([A-Za-z_][A-Za-z0-9_]*\\)|\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z_][A-Za-z0-9_]*)");

  /** A flag, its value, and where the value is: {@code args[3]} or {@code command[4]}. */
  record Flag(String name, String value, String field, int index) {}

  private final List<Flag> flags;

  private VllmFlags(List<Flag> flags) {
    this.flags = flags;
  }

  static VllmFlags parse(List<String> command, List<String> args) {
    List<Flag> flags = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    add(command, "command", tokens, fields, indices);
    add(args, "args", tokens, fields, indices);
    splitShellScript(tokens, fields, indices);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token == null) {
        continue;
      }
      if (token.equals("serve") && i + 1 < tokens.size() && tokens.get(i + 1) != null
          && !tokens.get(i + 1).startsWith("-")) {
        flags.add(new Flag("--model", tokens.get(i + 1), fields.get(i + 1), indices.get(i + 1)));
        i++;
        continue;
      }
      if (!token.startsWith("--")) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq > 0) {
        flags.add(new Flag(normalize(token.substring(0, eq)), token.substring(eq + 1), fields.get(i), indices.get(i)));
      } else if (i + 1 < tokens.size() && tokens.get(i + 1) != null && !tokens.get(i + 1).startsWith("--")) {
        flags.add(new Flag(normalize(token), tokens.get(i + 1), fields.get(i + 1), indices.get(i + 1)));
        i++;
      } else {
        flags.add(new Flag(normalize(token), "", fields.get(i), indices.get(i)));
      }
    }
    return new VllmFlags(flags);
  }

  private static void add(List<String> values, String field, List<String> tokens, List<String> fields,
      List<Integer> indices) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      tokens.add(values.get(i));
      fields.add(field);
      indices.add(i);
    }
  }

  /**
   * {@code ["sh", "-c", "python3 -m vllm... --port 8080"]}: the shell passes the script's words to
   * vLLM, so they are read as its flags. Words split at blanks and at {@code ; & |}, one layer of
   * quotes removed; enough for the command lines manifests write, not a shell parser.
   */
  private static void splitShellScript(List<String> tokens, List<String> fields, List<Integer> indices) {
    if (tokens.isEmpty() || tokens.get(0) == null || !SHELL.matcher(tokens.get(0)).matches()) {
      return;
    }
    int option = 1;
    while (option < tokens.size() && tokens.get(option) != null && tokens.get(option).startsWith("-")
        && !SCRIPT_OPTION.matcher(tokens.get(option)).matches()) {
      option++;
    }
    int script = option + 1;
    if (script >= tokens.size() || tokens.get(option) == null || !SCRIPT_OPTION.matcher(tokens.get(option)).matches()
        || tokens.get(script) == null) {
      return;
    }
    String field = fields.get(script);
    int index = indices.get(script);
    List<String> words = new ArrayList<>();
    for (String word : tokens.get(script).split("[\\s;&|]+")) {
      String unquoted = word.replaceAll("^[\"']|[\"']$", "");
      if (!unquoted.isEmpty() && !unquoted.equals("\\")) {
        words.add(unquoted);
      }
    }
    tokens.remove(script);
    fields.remove(script);
    indices.remove(script);
    tokens.addAll(script, words);
    fields.addAll(script, java.util.Collections.nCopies(words.size(), field));
    indices.addAll(script, java.util.Collections.nCopies(words.size(), index));
  }

  private static String normalize(String flag) {
    return "--" + flag.substring(2).replace('_', '-');
  }

  List<Flag> all() {
    return flags;
  }

  /** Whether a value is only a variable: a name whose value the manifest does not say, not a literal. */
  static boolean isVariable(String value) {
    return value != null && VARIABLE.matcher(value).matches();
  }

  /** The last occurrence wins, as in vLLM's argument parser. */
  Optional<Flag> last(String name) {
    Flag found = null;
    for (Flag flag : flags) {
      if (flag.name().equals(name)) {
        found = flag;
      }
    }
    return Optional.ofNullable(found);
  }
}
