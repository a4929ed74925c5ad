package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.gpushare.core.kube.ShellWords;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.kube.VllmArgs.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials written by name into one container (of {@code containers}, {@code initContainers} or
 * {@code ephemeralContainers}):
 *
 * <pre>
 * env: [{name: DB_PASSWORD, value: hunter2}]                     a literal under a credential's name
 * args: [--api-key, s3cr3t]  /  [--hf-token=...]                 a literal value of a credential flag
 * command: [sh, -c, "HF_TOKEN=... vllm serve ..."]               a literal assignment in a shell script
 * </pre>
 *
 * Token-looking values anywhere else are found by {@link TokenScan}.
 */
final class ContainerSecrets {
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
  private static final Pattern FLAG = Pattern.compile("(--?[A-Za-z][A-Za-z0-9_.-]*)(?:=(.*))?", Pattern.DOTALL);

  /** A word of {@code command} or {@code args}, and the path of the element it is written in. */
  private record Word(String text, boolean literal, String path) {}

  private final Set<String> reported;
  private final Findings findings;

  ContainerSecrets(Set<String> reported, Findings findings) {
    this.reported = reported;
    this.findings = findings;
  }

  void check(Container container, String path) {
    checkEnv(Nulls.list(container.getEnv()), path);
    VllmArgs.read(container).last(Flag.API_KEY)
        .filter(f -> !f.fromVariable() && f.value().filter(v -> !Credentials.placeholder(v)).isPresent())
        .filter(flag -> reported.add(path + "." + flag.location()))
        .ifPresent(flag -> findings.add(FindingCode.SECRET_LITERAL, path + "." + flag.location(),
            "expected the API key from a Secret, found a literal " + Flag.API_KEY.wireName() + " in the manifest",
            "set env VLLM_API_KEY from a Secret (valueFrom.secretKeyRef) and drop " + Flag.API_KEY.wireName()));
    checkWords(container.getCommand(), container.getArgs(), path);
  }

  void check(EphemeralContainer container, String path) {
    checkEnv(Nulls.list(container.getEnv()), path);
    checkWords(container.getCommand(), container.getArgs(), path);
  }

  private void checkEnv(List<EnvVar> env, String path) {
    for (int e = 0; e < env.size(); e++) {
      EnvVar variable = env.get(e);
      if (variable == null || Credentials.placeholder(variable.getValue())) {
        continue;
      }
      String where = path + ".env[" + e + "].value";
      String token = Credentials.tokenIn(variable.getValue()).orElse(null);
      if ((token != null || Credentials.credentialName(variable.getName())) && reported.add(where)) {
        findings.add(FindingCode.SECRET_LITERAL, where,
            "expected " + variable.getName() + " from a Secret (valueFrom.secretKeyRef), found a literal "
                + (token != null ? token : "value") + " in the manifest",
            "Hugging Face token".equals(token)
                ? "kubectl create secret generic hf-secret --from-literal=hf_api_token=...; then"
                    + " valueFrom.secretKeyRef {name: hf-secret, key: hf_api_token}; and revoke the token that was"
                    + " written down"
                : "put the value in a Secret and read it with valueFrom.secretKeyRef; and change the value that was"
                    + " written down");
      }
    }
  }

  private void checkWords(List<String> command, List<String> args, String path) {
    List<Word> elements = new ArrayList<>();
    addElements(elements, Nulls.list(command), path + ".command");
    addElements(elements, Nulls.list(args), path + ".args");
    checkCommand(elements, "");
    for (Word element : elements) {
      if (script(element.text())) {
        for (List<ShellWords.Word> words : ShellWords.commands(element.text())) {
          checkCommand(words.stream().map(w -> new Word(w.text(), w.literal(), element.path())).toList(),
              " in a shell script");
        }
      }
    }
  }

  private static boolean script(String text) {
    return text.chars().anyMatch(c -> c == ' ' || c == '\n' || c == ';' || c == '\t');
  }

  private static void addElements(List<Word> into, List<String> elements, String field) {
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) != null) {
        into.add(new Word(elements.get(i), true, field + "[" + i + "]"));
      }
    }
  }

  /** Flags ({@code --hf-token x}, {@code --hf-token=x}) and assignments ({@code HF_TOKEN=x}) of one command. */
  private void checkCommand(List<Word> words, String where) {
    for (int i = 0; i < words.size(); i++) {
      Word word = words.get(i);
      Matcher assignment = ASSIGNMENT.matcher(word.text());
      Matcher flag = FLAG.matcher(word.text());
      if (assignment.matches() && (!where.isEmpty() || !script(word.text()))) {
        report(assignment.group(1), assignment.group(2), word.literal(), word.path(), where);
      } else if (flag.matches() && flag.group(2) != null) {
        report(flag.group(1), flag.group(2), word.literal(), word.path(), where);
      } else if (flag.matches() && i + 1 < words.size() && !words.get(i + 1).text().startsWith("-")) {
        Word value = words.get(i + 1);
        report(flag.group(1), value.text(), value.literal(), value.path(), where);
      }
    }
  }

  private void report(String name, String value, boolean literal, String path, String where) {
    if (!literal || !Credentials.credentialName(name) || Credentials.placeholder(value) || !reported.add(path)) {
      return;
    }
    findings.add(FindingCode.SECRET_LITERAL, path,
        "expected " + name + " from a Secret, found a literal " + Credentials.tokenIn(value).orElse("value") + where
            + " in the manifest",
        "read it from an env variable set with valueFrom.secretKeyRef ($(VAR) in command and args, $VAR in a"
            + " script); and change the value that was written down");
  }
}
