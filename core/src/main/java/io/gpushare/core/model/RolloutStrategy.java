package io.gpushare.core.model;

import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * How a Deployment replaces its pods. Pods that share a GPU through one claim should not surge: a
 * rolling update starts new pods next to the old ones on the same GPU, and their memory shares add
 * up. {@link #recreate()} stops the old pods first; {@link #rollingUpdate} with
 * {@code maxSurge: 0} replaces them one at a time without extra pods.
 *
 * <pre>
 * strategy:                     strategy:
 *   type: Recreate                type: RollingUpdate
 *                                 rollingUpdate:
 *                                   maxUnavailable: 1
 *                                   maxSurge: 0
 * </pre>
 */
@Value.Immutable
public abstract class RolloutStrategy {
  private static final Pattern INT_OR_PERCENT = Pattern.compile("[0-9]{1,9}%?");

  /** {@code spec.strategy.type}. */
  public enum Type {
    RECREATE("Recreate"),
    ROLLING_UPDATE("RollingUpdate");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public abstract Type type();

  /** {@code rollingUpdate.maxSurge}: a number of pods such as {@code 0} or a percentage such as {@code 25%}. */
  public abstract Optional<String> maxSurge();

  /** {@code rollingUpdate.maxUnavailable}: a number of pods or a percentage. */
  public abstract Optional<String> maxUnavailable();

  /** {@code type: Recreate}: every old pod stops before a new one starts. */
  public static RolloutStrategy recreate() {
    return builder().type(Type.RECREATE).build();
  }

  /** {@code type: RollingUpdate} with the given {@code maxSurge} and {@code maxUnavailable}. */
  public static RolloutStrategy rollingUpdate(String maxSurge, String maxUnavailable) {
    return builder().type(Type.ROLLING_UPDATE).maxSurge(maxSurge).maxUnavailable(maxUnavailable).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("RolloutStrategy[" + type().wireName() + "]");
    problems.require(type() == Type.ROLLING_UPDATE || (maxSurge().isEmpty() && maxUnavailable().isEmpty()),
        "maxSurge and maxUnavailable belong to a RollingUpdate, found them on Recreate");
    maxSurge().ifPresent(v -> problems.require(INT_OR_PERCENT.matcher(v).matches(),
        "maxSurge must be a number of pods or a percentage such as 25%, found '" + v + "'"));
    maxUnavailable().ifPresent(v -> problems.require(INT_OR_PERCENT.matcher(v).matches(),
        "maxUnavailable must be a number of pods or a percentage such as 25%, found '" + v + "'"));
    problems.require(!(zero(maxSurge()) && zero(maxUnavailable())),
        "maxSurge and maxUnavailable must not both be 0: the rollout could never replace a pod");
    problems.throwIfAny();
  }

  private static boolean zero(Optional<String> value) {
    return value.map(v -> v.replace("%", "")).filter(v -> v.chars().allMatch(c -> c == '0')).isPresent();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RolloutStrategy}. */
  public static final class Builder extends ImmutableRolloutStrategy.Builder {}
}
