package io.gpushare.core.model;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a production pod adds to the vLLM container and its pod, the same for every
 * {@link WorkloadKind}: resources, environment, volumes, HTTP probes, where it runs and as whom.
 * Everything is optional; an empty {@code PodOptions} adds nothing to the tutorial's pod.
 *
 * <pre>
 * template:
 *   metadata:
 *     annotations: {prometheus.io/scrape: "true"}     # annotations
 *   spec:
 *     serviceAccountName: vllm                        # serviceAccountName
 *     priorityClassName: inference                    # priorityClassName
 *     terminationGracePeriodSeconds: 60               # terminationGracePeriodSeconds
 *     securityContext: {...}                          # podSecurityContext
 *     imagePullSecrets: [{name: registry}]            # imagePullSecrets
 *     nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
 *     affinity: {...}
 *     topologySpreadConstraints: [...]
 *     containers:
 *     - name: vllm
 *       env: [...]                                    # env
 *       envFrom: [{configMapRef: {name: vllm-env}}]   # envFromConfigMaps, envFromSecrets
 *       resources:
 *         limits: {memory: 24Gi}                      # limits
 *         requests: {cpu: "4", memory: 16Gi}          # requests
 *       livenessProbe: {httpGet: {path: /health, port: 8000}, ...}
 *       readinessProbe: {...}
 *       startupProbe: {...}
 *       volumeMounts: [...]                           # volumes
 *       securityContext: {...}                        # securityContext
 *     volumes: [...]
 * </pre>
 *
 * <p>Affinity, topology spread and security contexts are fabric8's own model types, written as they
 * are. Intrinsic checks: requests and limits are quantities (bounded, see {@link Quantities}) and no
 * request exceeds its limit, variable and volume names are unique, mount paths too, and no volume
 * takes the name {@code dshm} of the shared-memory volume. The environment refuses literal
 * credentials ({@link EnvVarSpec}).
 */
@Value.Immutable
public abstract class PodOptions {
  /** The name of the memory-backed volume at {@code /dev/shm}, {@link VllmWorkloadSpec#sharedMemoryVolume()}. */
  public static final String SHARED_MEMORY_VOLUME = "dshm";

  /** Annotations of the pod template (not of the workload object). */
  public abstract Map<String, String> annotations();

  /** {@code resources.requests} of the container, e.g. {@code cpu: "4"}, {@code memory: 16Gi}. */
  public abstract Map<String, String> requests();

  /** {@code resources.limits} of the container, e.g. {@code memory: 24Gi}. */
  public abstract Map<String, String> limits();

  /** Environment variables after the ones gpushare writes ({@code HF_TOKEN}, {@code VLLM_API_KEY}). */
  public abstract List<EnvVarSpec> env();

  /** Secrets whose every key becomes a variable ({@code envFrom: [{secretRef: {name}}]}). */
  public abstract List<String> envFromSecrets();

  /** ConfigMaps whose every key becomes a variable ({@code envFrom: [{configMapRef: {name}}]}). */
  public abstract List<String> envFromConfigMaps();

  public abstract List<VolumeSpec> volumes();

  public abstract Optional<HttpProbe> readinessProbe();

  public abstract Optional<HttpProbe> livenessProbe();

  public abstract Optional<HttpProbe> startupProbe();

  public abstract Map<String, String> nodeSelector();

  public abstract Optional<Affinity> affinity();

  public abstract List<TopologySpreadConstraint> topologySpreadConstraints();

  /** Names of the Secrets that hold registry credentials. */
  public abstract List<String> imagePullSecrets();

  public abstract Optional<String> serviceAccountName();

  /** {@code spec.securityContext} of the pod. */
  public abstract Optional<PodSecurityContext> podSecurityContext();

  /** {@code securityContext} of the vLLM container. */
  public abstract Optional<SecurityContext> securityContext();

  public abstract Optional<String> priorityClassName();

  public abstract Optional<Long> terminationGracePeriodSeconds();

  /** Nothing added. */
  public static PodOptions none() {
    return builder().build();
  }

  /** vLLM's readiness, liveness and startup probes on {@code /health} ({@link HttpProbe}). */
  public static Builder withVllmProbes() {
    return builder().readinessProbe(HttpProbe.vllmReadiness()).livenessProbe(HttpProbe.vllmLiveness())
        .startupProbe(HttpProbe.vllmStartup());
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("PodOptions");
    checkQuantities("requests", requests(), problems);
    checkQuantities("limits", limits(), problems);
    requests().forEach((resource, request) -> {
      String limit = limits().get(resource);
      Optional<BigDecimal> requested = Quantities.bytes(request);
      Optional<BigDecimal> limited = limit == null ? Optional.empty() : Quantities.bytes(limit);
      if (requested.isPresent() && limited.isPresent()) {
        problems.require(requested.get().compareTo(limited.get()) <= 0,
            "requests." + resource + " " + request + " must not exceed limits." + resource + " " + limit);
      }
    });
    Set<String> names = new HashSet<>();
    for (EnvVarSpec env : env()) {
      problems.require(names.add(env.name()), "env " + env.name() + " is given twice");
    }
    Set<String> volumes = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (VolumeSpec volume : volumes()) {
      problems.require(!SHARED_MEMORY_VOLUME.equals(volume.name()),
          "volume name " + SHARED_MEMORY_VOLUME + " is the shared-memory volume's; choose another name");
      problems.require(volumes.add(volume.name()), "volume " + volume.name() + " is given twice");
      problems.require(paths.add(volume.mountPath()), "mountPath " + volume.mountPath() + " is used twice");
    }
    terminationGracePeriodSeconds().ifPresent(seconds -> problems.require(seconds >= 0,
        "terminationGracePeriodSeconds must be >= 0, found " + seconds));
    problems.throwIfAny();
  }

  private static void checkQuantities(String field, Map<String, String> values, Problems problems) {
    values.forEach((resource, quantity) -> problems.require(Quantities.isQuantity(quantity)
            && !quantity.startsWith("-"),
        field + "." + resource + " must be a non-negative quantity such as 4, 500m or 16Gi, found '" + quantity + "'"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PodOptions}. */
  public static final class Builder extends ImmutablePodOptions.Builder {}
}
