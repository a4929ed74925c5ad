package io.gpushare.core.kube;

import java.util.List;

/**
 * The words of a shell script ({@code sh -c "..."}) as written, for readers that look at the
 * literal text of a script: {@code HF_TOKEN=... python serve.py; vllm serve --api-key "$KEY"}
 * becomes {@code [HF_TOKEN=..., python, serve.py]} and {@code [vllm, serve, --api-key, $KEY]},
 * where a word that takes a variable's value ({@code "$KEY"}) is marked as not literal.
 * Split by the same {@link ShellScript} the vLLM argument codec uses, with no variable known.
 */
public final class ShellWords {
  /**
   * One word of a simple command.
   *
   * @param text the word after quote removal
   * @param literal false when a variable or command substitution went into it
   */
  public record Word(String text, boolean literal) {}

  private ShellWords() {}

  /** The simple commands of the script, each a list of words, in order. */
  public static List<List<Word>> commands(String script) {
    ContainerEnv none = ContainerEnv.of(null, false);
    return ShellScript.commands(script, none).stream()
        .map(words -> words.stream().map(w -> new Word(w.text(), !w.expanded())).toList()).toList();
  }
}
