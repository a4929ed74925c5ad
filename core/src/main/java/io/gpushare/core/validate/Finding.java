package io.gpushare.core.validate;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a set of manifests, e.g.
 *
 * <pre>
 * ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00): Deployment[vllm-gpu] 3 x 0.42
 *   hint: lower --gpu-memory-utilization or replicas so that the sum is at most 1.00, ...
 * </pre>
 *
 * <p>A finding its manifest acknowledges ({@code io.gpushare.core.model.Acknowledgement}) is still
 * reported, with the reason, but no longer counts: it does not stop rendering or fail {@code lint}.
 *
 * <pre>
 * ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: ...
 * </pre>
 *
 * @param code a stable UPPER_SNAKE identifier, listed in docs/validation.md
 * @param severity how much it matters
 * @param path the object and field, e.g. {@code Deployment[vllm-gpu].spec.template.spec.containers[0].args[3]}
 * @param message what was expected and what was found
 * @param hint how to fix it
 * @param acknowledged the reason its manifest gives for keeping it; empty when it is not acknowledged
 */
public record Finding(String code, Severity severity, String path, String message, String hint,
    Optional<String> acknowledged) {
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
    acknowledged = Objects.requireNonNull(acknowledged, "acknowledged").map(Credentials::redact);
  }

  /** A finding that is not acknowledged. */
  public Finding(String code, Severity severity, String path, String message, String hint) {
    this(code, severity, path, message, hint, Optional.empty());
  }

  /** This finding, acknowledged for {@code reason}. */
  public Finding acknowledge(String reason) {
    return new Finding(code, severity, path, message, hint, Optional.of(reason));
  }

  /** Whether its manifest acknowledges it: then it is reported but does not count. */
  public boolean isAcknowledged() {
    return acknowledged.isPresent();
  }

  /**
   * {@code SEVERITY CODE PATH: message}, one line; {@code SEVERITY (acknowledged: reason) CODE PATH: message}
   * when acknowledged.
   */
  public String headline() {
    return severity + acknowledged.map(reason -> " (acknowledged: " + reason + ")").orElse("") + " " + code + " "
        + path + ": " + message;
  }

  /** The headline, then the hint on an indented second line. */
  @Override
  public String toString() {
    return headline() + "\n  hint: " + hint;
  }
}
