package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pod toleration, typically of the taint GPU nodes carry.
 *
 * <pre>
 * tolerations:
 * - key: "nvidia.com/gpu"
 *   operator: "Exists"
 *   effect: "NoSchedule"
 * </pre>
 */
@Value.Immutable
public abstract class TolerationSpec {

  /** The taint key; empty tolerates every key (only with {@code Exists}). */
  public abstract String key();

  public abstract Operator operator();

  /** Only with {@link Operator#EQUAL}. */
  public abstract Optional<String> value();

  /** Unset tolerates every effect. */
  public abstract Optional<Effect> effect();

  /** The tutorial's toleration: {@code nvidia.com/gpu} Exists NoSchedule. */
  public static TolerationSpec gpuNoSchedule() {
    return builder().key("nvidia.com/gpu").operator(Operator.EXISTS).effect(Effect.NO_SCHEDULE).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("TolerationSpec[" + key() + "]");
    problems.require(operator() != Operator.EXISTS || value().isEmpty(),
        "value must be empty with operator Exists, found '" + value().orElse("") + "'");
    problems.require(!key().isEmpty() || operator() == Operator.EXISTS,
        "an empty key needs operator Exists");
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code TolerationSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TolerationSpec}. */
  public static final class Builder extends ImmutableTolerationSpec.Builder {}

  /** The toleration operator. */
  public enum Operator {
    EXISTS("Exists"),
    EQUAL("Equal");

    private final String wireName;

    Operator(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** The taint effect tolerated. */
  public enum Effect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String wireName;

    Effect(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
