package io.gpushare.core.yaml;

import java.util.List;

/**
 * The comment lines that belong to one entry of a mapping or item of a sequence, as read by
 * SnakeYAML: the whole lines before it, and the comments on the line of its key or value. Each
 * string is the text after {@code #}.
 *
 * <pre>
 * # before
 * name: vllm # inline
 * </pre>
 */
record YamlComments(List<String> before, List<String> inline) {
  static final YamlComments NONE = new YamlComments(List.of(), List.of());

  boolean isEmpty() {
    return before.isEmpty() && inline.isEmpty();
  }
}
