package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a container's environment tells about its variables before the pod runs, and the kubelet's
 * {@code $(VAR)} expansion of {@code command} and {@code args} with it. A variable whose value is
 * known only at run time ({@code valueFrom}, or possibly {@code envFrom}) expands to
 * {@link #UNKNOWN}, so that the readers downstream report it as unknown instead of guessing.
 *
 * <p>The rules are the kubelet's (kubernetes {@code third_party/forked/golang/expansion/expand.go}):
 * {@code $(VAR)} is replaced when {@code VAR} is defined in {@code env} (an {@code env} value sees the
 * variables defined before it); {@code $$} is an escaped {@code $}; an undefined reference and every
 * other {@code $} stay as written.
 */
final class ContainerEnv {
  /** Stands for text that is known only when the pod runs; never part of a manifest's own text. */
  static final char UNKNOWN = '\uFFFF';
  private static final String UNKNOWN_TEXT = String.valueOf(UNKNOWN);

  /** A string after expansion, and whether a reference was replaced in it. */
  record Expanded(String text, boolean expanded) {}

  private final Map<String, String> values;
  private final boolean envFrom;

  private ContainerEnv(Map<String, String> values, boolean envFrom) {
    this.values = values;
    this.envFrom = envFrom;
  }

  static ContainerEnv of(Container container) {
    return of(container.getEnv(), container.getEnvFrom() != null && !container.getEnvFrom().isEmpty());
  }

  static ContainerEnv of(List<EnvVar> env, boolean envFrom) {
    ContainerEnv result = new ContainerEnv(new HashMap<>(), envFrom);
    if (env == null) {
      return result;
    }
    for (EnvVar variable : env) {
      if (variable == null || variable.getName() == null) {
        continue;
      }
      String value = variable.getValueFrom() != null ? UNKNOWN_TEXT
          : result.expand(variable.getValue() == null ? "" : variable.getValue()).text();
      result.values.put(variable.getName(), value);
    }
    return result;
  }

  /** The value of a variable as the container sees it; {@link #UNKNOWN} when only the running pod knows it. */
  String valueOf(String name) {
    String value = values.get(name);
    return value != null ? value : UNKNOWN_TEXT;
  }

  /** Whether {@code env} defines the variable, or {@code envFrom} may. */
  boolean mayDefine(String name) {
    return values.containsKey(name) || envFrom;
  }

  /** The kubelet's expansion of one {@code command} or {@code args} element. */
  Expanded expand(String input) {
    StringBuilder out = new StringBuilder(input.length());
    boolean expanded = false;
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 == input.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '(') {
        int close = input.indexOf(')', i + 2);
        if (close < 0) {
          out.append("$(");
          i += 2;
          continue;
        }
        String name = input.substring(i + 2, close);
        String value = values.get(name);
        if (value == null && envFrom) {
          value = UNKNOWN_TEXT;
        }
        if (value == null) {
          out.append(input, i, close + 1);
        } else {
          out.append(value);
          expanded = true;
        }
        i = close + 1;
      } else {
        out.append(c).append(next);
        i += 2;
      }
    }
    return new Expanded(out.toString(), expanded);
  }

  static boolean known(String text) {
    return text.indexOf(UNKNOWN) < 0;
  }
}
