package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a batch-inference {@code Job} adds to the pod template: how many pods must succeed, how many
 * retries, and when a failed container restarts. Its {@code parallelism} is the spec's
 * {@link VllmWorkloadSpec#replicas()}, the pods that share the GPU at once.
 *
 * <pre>
 * spec:
 *   completions: 4
 *   parallelism: 2
 *   backoffLimit: 3
 *   template:
 *     spec:
 *       restartPolicy: Never
 * </pre>
 */
@Value.Immutable
public abstract class JobOptions {
  /** {@code restartPolicy} of a Job's pods (a Job refuses {@code Always}). */
  public enum RestartPolicy {
    NEVER("Never"),
    ON_FAILURE("OnFailure");

    private final String wireName;

    RestartPolicy(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** {@code spec.completions}; unset, the Job is done when one pod succeeds. */
  public abstract Optional<Integer> completions();

  /** {@code spec.backoffLimit}; unset, Kubernetes retries 6 times. */
  public abstract Optional<Integer> backoffLimit();

  @Value.Default
  public RestartPolicy restartPolicy() {
    return RestartPolicy.NEVER;
  }

  /** Never restart in place; Kubernetes' defaults for the rest. */
  public static JobOptions defaults() {
    return builder().build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("JobOptions");
    completions().ifPresent(c -> problems.require(c >= 1, "completions must be >= 1, found " + c));
    backoffLimit().ifPresent(b -> problems.require(b >= 0, "backoffLimit must be >= 0, found " + b));
    problems.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link JobOptions}. */
  public static final class Builder extends ImmutableJobOptions.Builder {}
}
