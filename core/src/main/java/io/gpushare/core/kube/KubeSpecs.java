package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceConstraint;
import io.gpushare.core.model.DeviceRequest;
import io.gpushare.core.model.DeviceSubRequest;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.GpuSharing;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.ResourceClaimSpec;
import io.gpushare.core.model.ResourceClaimTemplateSpec;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.ServicePort;
import io.gpushare.core.model.ServiceSpec;
import io.gpushare.core.model.TcpProbe;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.Toleration;
import io.gpushare.core.model.VllmDeploymentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes gpushare's own specs in fabric8 objects read from files: the inverse of
 * {@link KubeObjects}. An object is recognized only when its spec says everything about it
 * (converting the spec back gives the same object); anything else (another sharing driver, a second
 * container, an extra annotation) stays a plain fabric8 object. Recognition never approximates.
 *
 * <pre>{@code
 * List<ManifestSpec> specs = KubeSpecs.recognize(ManifestReader.standard().read(path).set());
 * }</pre>
 *
 * recognizes, for example, this Service as a {@link ServiceSpec}:
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
 */
public final class KubeSpecs {
  private KubeSpecs() {}

  /** The specs among the set's objects, in order; objects that are not one are left out. */
  public static List<ManifestSpec> recognize(ManifestSet set) {
    List<ManifestSpec> specs = new ArrayList<>();
    for (Manifest manifest : set.manifests()) {
      spec(manifest.resource()).ifPresent(specs::add);
    }
    return specs;
  }

  /** The spec of one object, when it is exactly one. */
  public static Optional<ManifestSpec> spec(HasMetadata resource) {
    try {
      Optional<? extends ManifestSpec> spec = Optional.empty();
      if (resource instanceof ResourceClaim claim) {
        spec = claim(claim);
      } else if (resource instanceof ResourceClaimTemplate template) {
        spec = template(template);
      } else if (resource instanceof Deployment deployment) {
        spec = vllm(deployment);
      } else if (resource instanceof Service service) {
        spec = service(service);
      }
      // recognized only if converting back writes the same YAML: nothing the object says was left out
      // (compared as text, since parsed opaque parameters are a generic resource, generated ones a map)
      String original = io.gpushare.core.yaml.YamlRenderer.canonical().render(resource);
      return spec.filter(s -> io.gpushare.core.yaml.YamlRenderer.canonical().render(KubeObjects.toKubernetes(s))
          .equals(original)).map(s -> (ManifestSpec) s);
    } catch (RuntimeException e) {
      return Optional.empty(); // a value the spec types refuse: not one of ours
    }
  }

  private static Optional<ResourceClaimSpec> claim(ResourceClaim claim) {
    if (claim.getSpec() == null || claim.getSpec().getDevices() == null) {
      return Optional.empty();
    }
    ResourceClaimSpec.Builder spec = ResourceClaimSpec.builder().name(claim.getMetadata().getName());
    DeviceClaim devices = claim.getSpec().getDevices();
    return devices(devices, spec::addRequests, spec::addConfig, spec::addConstraints) ? Optional.of(spec.build())
        : Optional.empty();
  }

  private static Optional<ResourceClaimTemplateSpec> template(ResourceClaimTemplate template) {
    if (template.getSpec() == null || template.getSpec().getSpec() == null
        || template.getSpec().getSpec().getDevices() == null || template.getSpec().getMetadata() != null) {
      return Optional.empty();
    }
    ResourceClaimTemplateSpec.Builder spec = ResourceClaimTemplateSpec.builder().name(template.getMetadata().getName());
    DeviceClaim devices = template.getSpec().getSpec().getDevices();
    return devices(devices, spec::addRequests, spec::addConfig, spec::addConstraints) ? Optional.of(spec.build())
        : Optional.empty();
  }

