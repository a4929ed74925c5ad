package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.resource.v1.CELDeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSubRequestSpec;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Converts gpushare's value types into fabric8 kubernetes-model objects, so that users can keep
 * working in fabric8 (add an annotation, a node selector, a sidecar) and still render through
 * gpushare. The objects are new on every call and belong to the caller.
 *
 * <pre>{@code
 * ResourceClaim claim = KubeObjects.toResourceClaim(spec);        // resource.k8s.io/v1, a SHARED claim
 * Deployment deployment = KubeObjects.toDeployment(vllm);         // apps/v1
 * Service service = KubeObjects.toService(serviceSpec);           // v1
 * }</pre>
 *
 * <p>The NVIDIA opaque parameters become an ordered map ({@code apiVersion}, {@code kind},
 * {@code sharing}) in {@code OpaqueDeviceConfiguration.parameters}, written by the same codec that
 * {@link NvidiaConfigs} reads with; selectors become CEL through {@link DeviceSelectors}. apiVersion
 * and kind are the fabric8 classes' own. Objects are made with the model's
 * constructors and setters rather than its builders, which cost several times more (see
 * docs/performance.md).
 */
public final class KubeObjects {
  private static final String SHM_VOLUME = "dshm";

  private KubeObjects() {}

  /** The fabric8 object of any spec: a claim or template, a Deployment, a Service, or a copy of an added object. */
  public static HasMetadata toKubernetes(ManifestSpec spec) {
    if (spec instanceof DeviceClaimSpec claim) {
      return claim.scope() == ClaimScope.SHARED ? toResourceClaim(claim) : toResourceClaimTemplate(claim);
    }
    if (spec instanceof VllmWorkloadSpec deployment) {
      return toDeployment(deployment);
    }
    if (spec instanceof VllmServiceSpec service) {
      return toService(service);
    }
    if (spec instanceof KubernetesObjectSpec object) {
      return object.resource();
    }
    throw new IllegalArgumentException(
        "no conversion for " + spec.getClass().getName() + " (kind " + spec.kind()
            + "); expected a DeviceClaimSpec, VllmWorkloadSpec, VllmServiceSpec or KubernetesObjectSpec");
  }

  /** A {@code resource.k8s.io/v1} {@code ResourceClaim}, of a {@link ClaimScope#SHARED} claim. */
  public static ResourceClaim toResourceClaim(DeviceClaimSpec spec) {
    requireScope(spec, ClaimScope.SHARED);
    io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec claimSpec =
        new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec();
    claimSpec.setDevices(deviceClaim(spec));
    ResourceClaim claim = new ResourceClaim();
    claim.setApiVersion(HasMetadata.getApiVersion(ResourceClaim.class));
    claim.setKind(HasMetadata.getKind(ResourceClaim.class));
    claim.setMetadata(metadata(spec.name()));
    claim.setSpec(claimSpec);
    return claim;
  }

  /** A {@code resource.k8s.io/v1} {@code ResourceClaimTemplate}, of a {@link ClaimScope#PER_POD} claim. */
  public static ResourceClaimTemplate toResourceClaimTemplate(DeviceClaimSpec spec) {
    requireScope(spec, ClaimScope.PER_POD);
    io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec claimSpec =
        new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec();
    claimSpec.setDevices(deviceClaim(spec));
    io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateSpec templateSpec =
        new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateSpec();
    templateSpec.setSpec(claimSpec);
    ResourceClaimTemplate template = new ResourceClaimTemplate();
    template.setApiVersion(HasMetadata.getApiVersion(ResourceClaimTemplate.class));
    template.setKind(HasMetadata.getKind(ResourceClaimTemplate.class));
    template.setMetadata(metadata(spec.name()));
    template.setSpec(templateSpec);
    return template;
  }

  private static void requireScope(DeviceClaimSpec spec, ClaimScope scope) {
    if (spec.scope() != scope) {
      throw new IllegalArgumentException(spec.kind() + "[" + spec.name() + "] has scope " + spec.scope()
          + ", so it is written as a " + spec.kind() + "; convert it with toKubernetes");
    }
  }

