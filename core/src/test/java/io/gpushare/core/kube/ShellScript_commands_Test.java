package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Word splitting as POSIX sh does it (Shell Command Language, 2.2 Quoting, 2.6 Word Expansions,
 * 2.9 Shell Commands), on the scripts manifests hand to {@code sh -c}. {@code ?} stands for a word
 * part only the running shell knows.
 */
class ShellScript_commands_Test {
  private static final ContainerEnv ENV = ContainerEnv.of(List.of(new EnvVar("MODEL", "google/gemma-3-1b-it", null),
      new EnvVar("TWO", "a b", null), new EnvVar("EMPTY", "", null)), false);

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("single quotes keep everything", "echo 'a \"b\" $MODEL \\n'", List.of(List.of("echo",
            "a \"b\" $MODEL \\n"))),
        Arguments.of("double quotes: backslash escapes $ ` \" \\ only", "echo \"\\$x \\a \\\" \\\\\"",
            List.of(List.of("echo", "$x \\a \" \\"))),
        Arguments.of("backslash-newline continues the line", "vllm serve \\\n  m \\\n  -tp 2",
            List.of(List.of("vllm", "serve", "m", "-tp", "2"))),
        Arguments.of("&&, ||, ; | and newlines separate commands", "a && b || c; d | e\nf &",
            List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e"), List.of("f"))),
        Arguments.of("comments and redirections are dropped", "# start\nvllm serve m >/tmp/log 2>&1 # done",
            List.of(List.of("vllm", "serve", "m"))),
        Arguments.of("unquoted expansions split into fields, quoted ones do not", "x $TWO \"$TWO\" $EMPTY \"$EMPTY\"",
            List.of(List.of("x", "a", "b", "a b", ""))),
        Arguments.of("${VAR}, ${VAR:-default} for an undefined one, $(...) and $1 unknown",
            "vllm serve ${MODEL} ${UTIL:-0.5} $(nproc) $1x",
            List.of(List.of("vllm", "serve", "google/gemma-3-1b-it", "0.5", "?", "?x"))),
        Arguments.of("a variable assigned by the script, then used", "M=org/model; export U=0.3\nvllm serve $M $U",
            List.of(List.of("M=org/model"), List.of("export", "U=0.3"), List.of("vllm", "serve", "org/model", "0.3"))),
        Arguments.of("a variable assigned after && may not be set", "test -f x && M=other\nvllm serve $M",
            List.of(List.of("test", "-f", "x"), List.of("M=other"), List.of("vllm", "serve", "?"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void should_split_the_script_into_commands_of_words_when_it_is(String name, String script, List<List<String>> expected) {
    // GIVEN MODEL, TWO="a b" and EMPTY="" in the container's env
    // WHEN
    List<List<ShellScript.Word>> commands = ShellScript.commands(script, ENV);
    // THEN
    assertThat(commands).extracting(words -> words.stream()
        .map(w -> w.text().replace(ContainerEnv.UNKNOWN, '?')).toList()).isEqualTo(expected);
  }
}