  private static boolean devices(DeviceClaim devices, java.util.function.Consumer<DeviceRequest> requests,
      java.util.function.Consumer<DeviceConfig> configs, java.util.function.Consumer<DeviceConstraint> constraints) {
    for (var request : devices.getRequests()) {
      DeviceRequest.Builder result = DeviceRequest.builder().name(request.getName());
      ExactDeviceRequest exactly = request.getExactly();
      if (exactly != null) {
        result.deviceClassName(exactly.getDeviceClassName());
        if (exactly.getCount() != null) {
          result.count(exactly.getCount());
        }
        result.addAllSelectors(expressions(exactly.getSelectors()));
      }
      for (var sub : request.getFirstAvailable()) {
        DeviceSubRequest.Builder alternative = DeviceSubRequest.builder()
            .name(sub.getName()).deviceClassName(sub.getDeviceClassName()).addAllSelectors(expressions(sub.getSelectors()));
        if (sub.getCount() != null) {
          alternative.count(sub.getCount());
        }
        result.addFirstAvailable(alternative.build());
      }
      requests.accept(result.build());
    }
    for (var constraint : devices.getConstraints()) {
      constraints.accept(DeviceConstraint.builder().addAllRequests(constraint.getRequests())
          .matchAttribute(constraint.getMatchAttribute()).build());
    }
    for (DeviceClaimConfiguration config : devices.getConfig()) {
      if (config.getOpaque() == null) {
        return false;
      }
      Optional<NvidiaDeviceConfig> parameters = nvidia(config.getOpaque().getParameters());
      if (parameters.isEmpty()) {
        return false;
      }
      configs.accept(DeviceConfig.builder().addAllRequests(config.getRequests()).parameters(parameters.get())
          .driver(config.getOpaque().getDriver()).build());
    }
    return true;
  }

  private static List<String> expressions(List<DeviceSelector> selectors) {
    List<String> expressions = new ArrayList<>();
    for (DeviceSelector selector : selectors) {
      expressions.add(selector.getCel().getExpression());
    }
    return expressions;
  }

