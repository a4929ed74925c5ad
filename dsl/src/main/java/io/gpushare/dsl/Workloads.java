package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.gpushare.core.kube.KubernetesObjectSpec;
import io.gpushare.core.kube.ObjectHook;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** The workload steps every device choice ends in: vLLM Deployments and their Services, in call order. */
abstract class Workloads implements WorkloadStep {
  private final List<ManifestSpec> workloads = new ArrayList<>();
  private VllmWorkloadSpec lastDeployment;
  private String namespace;
  /** The escape-hatch hooks of the claim, of each workload and Service (by identity), and added objects. */
  private final List<ObjectHook> claimHooks = new ArrayList<>();
  private final Map<ManifestSpec, List<ObjectHook>> hooks = new IdentityHashMap<>();
  private final List<Added> added = new ArrayList<>();

  private record Added(String file, HasMetadata resource) {}

  /** The claim or template itself, built once the device and sharing choices are complete. */
  abstract DeviceClaimSpec claim();

  abstract String claimFile();

  abstract ClaimReference reference();

  /** How many devices each pod gets: tensor parallelism is set to it when greater than one. */
  abstract long devicesPerPod();

  /** The device choices, for a server that gives its needs instead of a fraction ({@link VllmOptions#needs}). */
  abstract Devices devices();

  @Override
  public WorkloadStep vllm(String name, Consumer<VllmOptions> options) {
    VllmSettings settings = new VllmSettings(name);
    if (devicesPerPod() > 1) {
      settings.tensorParallelSize(devicesPerPod());
    }
    options.accept(settings);
    settings.planMemory(devices());
    lastDeployment = settings.toSpec(reference());
    workloads.add(lastDeployment);
    lastDeployment.serviceName().ifPresent(headless -> workloads.add(VllmServiceSpec.builder()
        .name(headless)
        .type("ClusterIP")
        .headless(true)
        .putAllSelector(lastDeployment.labels())
        .addPorts(PortSpec.http(lastDeployment.port()))
        .build()));
    hooks.put(lastDeployment, new ArrayList<>(settings.hooks()));
    return this;
  }

  @Override
  public WorkloadStep loadBalancer(String name, int port) {
    return service("loadBalancer", name, "LoadBalancer", port);
  }

  @Override
  public WorkloadStep clusterIp(String name, int port) {
    return service("clusterIp", name, "ClusterIP", port);
  }

  private WorkloadStep service(String method, String name, String type, int port) {
    if (lastDeployment == null) {
      throw new IllegalStateException(
          method + "(\"" + name + "\", " + port + ") needs a vllm(...) Deployment before it to select");
    }
    workloads.add(VllmServiceSpec.builder()
        .name(name)
        .type(type)
        .putAllSelector(lastDeployment.labels())
        .addPorts(PortSpec.builder().name("http").port(port).targetPort(lastDeployment.port()).build())
        .build());
    return this;
  }

  @Override
  public WorkloadStep inNamespace(String namespace) {
    this.namespace = java.util.Objects.requireNonNull(namespace, "namespace");
    return this;
  }

  @Override
  public WorkloadStep customizeService(Consumer<? super ServiceBuilder> hook) {
    Objects.requireNonNull(hook, "hook");
    ManifestSpec service = null;
    for (ManifestSpec workload : workloads) {
      if (workload instanceof VllmServiceSpec) {
        service = workload;
      }
    }
    if (service == null) {
      throw new IllegalStateException("customizeService(...) needs a Service before it to edit, such as loadBalancer(...)");
    }
    hooks.computeIfAbsent(service, s -> new ArrayList<>()).add(ObjectHook.service(hook));
    return this;
  }

  @Override
  public WorkloadStep add(String file, HasMetadata resource) {
    added.add(new Added(Objects.requireNonNull(file, "file"), Objects.requireNonNull(resource, "resource")));
    return this;
  }

  /** Adds a hook on the claim or template's fabric8 object. */
  final void customizeClaimObject(ObjectHook hook) {
    claimHooks.add(hook);
  }

  @Override
  public ManifestBundle build() {
    ManifestBundle.Builder bundle = ManifestBundle.builder()
        .add(claimFile(), namespaced(claim()), claimHooks.toArray(ObjectHook[]::new));
    for (ManifestSpec workload : workloads) {
      bundle.add(GpuShare.WORKLOAD_FILE, namespaced(workload),
          hooks.getOrDefault(workload, List.of()).toArray(ObjectHook[]::new));
    }
    for (Added object : added) {
      // an added object without a namespace of its own goes to the bundle's
      bundle.add(object.file(), namespace == null || object.resource().getMetadata() != null
          && object.resource().getMetadata().getNamespace() != null ? object.resource()
          : KubernetesObjectSpec.of(object.resource()).withNamespace(namespace).resource());
    }
    return bundle.build();
  }

  private ManifestSpec namespaced(ManifestSpec spec) {
    return namespace == null ? spec : spec.withNamespace(namespace);
  }
}
