package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.gpushare.core.model.ConfigMapKeyRef;
import io.gpushare.core.model.EnvVarSpec;
import io.gpushare.core.model.HttpProbe;
import io.gpushare.core.model.PodOptions;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.TcpProbe;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.VolumeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads back what {@link PodTemplates} adds to the tutorial's pod: the environment, volumes, probes,
 * resources and the pod-level options, into a {@link VllmWorkloadSpec.Builder}. Returns false for
 * anything it cannot say as a spec; {@link KubeSpecs} then compares the spec's object with the
 * original, so a reading that loses a detail is never taken for a match.
 */
final class PodTemplateReads {
  private PodTemplateReads() {}

  /** The pod template's options after the container's claim, args and tolerations, which KubeSpecs reads. */
  static boolean readInto(PodTemplateSpec template, Container container, VllmWorkloadSpec.Builder spec) {
    PodSpec pod = template.getSpec();
    PodOptions.Builder options = PodOptions.builder();
    Integer serverPort = container.getPorts() == null || container.getPorts().size() != 1
        || container.getPorts().get(0) == null ? null : container.getPorts().get(0).getContainerPort();
    if (serverPort == null || !env(container, spec, options) || !probes(container, serverPort, spec, options)
        || !volumes(pod, container, spec, options)) {
      return false;
    }
    for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
      if (source == null || source.getPrefix() != null || (source.getConfigMapRef() == null) == (source.getSecretRef() == null)) {
        return false;
      }
      if (source.getConfigMapRef() != null) {
        options.addEnvFromConfigMaps(source.getConfigMapRef().getName());
      } else {
        options.addEnvFromSecrets(source.getSecretRef().getName());
      }
    }
    if (template.getMetadata().getAnnotations() != null) {
      options.putAllAnnotations(template.getMetadata().getAnnotations());
    }
    if (container.getResources() != null) {
      quantities(container.getResources().getRequests(), options::putRequests);
      quantities(container.getResources().getLimits(), options::putLimits);
    }
    if (pod.getNodeSelector() != null) {
      options.putAllNodeSelector(pod.getNodeSelector());
    }
    Optional.ofNullable(pod.getAffinity()).ifPresent(options::affinity);
    Optional.ofNullable(pod.getTopologySpreadConstraints()).ifPresent(options::addAllTopologySpreadConstraints);
    for (LocalObjectReference secret : Optional.ofNullable(pod.getImagePullSecrets()).orElse(List.of())) {
      if (secret == null || secret.getName() == null) {
        return false;
      }
      options.addImagePullSecrets(secret.getName());
    }
    Optional.ofNullable(pod.getServiceAccountName()).ifPresent(options::serviceAccountName);
    Optional.ofNullable(pod.getSecurityContext()).ifPresent(options::podSecurityContext);
    Optional.ofNullable(container.getSecurityContext()).ifPresent(options::securityContext);
    Optional.ofNullable(pod.getPriorityClassName()).ifPresent(options::priorityClassName);
    Optional.ofNullable(pod.getTerminationGracePeriodSeconds()).ifPresent(options::terminationGracePeriodSeconds);
    spec.pod(options.build());
    return true;
  }

  private static boolean env(Container container, VllmWorkloadSpec.Builder spec, PodOptions.Builder options) {
    boolean token = false;
    boolean apiKey = false;
    for (EnvVar env : container.getEnv()) {
      var source = env.getValueFrom();
      if (env.getName() == null || (source == null) == (env.getValue() == null)) {
        return false;
      }
      var secret = source == null ? null : source.getSecretKeyRef();
      var configMap = source == null ? null : source.getConfigMapKeyRef();
      if (source != null && (secret == null) == (configMap == null)) {
        return false; // fieldRef, resourceFieldRef: not a spec's
      }
      if (secret != null && (secret.getName() == null || secret.getKey() == null || secret.getOptional() != null)
          || configMap != null && (configMap.getName() == null || configMap.getKey() == null
              || configMap.getOptional() != null)) {
        return false;
      }
      if (secret != null && !token && VllmWorkloadSpec.HF_TOKEN_ENV.equals(env.getName())) {
        token = true;
        spec.huggingFaceToken(SecretKeyRef.of(secret.getName(), secret.getKey()));
      } else if (secret != null && !apiKey && VllmWorkloadSpec.API_KEY_ENV.equals(env.getName())) {
        apiKey = true;
        spec.apiKey(SecretKeyRef.of(secret.getName(), secret.getKey()));
      } else if (secret != null) {
        options.addEnv(EnvVarSpec.fromSecret(env.getName(), SecretKeyRef.of(secret.getName(), secret.getKey())));
      } else if (configMap != null) {
        options.addEnv(EnvVarSpec.fromConfigMap(env.getName(), ConfigMapKeyRef.of(configMap.getName(), configMap.getKey())));
      } else {
        options.addEnv(EnvVarSpec.literal(env.getName(), env.getValue()));
      }
    }
    return true;
  }

  private static boolean probes(Container container, int serverPort, VllmWorkloadSpec.Builder spec,
      PodOptions.Builder options) {
    Probe readiness = container.getReadinessProbe();
    if (readiness != null && readiness.getTcpSocket() != null) {
      if (readiness.getInitialDelaySeconds() == null || readiness.getPeriodSeconds() == null) {
        return false;
      }
      spec.readinessProbe(TcpProbe.of(readiness.getInitialDelaySeconds(), readiness.getPeriodSeconds()));
    } else if (readiness != null) {
      Optional<HttpProbe> http = http(readiness, serverPort);
      if (http.isEmpty()) {
        return false;
      }
      options.readinessProbe(http.get());
    }
    for (Probe probe : new Probe[] {container.getLivenessProbe(), container.getStartupProbe()}) {
      if (probe != null && http(probe, serverPort).isEmpty()) {
        return false;
      }
    }
    Optional.ofNullable(container.getLivenessProbe()).flatMap(p -> http(p, serverPort)).ifPresent(options::livenessProbe);
    Optional.ofNullable(container.getStartupProbe()).flatMap(p -> http(p, serverPort)).ifPresent(options::startupProbe);
    return true;
  }

  private static Optional<HttpProbe> http(Probe probe, int serverPort) {
    HTTPGetAction get = probe.getHttpGet();
    if (get == null || get.getPath() == null || get.getPort() == null || get.getPort().getIntVal() == null
        || probe.getPeriodSeconds() == null || probe.getFailureThreshold() == null) {
      return Optional.empty();
    }
    HttpProbe.Builder result = HttpProbe.builder().path(get.getPath()).periodSeconds(probe.getPeriodSeconds())
        .failureThreshold(probe.getFailureThreshold());
    if (get.getPort().getIntVal() != serverPort) {
      result.port(get.getPort().getIntVal());
    }
    Optional.ofNullable(probe.getInitialDelaySeconds()).ifPresent(result::initialDelaySeconds);
    Optional.ofNullable(probe.getTimeoutSeconds()).ifPresent(result::timeoutSeconds);
    return Optional.of(result.build());
  }

  private static boolean volumes(PodSpec pod, Container container, VllmWorkloadSpec.Builder spec,
      PodOptions.Builder options) {
    List<Volume> volumes = Optional.ofNullable(pod.getVolumes()).orElse(List.of());
    List<VolumeMount> mounts = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of());
    if (volumes.size() != mounts.size()) {
      return false;
    }
    boolean sharedMemory = false;
    for (int i = 0; i < volumes.size(); i++) {
      Volume volume = volumes.get(i);
      VolumeMount mount = mounts.get(i);
      if (volume == null || mount == null || volume.getName() == null || !volume.getName().equals(mount.getName())
          || mount.getMountPath() == null) {
        return false;
      }
      if (i == 0 && PodOptions.SHARED_MEMORY_VOLUME.equals(volume.getName())) {
        sharedMemory = true;
        continue;
      }
      VolumeSpec.Builder result = VolumeSpec.builder().name(volume.getName()).mountPath(mount.getMountPath())
          .readOnly(Boolean.TRUE.equals(mount.getReadOnly()));
      if (volume.getPersistentVolumeClaim() != null) {
        result.source(VolumeSpec.Source.PERSISTENT_VOLUME_CLAIM).sourceName(volume.getPersistentVolumeClaim().getClaimName());
      } else if (volume.getConfigMap() != null) {
        result.source(VolumeSpec.Source.CONFIG_MAP).sourceName(volume.getConfigMap().getName());
      } else if (volume.getEmptyDir() != null) {
        result.source(VolumeSpec.Source.EMPTY_DIR);
        Optional.ofNullable(volume.getEmptyDir().getMedium()).ifPresent(result::medium);
        Optional.ofNullable(volume.getEmptyDir().getSizeLimit()).map(PodTemplateReads::text).ifPresent(result::sizeLimit);
      } else {
        return false;
      }
      options.addVolumes(result.build());
    }
    spec.sharedMemoryVolume(sharedMemory);
    return true;
  }

  private static void quantities(Map<String, Quantity> values, java.util.function.BiConsumer<String, String> put) {
    if (values != null) {
      new LinkedHashMap<>(values).forEach((resource, quantity) -> put.accept(resource, text(quantity)));
    }
  }

  private static String text(Quantity quantity) {
    return quantity.getAmount() + (quantity.getFormat() == null ? "" : quantity.getFormat());
  }
}