  private static DeviceClaim deviceClaim(DeviceClaimSpec spec) {
    DeviceClaim devices = new DeviceClaim();
    for (DeviceRequestSpec request : spec.requests()) {
      devices.getRequests().add(deviceRequest(request));
    }
    for (io.gpushare.core.model.DeviceConstraintSpec constraint : spec.constraints()) {
      io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint result =
          new io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint();
      result.setRequests(new ArrayList<>(constraint.requests()));
      result.setMatchAttribute(constraint.matchAttribute());
      devices.getConstraints().add(result);
    }
    for (DeviceConfig config : spec.config()) {
      OpaqueDeviceConfiguration opaque = new OpaqueDeviceConfiguration();
      opaque.setDriver(config.driver());
      opaque.setParameters(NvidiaConfigCodec.write(config.parameters()));
      DeviceClaimConfiguration entry = new DeviceClaimConfiguration();
      entry.setRequests(new ArrayList<>(config.requests()));
      entry.setOpaque(opaque);
      devices.getConfig().add(entry);
    }
    return devices;
  }

  private static io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest deviceRequest(DeviceRequestSpec request) {
    io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest result =
        new io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest();
    result.setName(request.name());
    if (request.deviceClassName().isPresent()) {
      ExactDeviceRequest exactly = new ExactDeviceRequest();
      exactly.setDeviceClassName(request.deviceClassName().get());
      request.count().ifPresent(count -> {
        exactly.setAllocationMode("ExactCount");
        exactly.setCount(count);
      });
      exactly.setSelectors(selectors(request.selectors()));
      result.setExactly(exactly);
    }
    for (DeviceSubRequestSpec alternative : request.firstAvailable()) {
      io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest sub =
          new io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest();
      sub.setName(alternative.name());
      sub.setDeviceClassName(alternative.deviceClassName());
      alternative.count().ifPresent(count -> {
        sub.setAllocationMode("ExactCount");
        sub.setCount(count);
      });
      sub.setSelectors(selectors(alternative.selectors()));
      result.getFirstAvailable().add(sub);
    }
    return result;
  }

  private static List<DeviceSelector> selectors(List<io.gpushare.core.model.DeviceSelectorSpec> values) {
    List<DeviceSelector> selectors = new ArrayList<>(values.size());
    for (io.gpushare.core.model.DeviceSelectorSpec value : values) {
      CELDeviceSelector cel = new CELDeviceSelector();
      cel.setExpression(DeviceSelectors.toCel(value));
      DeviceSelector selector = new DeviceSelector();
      selector.setCel(cel);
      selectors.add(selector);
    }
    return selectors;
  }

