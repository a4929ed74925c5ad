package io.gpushare.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flags of a vLLM container, read from its {@code args} in both the {@code --flag=value} and
 * the {@code --flag value} form, each with the index of the argument it came from.
 */
final class VllmFlags {
  /** vLLM's own default when {@code --gpu-memory-utilization} is absent. */
  static final String DEFAULT_GPU_MEMORY_UTILIZATION = "0.9";

  record Flag(String name, String value, int index) {}

  private final List<Flag> flags;

  private VllmFlags(List<Flag> flags) {
    this.flags = flags;
  }

  static VllmFlags parse(List<String> args) {
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        flags.add(new Flag(arg.substring(0, eq), arg.substring(eq + 1), i));
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        flags.add(new Flag(arg, args.get(i + 1), i + 1));
        i++;
      } else {
        flags.add(new Flag(arg, "", i));
      }
    }
    return new VllmFlags(flags);
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
