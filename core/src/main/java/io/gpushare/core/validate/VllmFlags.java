package io.gpushare.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flags of a vLLM container, read from its {@code command} and {@code args} together, in both the
 * {@code --flag=value} and the {@code --flag value} form, with underscores read as dashes (as vLLM's
 * own parser does: {@code --gpu_memory_utilization}). The model of {@code vllm serve MODEL} counts as
 * {@code --model}. Each flag remembers the field and index its value came from.
 */
final class VllmFlags {
  /** vLLM's own default when {@code --gpu-memory-utilization} is absent. */
  static final String DEFAULT_GPU_MEMORY_UTILIZATION = "0.9";

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

  private static String normalize(String flag) {
    return "--" + flag.substring(2).replace('_', '-');
  }

  List<Flag> all() {
    return flags;
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
