package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceConstraintSpec;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSubRequestSpec;
import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.RolloutStrategy;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.WorkloadKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognizes gpushare's own specs in fabric8 objects read from files: the inverse of
 * {@link KubeObjects}. An object is recognized only when its spec says everything about it: the
 * object converted back from the spec equals the original, compared as structures (the opaque
 * parameters as the map the {@link NvidiaConfigs} codec reads, however fabric8 holds them). Anything
 * else (another sharing driver, a second container, an extra annotation) stays a plain fabric8
 * object. Recognition never approximates. Workloads are recognized in every kind gpushare writes
 * (Deployment, StatefulSet, Job, LeaderWorkerSet), with their namespace, object labels and the
 * production pod ({@link io.gpushare.core.model.PodOptions}).
 *
 * <pre>{@code
 * List<ManifestSpec> specs = KubeSpecs.recognize(ManifestReader.standard().read(path).set());
 * }</pre>
 *
 * recognizes, for example, this Service as a {@link VllmServiceSpec}:
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
    return candidate(resource).filter(spec -> KubeObjects.toKubernetes(spec).equals(normalized(resource)));
  }

  /** A spec that may say everything about the object; {@link #spec} checks that it does. */
  private static Optional<ManifestSpec> candidate(HasMetadata resource) {
    if (resource.getMetadata() == null || resource.getMetadata().getName() == null) {
      return Optional.empty();
    }
    try {
      if (resource instanceof ResourceClaim claim) {
        return claim(claim);
      }
      if (resource instanceof ResourceClaimTemplate template) {
        return template(template);
      }
      if (resource instanceof Deployment deployment) {
        return deployment(deployment);
      }
      if (resource instanceof StatefulSet statefulSet) {
        return statefulSet(statefulSet);
      }
      if (resource instanceof Job job) {
        return job(job);
      }
      if (resource instanceof GenericKubernetesResource generic
          && WorkloadKind.LEADER_WORKER_SET.is(generic.getApiVersion(), generic.getKind())) {
        return leaderWorkerSet(generic);
      }
      if (resource instanceof Service service) {
        return service(service);
      }
      return Optional.empty();
    } catch (IllegalArgumentException refused) {
      // the one way value types refuse a value (their intrinsic checks): then it is not one of ours
      return Optional.empty();
    }
  }

  /** The object with its opaque parameters as plain ordered maps, as {@link KubeObjects} writes them. */
  private static HasMetadata normalized(HasMetadata resource) {
    if (resource instanceof ResourceClaim claim && claim.getSpec() != null) {
      ResourceClaim copy = new ResourceClaimBuilder(claim).build();
      normalize(copy.getSpec().getDevices());
      return copy;
    }
    if (resource instanceof ResourceClaimTemplate template && template.getSpec() != null
        && template.getSpec().getSpec() != null) {
      ResourceClaimTemplate copy = new ResourceClaimTemplateBuilder(template).build();
      normalize(copy.getSpec().getSpec().getDevices());
      return copy;
    }
    return resource;
  }

  private static void normalize(DeviceClaim devices) {
    if (devices == null) {
      return;
    }
    for (DeviceClaimConfiguration config : nullSafe(devices.getConfig())) {
      OpaqueDeviceConfiguration opaque = config == null ? null : config.getOpaque();
      if (opaque != null && opaque.getParameters() != null) {
        OpaqueParameters.asMap(opaque.getParameters()).ifPresent(opaque::setParameters);
      }
    }
  }

  private static Optional<ManifestSpec> claim(ResourceClaim claim) {
    if (claim.getSpec() == null) {
      return Optional.empty();
    }
    DeviceClaimSpec.Builder spec = DeviceClaimSpec.shared(claim.getMetadata().getName());
    Optional.ofNullable(claim.getMetadata().getNamespace()).ifPresent(spec::namespace);
    return devices(spec, claim.getSpec().getDevices());
  }

  private static Optional<ManifestSpec> template(ResourceClaimTemplate template) {
    if (template.getSpec() == null || template.getSpec().getSpec() == null || template.getSpec().getMetadata() != null) {
      return Optional.empty();
    }
    DeviceClaimSpec.Builder spec = DeviceClaimSpec.perPod(template.getMetadata().getName());
    Optional.ofNullable(template.getMetadata().getNamespace()).ifPresent(spec::namespace);
    return devices(spec, template.getSpec().getSpec().getDevices());
  }

  private static Optional<ManifestSpec> devices(DeviceClaimSpec.Builder spec, DeviceClaim devices) {
    if (devices == null || !noNulls(devices.getRequests()) || !noNulls(devices.getConstraints())
        || !noNulls(devices.getConfig())) {
      return Optional.empty();
    }
    for (var request : devices.getRequests()) {
      Optional<DeviceRequestSpec> read = request(request);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      spec.addRequests(read.get());
    }
    for (var constraint : devices.getConstraints()) {
      if (!noNulls(constraint.getRequests()) || constraint.getMatchAttribute() == null) {
        return Optional.empty();
      }
      spec.addConstraints(DeviceConstraintSpec.builder().addAllRequests(constraint.getRequests())
          .matchAttribute(constraint.getMatchAttribute()).build());
    }
    for (DeviceClaimConfiguration config : devices.getConfig()) {
      OpaqueDeviceConfiguration opaque = config.getOpaque();
      if (opaque == null || opaque.getDriver() == null || !noNulls(config.getRequests())) {
        return Optional.empty();
      }
      Optional<NvidiaDeviceConfig> parameters = NvidiaConfigs.read(opaque.getParameters()).value();
      if (parameters.isEmpty()) {
        return Optional.empty();
      }
      spec.addConfig(DeviceConfig.builder().addAllRequests(config.getRequests()).parameters(parameters.get())
          .driver(opaque.getDriver()).build());
    }
    return Optional.of(spec.build());
  }

  private static Optional<DeviceRequestSpec> request(io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest request) {
    if (request.getName() == null || !noNulls(request.getFirstAvailable())) {
      return Optional.empty();
    }
    DeviceRequestSpec.Builder result = DeviceRequestSpec.builder().name(request.getName());
    ExactDeviceRequest exactly = request.getExactly();
    if (exactly != null) {
      if (exactly.getDeviceClassName() == null || !expressions(exactly.getSelectors())) {
        return Optional.empty();
      }
      result.deviceClassName(exactly.getDeviceClassName());
      if (exactly.getCount() != null) {
        result.count(exactly.getCount());
      }
      exactly.getSelectors().forEach(selector -> result.addSelectors(DeviceSelectors.fromCel(selector.getCel().getExpression())));
    }
    for (var sub : request.getFirstAvailable()) {
      if (sub.getName() == null || sub.getDeviceClassName() == null || !expressions(sub.getSelectors())) {
        return Optional.empty();
      }
      DeviceSubRequestSpec.Builder alternative = DeviceSubRequestSpec.builder()
          .name(sub.getName()).deviceClassName(sub.getDeviceClassName());
      sub.getSelectors().forEach(selector -> alternative.addSelectors(DeviceSelectors.fromCel(selector.getCel().getExpression())));
      if (sub.getCount() != null) {
        alternative.count(sub.getCount());
      }
      result.addFirstAvailable(alternative.build());
    }
    return Optional.of(result.build());
  }

  /** Whether every selector is a CEL expression, the only kind gpushare writes. */
  private static boolean expressions(List<DeviceSelector> selectors) {
    return noNulls(selectors) && selectors.stream().allMatch(s -> s.getCel() != null && s.getCel().getExpression() != null);
  }

  private static Optional<ManifestSpec> deployment(Deployment deployment) {
    var deploymentSpec = deployment.getSpec();
    if (deploymentSpec == null) {
      return Optional.empty();
    }
    VllmWorkloadSpec.Builder spec = VllmWorkloadSpec.builder().workloadKind(WorkloadKind.DEPLOYMENT)
        .replicas(deploymentSpec.getReplicas() == null ? 1 : deploymentSpec.getReplicas());
    var strategy = deploymentSpec.getStrategy();
    if (strategy != null) {
      Optional<RolloutStrategy.Type> type = java.util.Arrays.stream(RolloutStrategy.Type.values())
          .filter(t -> t.wireName().equals(strategy.getType())).findFirst();
      if (type.isEmpty()) {
        return Optional.empty();
      }
      RolloutStrategy.Builder rollout = RolloutStrategy.builder().type(type.get());
      var rolling = strategy.getRollingUpdate();
      if (rolling != null) {
        intOrPercent(rolling.getMaxSurge()).ifPresent(rollout::maxSurge);
        intOrPercent(rolling.getMaxUnavailable()).ifPresent(rollout::maxUnavailable);
      }
      spec.strategy(rollout.build());
    }
    return vllm(deployment, deploymentSpec.getTemplate(), spec);
  }

  private static Optional<ManifestSpec> statefulSet(StatefulSet statefulSet) {
    var statefulSetSpec = statefulSet.getSpec();
    if (statefulSetSpec == null || statefulSetSpec.getServiceName() == null) {
      return Optional.empty();
    }
    return vllm(statefulSet, statefulSetSpec.getTemplate(), VllmWorkloadSpec.builder()
        .workloadKind(WorkloadKind.STATEFUL_SET).serviceName(statefulSetSpec.getServiceName())
        .replicas(statefulSetSpec.getReplicas() == null ? 1 : statefulSetSpec.getReplicas()));
  }

  private static Optional<ManifestSpec> job(Job job) {
    var jobSpec = job.getSpec();
    var template = jobSpec == null ? null : jobSpec.getTemplate();
    if (template == null || template.getSpec() == null) {
      return Optional.empty();
    }
    Optional<JobOptions.RestartPolicy> restart = java.util.Arrays.stream(JobOptions.RestartPolicy.values())
        .filter(p -> p.wireName().equals(template.getSpec().getRestartPolicy())).findFirst();
    if (restart.isEmpty()) {
      return Optional.empty();
    }
    JobOptions.Builder options = JobOptions.builder().restartPolicy(restart.get());
    Optional.ofNullable(jobSpec.getCompletions()).ifPresent(options::completions);
    Optional.ofNullable(jobSpec.getBackoffLimit()).ifPresent(options::backoffLimit);
    return vllm(job, template, VllmWorkloadSpec.builder().workloadKind(WorkloadKind.JOB).job(options.build())
        .replicas(jobSpec.getParallelism() == null ? 1 : jobSpec.getParallelism()));
  }

  private static Optional<ManifestSpec> leaderWorkerSet(GenericKubernetesResource lws) {
    if (!(lws.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
        || !(spec.get("leaderWorkerTemplate") instanceof Map<?, ?> templates)
        || !(spec.get("replicas") instanceof Integer replicas) || !(templates.get("size") instanceof Integer size)
        || templates.get("workerTemplate") == null || templates.size() != 2 || spec.size() != 2) {
      return Optional.empty();
    }
    PodTemplateSpec template = KubeJson.convert(templates.get("workerTemplate"), PodTemplateSpec.class);
    return vllm(lws, template, VllmWorkloadSpec.builder().workloadKind(WorkloadKind.LEADER_WORKER_SET)
        .replicas(replicas).groupSize(size));
  }

  private static Optional<String> intOrPercent(IntOrString value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(value.getIntVal() != null ? String.valueOf(value.getIntVal()) : value.getStrVal());
  }

  /** The pod template and the workload's metadata, common to every kind. */
  private static Optional<ManifestSpec> vllm(HasMetadata workload, PodTemplateSpec template,
      VllmWorkloadSpec.Builder spec) {
    PodSpec pod = template == null ? null : template.getSpec();
    if (pod == null || template.getMetadata() == null || template.getMetadata().getLabels() == null
        || nullSafe(pod.getContainers()).size() != 1 || nullSafe(pod.getResourceClaims()).size() != 1) {
      return Optional.empty();
    }
    Container container = pod.getContainers().get(0);
    PodResourceClaim podClaim = pod.getResourceClaims().get(0);
    if (container == null || podClaim == null || container.getName() == null || container.getImage() == null
        || !noNulls(container.getCommand()) || !noNulls(container.getArgs()) || !noNulls(container.getEnv())
        || !noNulls(pod.getTolerations()) || !noNulls(template.getMetadata().getLabels().values())) {
      return Optional.empty();
    }
    objectMetadata(workload, spec::namespace, spec::putAllObjectLabels, spec::putAllAnnotations);
    spec.name(workload.getMetadata().getName())
        .containerName(container.getName())
        .image(container.getImage())
        .addAllCommand(container.getCommand())
        .labels(new LinkedHashMap<>(template.getMetadata().getLabels()));
    if (!VllmArgs.readInto(container.getArgs(), spec)) {
      return Optional.empty();
    }
    Optional<ClaimReference> reference = reference(podClaim, container);
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    spec.claim(reference.get());
    for (var toleration : pod.getTolerations()) {
      Optional<TolerationSpec> read = toleration(toleration);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      spec.addTolerations(read.get());
    }
    if (!PodTemplateReads.readInto(template, container, spec)) {
      return Optional.empty();
    }
    return Optional.of(spec.build());
  }

  /** {@code metadata.namespace}, {@code labels} and {@code annotations} of a spec's object. */
  private static void objectMetadata(HasMetadata resource, java.util.function.Consumer<String> namespace,
      java.util.function.Consumer<Map<String, String>> labels, java.util.function.Consumer<Map<String, String>> annotations) {
    var metadata = resource.getMetadata();
    Optional.ofNullable(metadata.getNamespace()).ifPresent(namespace);
    Optional.ofNullable(metadata.getLabels()).ifPresent(labels);
    Optional.ofNullable(metadata.getAnnotations()).ifPresent(annotations);
  }

  private static Optional<ClaimReference> reference(PodResourceClaim podClaim, Container container) {
    var containerClaims = container.getResources() == null ? null : container.getResources().getClaims();
    if (podClaim.getName() == null || nullSafe(containerClaims).size() != 1 || containerClaims.get(0) == null) {
      return Optional.empty();
    }
    ClaimReference reference;
    if (podClaim.getResourceClaimTemplateName() != null) {
      reference = ClaimReference.perPod(podClaim.getName(), podClaim.getResourceClaimTemplateName());
    } else if (podClaim.getResourceClaimName() != null) {
      reference = ClaimReference.of(podClaim.getName(), podClaim.getResourceClaimName());
    } else {
      return Optional.empty();
    }
    String request = containerClaims.get(0).getRequest();
    return Optional.of(request == null ? reference : reference.withRequest(request));
  }

  private static Optional<TolerationSpec> toleration(io.fabric8.kubernetes.api.model.Toleration toleration) {
    Optional<TolerationSpec.Operator> operator = java.util.Arrays.stream(TolerationSpec.Operator.values())
        .filter(o -> o.wireName().equals(toleration.getOperator())).findFirst();
    if (toleration.getKey() == null || operator.isEmpty()) {
      return Optional.empty();
    }
    TolerationSpec.Builder result = TolerationSpec.builder().key(toleration.getKey()).operator(operator.get());
    if (toleration.getValue() != null) {
      result.value(toleration.getValue());
    }
    for (TolerationSpec.Effect effect : TolerationSpec.Effect.values()) {
      if (effect.wireName().equals(toleration.getEffect())) {
        result.effect(effect);
      }
    }
    return Optional.of(result.build());
  }

  private static Optional<ManifestSpec> service(Service service) {
    var serviceSpec = service.getSpec();
    if (serviceSpec == null || serviceSpec.getType() == null || serviceSpec.getSelector() == null
        || !noNulls(serviceSpec.getSelector().values()) || !noNulls(serviceSpec.getPorts())) {
      return Optional.empty();
    }
    VllmServiceSpec.Builder spec = VllmServiceSpec.builder()
        .name(service.getMetadata().getName())
        .type(serviceSpec.getType())
        .headless("None".equals(serviceSpec.getClusterIP()))
        .putAllSelector(serviceSpec.getSelector());
    objectMetadata(service, spec::namespace, spec::putAllLabels, spec::putAllAnnotations);
    for (var port : serviceSpec.getPorts()) {
      IntOrString target = port.getTargetPort();
      if (port.getName() == null || port.getProtocol() == null || port.getPort() == null || target == null
          || target.getIntVal() == null) {
        return Optional.empty();
      }
      spec.addPorts(PortSpec.builder().name(port.getName()).protocol(port.getProtocol()).port(port.getPort())
          .targetPort(target.getIntVal()).build());
    }
    return Optional.of(spec.build());
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Whether a collection is there and holds no nulls, which the value types refuse. */
  private static boolean noNulls(Collection<?> values) {
    return values != null && values.stream().allMatch(Objects::nonNull);
  }
}
