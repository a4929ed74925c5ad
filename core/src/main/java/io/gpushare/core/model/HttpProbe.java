package io.gpushare.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An HTTP probe of the vLLM server: {@code GET /health} on the server's port answers 200 once the
 * model is loaded and the engine runs.
 *
 * <pre>
 * startupProbe:
 *   httpGet:
 *     path: /health
 *     port: 8000
 *   periodSeconds: 10
 *   failureThreshold: 90
 * </pre>
 *
 * <p>The factories hold vLLM's values: its Helm chart ({@code examples/online_serving/chart-helm/values.yaml}
 * in vllm-project/vllm) probes {@code /health} on port 8000, liveness every 10 s with 3 failures allowed, and
 * the production stack ({@code helm/templates/_helpers.tpl} of vllm-project/production-stack,
 * {@code chart.probes}) adds a startup probe on the same path. A model load (download, weights, CUDA
 * graphs) takes minutes, so the startup probe here allows 15 minutes (90 x 10 s) before the kubelet
 * restarts the container; liveness and readiness only start after it succeeds.
 */
@Value.Immutable
public abstract class HttpProbe {
  /** vLLM's health endpoint. */
  public static final String HEALTH_PATH = "/health";

  @Value.Default
  public String path() {
    return HEALTH_PATH;
  }

  /** The port; unset probes the server's {@code --port}. */
  public abstract Optional<Integer> port();

  @Value.Default
  public int initialDelaySeconds() {
    return 0;
  }

  @Value.Default
  public int periodSeconds() {
    return 10;
  }

  @Value.Default
  public int timeoutSeconds() {
    return 1;
  }

  @Value.Default
  public int failureThreshold() {
    return 3;
  }

  /** Readiness: {@code /health} every 5 s, out of the Service after 3 failures. */
  public static HttpProbe vllmReadiness() {
    return builder().periodSeconds(5).build();
  }

  /** Liveness: {@code /health} every 10 s, restarted after 3 failures (30 s of a hung engine). */
  public static HttpProbe vllmLiveness() {
    return builder().build();
  }

  /** Startup: {@code /health} every 10 s for up to 15 minutes while the model loads. */
  public static HttpProbe vllmStartup() {
    return builder().failureThreshold(90).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("HttpProbe[" + path() + "]");
    problems.require(path().startsWith("/"), "path must start with /, found '" + path() + "'");
    port().ifPresent(port -> problems.require(port >= 1 && port <= 65535, "port must be in 1..65535, found " + port));
    problems.require(initialDelaySeconds() >= 0, "initialDelaySeconds must be >= 0, found " + initialDelaySeconds());
    problems.require(periodSeconds() >= 1, "periodSeconds must be >= 1, found " + periodSeconds());
    problems.require(timeoutSeconds() >= 1, "timeoutSeconds must be >= 1, found " + timeoutSeconds());
    problems.require(failureThreshold() >= 1, "failureThreshold must be >= 1, found " + failureThreshold());
    problems.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link HttpProbe}. */
  public static final class Builder extends ImmutableHttpProbe.Builder {}
}