  @SuppressWarnings("unchecked")
  private static Optional<NvidiaDeviceConfig> nvidia(Object parameters) {
    Map<String, Object> map = OpaqueParameters.asMap(parameters).orElse(Map.of());
    if (!NvidiaDeviceConfig.API_VERSION.equals(map.get("apiVersion"))) {
      return Optional.empty();
    }
    Map<String, Object> sharing = (Map<String, Object>) map.get("sharing");
    if (GpuConfig.KIND.equals(map.get("kind"))) {
      if (sharing == null) {
        return Optional.of(GpuConfig.builder().build());
      }
      if ("TimeSlicing".equals(sharing.get("strategy"))) {
        Map<String, Object> timeSlicing = (Map<String, Object>) sharing.get("timeSlicingConfig");
        String interval = (String) timeSlicing.get("interval");
        for (TimeSliceInterval value : TimeSliceInterval.values()) {
          if (value.wireName().equals(interval)) {
            return Optional.of(GpuConfig.builder().sharing(GpuSharing.timeSlicing(value)).build());
          }
        }
        return Optional.empty();
      }
      if ("MPS".equals(sharing.get("strategy"))) {
        return Optional.of(GpuConfig.mps(mps((Map<String, Object>) sharing.get("mpsConfig"))));
      }
    } else if (MigDeviceConfig.KIND.equals(map.get("kind"))) {
      if (sharing == null) {
        return Optional.of(MigDeviceConfig.builder().build());
      }
      if ("MPS".equals(sharing.get("strategy"))) {
        return Optional.of(MigDeviceConfig.mps(mps((Map<String, Object>) sharing.get("mpsConfig"))));
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static MpsConfig mps(Map<String, Object> config) {
    MpsConfig.Builder mps = MpsConfig.builder();
    if (config.get("defaultActiveThreadPercentage") instanceof Number percentage) {
      mps.defaultActiveThreadPercentage(percentage.intValue());
    }
    if (config.get("defaultPinnedDeviceMemoryLimit") != null) {
      mps.defaultPinnedDeviceMemoryLimit(String.valueOf(config.get("defaultPinnedDeviceMemoryLimit")));
    }
    if (config.get("defaultPerDevicePinnedMemoryLimit") instanceof Map<?, ?> perDevice) {
      ((Map<Object, Object>) perDevice).forEach((k, v) -> mps.putDefaultPerDevicePinnedMemoryLimit(String.valueOf(k),
          String.valueOf(v)));
    }
    return mps.build();
  }

  private static Optional<VllmDeploymentSpec> vllm(Deployment deployment) {
    var template = deployment.getSpec().getTemplate();
    PodSpec pod = template.getSpec();
    if (pod.getContainers().size() != 1 || pod.getResourceClaims().size() != 1) {
      return Optional.empty();
    }
    Container container = pod.getContainers().get(0);
    var podClaim = pod.getResourceClaims().get(0);
    VllmDeploymentSpec.Builder spec = VllmDeploymentSpec.builder()
        .name(deployment.getMetadata().getName())
        .containerName(container.getName())
        .replicas(deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas())
        .image(container.getImage())
        .addAllCommand(container.getCommand())
        .labels(new LinkedHashMap<>(template.getMetadata().getLabels()));
    if (!VllmArgs.readInto(container.getArgs(), spec)) {
      return Optional.empty();
    }
    for (EnvVar env : container.getEnv()) {
      if (!VllmDeploymentSpec.HF_TOKEN_ENV.equals(env.getName()) || env.getValueFrom() == null
          || env.getValueFrom().getSecretKeyRef() == null) {
        return Optional.empty();
      }
      spec.huggingFaceToken(SecretKeyRef.of(env.getValueFrom().getSecretKeyRef().getName(),
          env.getValueFrom().getSecretKeyRef().getKey()));
    }
    var containerClaims = container.getResources() == null ? List.<io.fabric8.kubernetes.api.model.ResourceClaim>of()
        : container.getResources().getClaims();
    if (containerClaims.size() != 1) {
      return Optional.empty();
    }
    ClaimReference reference = podClaim.getResourceClaimTemplateName() != null
        ? ClaimReference.template(podClaim.getName(), podClaim.getResourceClaimTemplateName())
        : ClaimReference.of(podClaim.getName(), podClaim.getResourceClaimName());
    spec.claim(containerClaims.get(0).getRequest() == null ? reference
        : reference.withRequest(containerClaims.get(0).getRequest()));
    for (var toleration : pod.getTolerations()) {
      Toleration.Builder result = Toleration.builder()
          .key(toleration.getKey())
          .operator(Toleration.Operator.valueOf(toleration.getOperator().toUpperCase(java.util.Locale.ROOT)));
      if (toleration.getValue() != null) {
        result.value(toleration.getValue());
      }
      if (toleration.getEffect() != null) {
        for (Toleration.Effect effect : Toleration.Effect.values()) {
          if (effect.wireName().equals(toleration.getEffect())) {
            result.effect(effect);
          }
        }
      }
      spec.addTolerations(result.build());
    }
    Probe probe = container.getReadinessProbe();
    if (probe != null) {
      spec.readinessProbe(TcpProbe.of(probe.getInitialDelaySeconds(), probe.getPeriodSeconds()));
    }
    spec.sharedMemoryVolume(!pod.getVolumes().isEmpty());
    return Optional.of(spec.build());
  }

  private static Optional<ServiceSpec> service(Service service) {
    ServiceSpec.Builder spec = ServiceSpec.builder()
        .name(service.getMetadata().getName())
        .type(service.getSpec().getType())
        .putAllSelector(service.getSpec().getSelector());
    for (var port : service.getSpec().getPorts()) {
      spec.addPorts(ServicePort.builder().name(port.getName()).protocol(port.getProtocol()).port(port.getPort())
          .targetPort(port.getTargetPort().getIntVal()).build());
    }
    return Optional.of(spec.build());
  }
}
