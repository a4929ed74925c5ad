package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretEnvSource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.EnvVarSpec;
import io.gpushare.core.model.HttpProbe;
import io.gpushare.core.model.PodOptions;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.VolumeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one pod template of a {@link VllmWorkloadSpec}, whatever object runs it (Deployment,
 * StatefulSet, Job, LeaderWorkerSet): the vLLM container with its claim, env, probes and mounts, and
 * the pod around it. Only what the spec sets is written, so the tutorial's pod stays as it was.
 *
 * <pre>
 * metadata:
 *   labels: {app: vllm-gpu}
 * spec:
 *   tolerations: [...]
 *   resourceClaims: [{name: gpu, resourceClaimName: gpu-claim}]
 *   containers: [{name: vllm-gpu, ..., resources: {claims: [{name: gpu}]}}]
 *   volumes: [{name: dshm, emptyDir: {medium: Memory}}]
 * </pre>
 */
final class PodTemplates {
  private PodTemplates() {}

  static PodTemplateSpec template(VllmWorkloadSpec spec) {
    PodOptions options = spec.pod();
    Container container = container(spec, options);
    PodSpec pod = new PodSpec();
    options.serviceAccountName().ifPresent(pod::setServiceAccountName);
    options.priorityClassName().ifPresent(pod::setPriorityClassName);
    options.terminationGracePeriodSeconds().ifPresent(pod::setTerminationGracePeriodSeconds);
    options.podSecurityContext().ifPresent(pod::setSecurityContext);
    for (String secret : options.imagePullSecrets()) {
      pod.getImagePullSecrets().add(new LocalObjectReference(secret));
    }
    if (!options.nodeSelector().isEmpty()) {
      pod.setNodeSelector(new LinkedHashMap<>(options.nodeSelector()));
    }
    options.affinity().ifPresent(pod::setAffinity);
    for (TolerationSpec toleration : spec.tolerations()) {
      io.fabric8.kubernetes.api.model.Toleration result = new io.fabric8.kubernetes.api.model.Toleration();
      result.setKey(toleration.key());
      result.setOperator(toleration.operator().wireName());
      result.setValue(toleration.value().orElse(null));
      result.setEffect(toleration.effect().map(TolerationSpec.Effect::wireName).orElse(null));
      pod.getTolerations().add(result);
    }
    pod.getTopologySpreadConstraints().addAll(options.topologySpreadConstraints());
    ClaimReference claim = spec.claim();
    PodResourceClaim podClaim = new PodResourceClaim();
    podClaim.setName(claim.podClaimName());
    if (claim.scope() == ClaimScope.PER_POD) {
      podClaim.setResourceClaimTemplateName(claim.name());
    } else {
      podClaim.setResourceClaimName(claim.name());
    }
    pod.getResourceClaims().add(podClaim);
    if (spec.sharedMemoryVolume()) {
      EmptyDirVolumeSource emptyDir = new EmptyDirVolumeSource();
      emptyDir.setMedium("Memory");
      mount(container, pod, PodOptions.SHARED_MEMORY_VOLUME, "/dev/shm", false).setEmptyDir(emptyDir);
    }
    for (VolumeSpec volume : options.volumes()) {
      Volume result = mount(container, pod, volume.name(), volume.mountPath(), volume.readOnly());
      switch (volume.source()) {
        case PERSISTENT_VOLUME_CLAIM -> {
          PersistentVolumeClaimVolumeSource source = new PersistentVolumeClaimVolumeSource();
          source.setClaimName(volume.sourceName().orElseThrow());
          result.setPersistentVolumeClaim(source);
        }
        case CONFIG_MAP -> {
          ConfigMapVolumeSource source = new ConfigMapVolumeSource();
          source.setName(volume.sourceName().orElseThrow());
          result.setConfigMap(source);
        }
        case EMPTY_DIR -> {
          EmptyDirVolumeSource source = new EmptyDirVolumeSource();
          source.setMedium(volume.medium().orElse(null));
          source.setSizeLimit(volume.sizeLimit().map(Quantity::new).orElse(null));
          result.setEmptyDir(source);
        }
      }
    }
    pod.getContainers().add(container);

    ObjectMeta metadata = new ObjectMeta();
    metadata.setLabels(new LinkedHashMap<>(spec.labels()));
    if (!options.annotations().isEmpty()) {
      metadata.setAnnotations(new LinkedHashMap<>(options.annotations()));
    }
    PodTemplateSpec template = new PodTemplateSpec();
    template.setMetadata(metadata);
    template.setSpec(pod);
    return template;
  }

