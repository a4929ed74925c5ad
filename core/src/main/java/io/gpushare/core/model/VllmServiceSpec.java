package io.gpushare.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code v1} {@code Service} in front of the inference servers.
 *
 * <pre>
 * apiVersion: v1
 * kind: Service
 * metadata:
 *   name: vllm-service
 * spec:
 *   selector:
 *     app: vllm-gpu
 *   type: LoadBalancer
 *   ports:
 *   - name: http
 *     protocol: TCP
 *     port: 8000
 *     targetPort: 8000
 * </pre>
 *
 * <p>A {@link #headless()} Service ({@code type: ClusterIP}, {@code clusterIP: None}) gives each pod of
 * a StatefulSet a DNS name instead of balancing over them. Intrinsic checks: a name, a port, a
 * namespace that is a DNS label, and headless only with {@code ClusterIP}.
 */
@Value.Immutable
public abstract class VllmServiceSpec implements ManifestSpec {
  public static final String KIND = "Service";

  @Override
  public abstract String name();

  @Override
  public abstract Optional<String> namespace();

  /** Labels of the Service object ({@code metadata.labels}). */
  public abstract Map<String, String> labels();

  /** Annotations of the Service object, e.g. a cloud load balancer's settings. */
  public abstract Map<String, String> annotations();

  /** {@code clusterIP: None}: DNS names per pod, no virtual IP. */
  @Value.Default
  public boolean headless() {
    return false;
  }

  /** The same spec in {@code namespace}. */
  public VllmServiceSpec withNamespace(String namespace) {
    return ImmutableVllmServiceSpec.copyOf(this).withNamespace(namespace);
  }

  /** {@code ClusterIP}, {@code NodePort} or {@code LoadBalancer}. */
  public abstract String type();

  /** Labels of the pods the Service sends traffic to. */
  public abstract Map<String, String> selector();

  public abstract List<PortSpec> ports();

  @Override
  public final String kind() {
    return KIND;
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("Service[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(!ports().isEmpty(), "at least one port is needed");
    problems.require(!headless() || "ClusterIP".equals(type()), "a headless Service has type ClusterIP, found " + type());
    Namespaces.check(namespace(), problems);
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code VllmServiceSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VllmServiceSpec}. */
  public static final class Builder extends ImmutableVllmServiceSpec.Builder {}
}
