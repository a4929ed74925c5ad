package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * A readiness probe that opens a TCP connection to the server's port.
 *
 * <pre>
 * readinessProbe:
 *   tcpSocket:
 *     port: 8000
 *   initialDelaySeconds: 15
 *   periodSeconds: 10
 * </pre>
 */
@Value.Immutable
public abstract class TcpProbe {
  @Value.Parameter
  public abstract int initialDelaySeconds();

  @Value.Parameter
  public abstract int periodSeconds();

  public static TcpProbe of(int initialDelaySeconds, int periodSeconds) {
    return ImmutableTcpProbe.of(initialDelaySeconds, periodSeconds);
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("TcpProbe");
    problems.require(initialDelaySeconds() >= 0,
        "initialDelaySeconds must be >= 0, found " + initialDelaySeconds());
    problems.require(periodSeconds() >= 1, "periodSeconds must be >= 1, found " + periodSeconds());
    problems.throwIfAny();
  }
}