  private static Container container(VllmWorkloadSpec spec, PodOptions options) {
    Container container = new Container();
    container.setName(spec.containerName());
    container.setImage(spec.image());
    container.setCommand(new ArrayList<>(spec.command()));
    container.setArgs(VllmArgs.write(spec));
    spec.huggingFaceToken().ifPresent(secret -> container.getEnv().add(fromSecret(VllmWorkloadSpec.HF_TOKEN_ENV, secret)));
    spec.apiKey().ifPresent(secret -> container.getEnv().add(fromSecret(VllmWorkloadSpec.API_KEY_ENV, secret)));
    for (EnvVarSpec env : options.env()) {
      container.getEnv().add(env(env));
    }
    for (String configMap : options.envFromConfigMaps()) {
      EnvFromSource source = new EnvFromSource();
      source.setConfigMapRef(new ConfigMapEnvSource(configMap, null));
      container.getEnvFrom().add(source);
    }
    for (String secret : options.envFromSecrets()) {
      EnvFromSource source = new EnvFromSource();
      source.setSecretRef(new SecretEnvSource(secret, null));
      container.getEnvFrom().add(source);
    }
    ContainerPort port = new ContainerPort();
    port.setContainerPort(spec.port());
    container.getPorts().add(port);
    io.fabric8.kubernetes.api.model.ResourceClaim containerClaim = new io.fabric8.kubernetes.api.model.ResourceClaim();
    containerClaim.setName(spec.claim().podClaimName());
    containerClaim.setRequest(spec.claim().request().orElse(null));
    ResourceRequirements resources = new ResourceRequirements();
    resources.getClaims().add(containerClaim);
    if (!options.limits().isEmpty()) {
      resources.setLimits(quantities(options.limits()));
    }
    if (!options.requests().isEmpty()) {
      resources.setRequests(quantities(options.requests()));
    }
    container.setResources(resources);
    spec.readinessProbe().ifPresent(readiness -> {
      TCPSocketAction tcp = new TCPSocketAction();
      tcp.setPort(new IntOrString(spec.port()));
      Probe probe = new Probe();
      probe.setTcpSocket(tcp);
      probe.setInitialDelaySeconds(readiness.initialDelaySeconds());
      probe.setPeriodSeconds(readiness.periodSeconds());
      container.setReadinessProbe(probe);
    });
    options.readinessProbe().ifPresent(probe -> container.setReadinessProbe(http(probe, spec.port())));
    options.livenessProbe().ifPresent(probe -> container.setLivenessProbe(http(probe, spec.port())));
    options.startupProbe().ifPresent(probe -> container.setStartupProbe(http(probe, spec.port())));
    options.securityContext().ifPresent(container::setSecurityContext);
    return container;
  }

  private static Volume mount(Container container, PodSpec pod, String name, String path, boolean readOnly) {
    VolumeMount mount = new VolumeMount();
    mount.setName(name);
    mount.setMountPath(path);
    if (readOnly) {
      mount.setReadOnly(true);
    }
    container.getVolumeMounts().add(mount);
    Volume volume = new Volume();
    volume.setName(name);
    pod.getVolumes().add(volume);
    return volume;
  }

  private static Map<String, Quantity> quantities(Map<String, String> values) {
    Map<String, Quantity> result = new LinkedHashMap<>();
    values.forEach((resource, quantity) -> result.put(resource, new Quantity(quantity)));
    return result;
  }

  private static Probe http(HttpProbe spec, int serverPort) {
    HTTPGetAction get = new HTTPGetAction();
    get.setPath(spec.path());
    get.setPort(new IntOrString(spec.port().orElse(serverPort)));
    Probe probe = new Probe();
    probe.setHttpGet(get);
    if (spec.initialDelaySeconds() != 0) {
      probe.setInitialDelaySeconds(spec.initialDelaySeconds());
    }
    probe.setPeriodSeconds(spec.periodSeconds());
    if (spec.timeoutSeconds() != 1) {
      probe.setTimeoutSeconds(spec.timeoutSeconds());
    }
    probe.setFailureThreshold(spec.failureThreshold());
    return probe;
  }

  private static EnvVar fromSecret(String name, SecretKeyRef secret) {
    SecretKeySelector key = new SecretKeySelector();
    key.setName(secret.name());
    key.setKey(secret.key());
    EnvVarSource source = new EnvVarSource();
    source.setSecretKeyRef(key);
    EnvVar env = new EnvVar();
    env.setName(name);
    env.setValueFrom(source);
    return env;
  }

  private static EnvVar env(EnvVarSpec spec) {
    if (spec.secretKeyRef().isPresent()) {
      return fromSecret(spec.name(), spec.secretKeyRef().get());
    }
    EnvVar env = new EnvVar();
    env.setName(spec.name());
    spec.value().ifPresent(env::setValue);
    spec.configMapKeyRef().ifPresent(ref -> {
      ConfigMapKeySelector key = new ConfigMapKeySelector();
      key.setName(ref.name());
      key.setKey(ref.key());
      EnvVarSource source = new EnvVarSource();
      source.setConfigMapKeyRef(key);
      env.setValueFrom(source);
    });
    return env;
  }
}