  /** An {@code apps/v1} {@code Deployment} running vLLM's OpenAI-compatible server. */
  public static Deployment toDeployment(VllmWorkloadSpec spec) {
    ClaimReference claim = spec.claim();
    Container container = new Container();
    container.setName(spec.containerName());
    container.setImage(spec.image());
    container.setCommand(new ArrayList<>(spec.command()));
    container.setArgs(VllmArgs.write(spec));
    spec.huggingFaceToken().ifPresent(secret -> {
      SecretKeySelector key = new SecretKeySelector();
      key.setName(secret.name());
      key.setKey(secret.key());
      EnvVarSource source = new EnvVarSource();
      source.setSecretKeyRef(key);
      EnvVar env = new EnvVar();
      env.setName(VllmWorkloadSpec.HF_TOKEN_ENV);
      env.setValueFrom(source);
      container.getEnv().add(env);
    });
    ContainerPort port = new ContainerPort();
    port.setContainerPort(spec.port());
    container.getPorts().add(port);
    io.fabric8.kubernetes.api.model.ResourceClaim containerClaim = new io.fabric8.kubernetes.api.model.ResourceClaim();
    containerClaim.setName(claim.podClaimName());
    containerClaim.setRequest(claim.request().orElse(null));
    ResourceRequirements resources = new ResourceRequirements();
    resources.getClaims().add(containerClaim);
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

    PodSpec pod = new PodSpec();
    for (TolerationSpec toleration : spec.tolerations()) {
      io.fabric8.kubernetes.api.model.Toleration result = new io.fabric8.kubernetes.api.model.Toleration();
      result.setKey(toleration.key());
      result.setOperator(toleration.operator().wireName());
      result.setValue(toleration.value().orElse(null));
      result.setEffect(toleration.effect().map(TolerationSpec.Effect::wireName).orElse(null));
      pod.getTolerations().add(result);
    }
    PodResourceClaim podClaim = new PodResourceClaim();
    podClaim.setName(claim.podClaimName());
    if (claim.scope() == ClaimScope.PER_POD) {
      podClaim.setResourceClaimTemplateName(claim.name());
    } else {
      podClaim.setResourceClaimName(claim.name());
    }
    pod.getResourceClaims().add(podClaim);
    if (spec.sharedMemoryVolume()) {
      VolumeMount mount = new VolumeMount();
      mount.setName(SHM_VOLUME);
      mount.setMountPath("/dev/shm");
      container.getVolumeMounts().add(mount);
      EmptyDirVolumeSource emptyDir = new EmptyDirVolumeSource();
      emptyDir.setMedium("Memory");
      Volume volume = new Volume();
      volume.setName(SHM_VOLUME);
      volume.setEmptyDir(emptyDir);
      pod.getVolumes().add(volume);
    }
    pod.getContainers().add(container);

    ObjectMeta podMetadata = new ObjectMeta();
    podMetadata.setLabels(new LinkedHashMap<>(spec.labels()));
    PodTemplateSpec template = new PodTemplateSpec();
    template.setMetadata(podMetadata);
    template.setSpec(pod);
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(new LinkedHashMap<>(spec.labels()));
    DeploymentSpec deploymentSpec = new DeploymentSpec();
    deploymentSpec.setReplicas(spec.replicas());
    deploymentSpec.setSelector(selector);
    deploymentSpec.setTemplate(template);
    Deployment deployment = new Deployment();
    deployment.setApiVersion(HasMetadata.getApiVersion(Deployment.class));
    deployment.setKind(HasMetadata.getKind(Deployment.class));
    deployment.setMetadata(metadata(spec.name()));
    deployment.setSpec(deploymentSpec);
    return deployment;
  }

  /**
   * A claim's opaque {@code parameters}, however fabric8 holds them (the map this class writes, a
   * {@code GenericKubernetesResource} when read from YAML, a {@code RawExtension}), as one ordered map;
   * empty when they are not a JSON object.
   *
   * <pre>
   * parameters:            // {apiVersion=resource.nvidia.com/v1beta1, kind=GpuConfig, sharing={...}}
   *   apiVersion: resource.nvidia.com/v1beta1
   *   kind: GpuConfig
   * </pre>
   */
  public static java.util.Optional<java.util.Map<String, Object>> parametersAsMap(Object parameters) {
    return OpaqueParameters.asMap(parameters);
  }

  /** A {@code v1} {@code Service}. */
  public static Service toService(VllmServiceSpec spec) {
    io.fabric8.kubernetes.api.model.ServiceSpec serviceSpec = new io.fabric8.kubernetes.api.model.ServiceSpec();
    serviceSpec.setSelector(new LinkedHashMap<>(spec.selector()));
    serviceSpec.setType(spec.type());
    for (PortSpec port : spec.ports()) {
      io.fabric8.kubernetes.api.model.ServicePort result = new io.fabric8.kubernetes.api.model.ServicePort();
      result.setName(port.name());
      result.setProtocol(port.protocol());
      result.setPort(port.port());
      result.setTargetPort(new IntOrString(port.targetPort()));
      serviceSpec.getPorts().add(result);
    }
    Service service = new Service();
    service.setApiVersion(HasMetadata.getApiVersion(Service.class));
    service.setKind(HasMetadata.getKind(Service.class));
    service.setMetadata(metadata(spec.name()));
    service.setSpec(serviceSpec);
    return service;
  }

  private static ObjectMeta metadata(String name) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    return metadata;
  }
}
