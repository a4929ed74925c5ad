package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * One port of a {@link VllmServiceSpec}.
 *
 * <pre>
 * - name: http
 *   protocol: TCP
 *   port: 8000
 *   targetPort: 8000
 * </pre>
 */
@Value.Immutable
public abstract class PortSpec {
  public abstract String name();

  @Value.Default
  public String protocol() {
    return "TCP";
  }

  public abstract int port();

  public abstract int targetPort();

  /** An HTTP port that forwards to the same port on the pods. */
  public static PortSpec http(int port) {
    return builder().name("http").port(port).targetPort(port).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("PortSpec[" + name() + "]");
    problems.require(port() >= 1 && port() <= 65535, "port must be in 1..65535, found " + port());
    problems.require(targetPort() >= 1 && targetPort() <= 65535,
        "targetPort must be in 1..65535, found " + targetPort());
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code PortSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PortSpec}. */
  public static final class Builder extends ImmutablePortSpec.Builder {}
}
