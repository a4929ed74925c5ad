package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.resource.v1.CELDeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.model.ClaimScope;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSubRequestSpec;
import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.WorkloadKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts gpushare's value types into fabric8 kubernetes-model objects, so that users can keep
 * working in fabric8 (add an annotation, a node selector, a sidecar) and still render through
 * gpushare. The objects are new on every call and belong to the caller.
 *
 * <pre>{@code
 * ResourceClaim claim = KubeObjects.toResourceClaim(spec);        // resource.k8s.io/v1, a SHARED claim
 * HasMetadata workload = KubeObjects.toWorkload(vllm);            // Deployment, StatefulSet, Job or LeaderWorkerSet
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

  private KubeObjects() {}

  /**
   * The fabric8 object of any spec: a claim or template, a workload ({@link #toWorkload}), a Service, or a copy
   * of an added object.
   */
  public static HasMetadata toKubernetes(ManifestSpec spec) {
    if (spec instanceof DeviceClaimSpec claim) {
      return claim.scope() == ClaimScope.SHARED ? toResourceClaim(claim) : toResourceClaimTemplate(claim);
    }
    if (spec instanceof VllmWorkloadSpec workload) {
      return toWorkload(workload);
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
    claim.setMetadata(metadata(spec.name(), spec.namespace(), Map.of(), Map.of()));
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
    template.setMetadata(metadata(spec.name(), spec.namespace(), Map.of(), Map.of()));
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

  /**
   * The object that runs the spec's pods, after its {@link VllmWorkloadSpec#workloadKind()}: a
   * Deployment, StatefulSet, Job or LeaderWorkerSet (a {@code GenericKubernetesResource}, as fabric8
   * has no class for it).
   */
  public static HasMetadata toWorkload(VllmWorkloadSpec spec) {
    return switch (spec.workloadKind()) {
      case DEPLOYMENT -> toDeployment(spec);
      case STATEFUL_SET -> toStatefulSet(spec);
      case JOB -> toJob(spec);
      case LEADER_WORKER_SET -> toLeaderWorkerSet(spec);
    };
  }

  /** An {@code apps/v1} {@code Deployment} running vLLM's OpenAI-compatible server. */
  public static Deployment toDeployment(VllmWorkloadSpec spec) {
    requireKind(spec, WorkloadKind.DEPLOYMENT);
    DeploymentSpec deploymentSpec = new DeploymentSpec();
    deploymentSpec.setReplicas(spec.replicas());
    deploymentSpec.setSelector(selector(spec));
    spec.strategy().ifPresent(strategy -> {
      DeploymentStrategy result = new DeploymentStrategy();
      result.setType(strategy.type().wireName());
      if (strategy.maxSurge().isPresent() || strategy.maxUnavailable().isPresent()) {
        RollingUpdateDeployment rolling = new RollingUpdateDeployment();
        rolling.setMaxSurge(strategy.maxSurge().map(KubeObjects::intOrPercent).orElse(null));
        rolling.setMaxUnavailable(strategy.maxUnavailable().map(KubeObjects::intOrPercent).orElse(null));
        result.setRollingUpdate(rolling);
      }
      deploymentSpec.setStrategy(result);
    });
    deploymentSpec.setTemplate(PodTemplates.template(spec));
    Deployment deployment = new Deployment();
    deployment.setApiVersion(HasMetadata.getApiVersion(Deployment.class));
    deployment.setKind(HasMetadata.getKind(Deployment.class));
    deployment.setMetadata(metadata(spec));
    deployment.setSpec(deploymentSpec);
    return deployment;
  }

  /**
   * An {@code apps/v1} {@code StatefulSet} with {@code podManagementPolicy: OrderedReady}: each
   * server starts once the one before is ready, so co-located servers do not load their models (and
   * profile the GPU's free memory) at the same time.
   */
  public static StatefulSet toStatefulSet(VllmWorkloadSpec spec) {
    requireKind(spec, WorkloadKind.STATEFUL_SET);
    StatefulSetSpec statefulSetSpec = new StatefulSetSpec();
    statefulSetSpec.setReplicas(spec.replicas());
    statefulSetSpec.setServiceName(spec.serviceName().orElseThrow());
    statefulSetSpec.setPodManagementPolicy("OrderedReady");
    statefulSetSpec.setSelector(selector(spec));
    statefulSetSpec.setTemplate(PodTemplates.template(spec));
    StatefulSet statefulSet = new StatefulSet();
    statefulSet.setApiVersion(HasMetadata.getApiVersion(StatefulSet.class));
    statefulSet.setKind(HasMetadata.getKind(StatefulSet.class));
    statefulSet.setMetadata(metadata(spec));
    statefulSet.setSpec(statefulSetSpec);
    return statefulSet;
  }

  /** A {@code batch/v1} {@code Job} for batch inference: {@code parallelism} is the spec's replicas. */
  public static Job toJob(VllmWorkloadSpec spec) {
    requireKind(spec, WorkloadKind.JOB);
    JobOptions options = spec.job().orElse(JobOptions.defaults());
    PodTemplateSpec template = PodTemplates.template(spec);
    template.getSpec().setRestartPolicy(options.restartPolicy().wireName());
    JobSpec jobSpec = new JobSpec();
    options.completions().ifPresent(jobSpec::setCompletions);
    jobSpec.setParallelism(spec.replicas());
    options.backoffLimit().ifPresent(jobSpec::setBackoffLimit);
    jobSpec.setTemplate(template);
    Job job = new Job();
    job.setApiVersion(HasMetadata.getApiVersion(Job.class));
    job.setKind(HasMetadata.getKind(Job.class));
    job.setMetadata(metadata(spec));
    job.setSpec(jobSpec);
    return job;
  }

  /**
   * A {@code leaderworkerset.x-k8s.io/v1} {@code LeaderWorkerSet}: {@code replicas} groups of
   * {@code groupSize} pods, all from one worker template (the leader too).
   *
   * <pre>
   * spec:
   *   replicas: 1
   *   leaderWorkerTemplate:
   *     size: 2
   *     workerTemplate: {metadata: ..., spec: ...}
   * </pre>
   */
  public static GenericKubernetesResource toLeaderWorkerSet(VllmWorkloadSpec spec) {
    requireKind(spec, WorkloadKind.LEADER_WORKER_SET);
    Map<String, Object> templates = new LinkedHashMap<>();
    templates.put("size", spec.groupSize().orElse(1));
    templates.put("workerTemplate", KubeJson.toMap(PodTemplates.template(spec)));
    Map<String, Object> lwsSpec = new LinkedHashMap<>();
    lwsSpec.put("replicas", spec.replicas());
    lwsSpec.put("leaderWorkerTemplate", templates);
    GenericKubernetesResource lws = new GenericKubernetesResource();
    lws.setApiVersion(WorkloadKind.LEADER_WORKER_SET.apiVersion());
    lws.setKind(WorkloadKind.LEADER_WORKER_SET.kind());
    lws.setMetadata(metadata(spec));
    lws.setAdditionalProperty("spec", lwsSpec);
    return lws;
  }

  private static void requireKind(VllmWorkloadSpec spec, WorkloadKind kind) {
    if (spec.workloadKind() != kind) {
      throw new IllegalArgumentException(spec.kind() + "[" + spec.name() + "] is written as a " + spec.kind()
          + ", not a " + kind.kind() + "; convert it with toWorkload");
    }
  }

  private static LabelSelector selector(VllmWorkloadSpec spec) {
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(new LinkedHashMap<>(spec.labels()));
    return selector;
  }

  private static IntOrString intOrPercent(String value) {
    return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
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
    if (spec.headless()) {
      serviceSpec.setClusterIP("None");
    }
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
    service.setMetadata(metadata(spec.name(), spec.namespace(), spec.labels(), spec.annotations()));
    service.setSpec(serviceSpec);
    return service;
  }

  private static ObjectMeta metadata(VllmWorkloadSpec spec) {
    return metadata(spec.name(), spec.namespace(), spec.objectLabels(), spec.annotations());
  }

  private static ObjectMeta metadata(String name, Optional<String> namespace, Map<String, String> labels,
      Map<String, String> annotations) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace.orElse(null));
    if (!labels.isEmpty()) {
      metadata.setLabels(new LinkedHashMap<>(labels));
    }
    if (!annotations.isEmpty()) {
      metadata.setAnnotations(new LinkedHashMap<>(annotations));
    }
    return metadata;
  }
}
