package io.gpushare.core.validate;

import java.util.Objects;

/**
 * One problem found in a set of manifests, e.g.
 *
 * <pre>
 * ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00): Deployment[vllm-gpu] 3 x 0.42
 *   hint: lower --gpu-memory-utilization or replicas so that the sum is at most 1.00, ...
 * </pre>
 *
 * @param code a stable UPPER_SNAKE identifier, listed in docs/validation.md
 * @param severity how much it matters
 * @param path the object and field, e.g. {@code Deployment[vllm-gpu].spec.template.spec.containers[0].args[3]}
 * @param message what was expected and what was found
 * @param hint how to fix it
 */
public record Finding(String code, Severity severity, String path, String message, String hint) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    // the one funnel of every finding: no message of gpushare prints a credential
    path = Credentials.redact(path);
    message = Credentials.redact(message);
    hint = Credentials.redact(hint);
  }

  /** {@code SEVERITY CODE PATH: message}, one line. */
  public String headline() {
    return severity + " " + code + " " + path + ": " + message;
  }

  /** The headline, then the hint on an indented second line. */
  @Override
  public String toString() {
    return headline() + "\n  hint: " + hint;
  }
}
