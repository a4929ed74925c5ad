package io.gpushare.dsl;

import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.ManifestSpec;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The workload steps every device choice ends in: vLLM Deployments and their Services, in call order. */
abstract class Workloads implements WorkloadStep {
  private final List<ManifestSpec> workloads = new ArrayList<>();
  private VllmWorkloadSpec lastDeployment;
  private String namespace;

  /** The claim or template itself, built once the device and sharing choices are complete. */
  abstract DeviceClaimSpec claim();

  abstract String claimFile();

  abstract ClaimReference reference();

  /** How many devices each pod gets: tensor parallelism is set to it when greater than one. */
  abstract long devicesPerPod();

  @Override
  public WorkloadStep vllm(String name, Consumer<VllmOptions> options) {
    VllmSettings settings = new VllmSettings(name);
    if (devicesPerPod() > 1) {
      settings.tensorParallelSize(devicesPerPod());
    }
    options.accept(settings);
    lastDeployment = settings.toSpec(reference());
    workloads.add(lastDeployment);
    lastDeployment.serviceName().ifPresent(headless -> workloads.add(VllmServiceSpec.builder()
        .name(headless)
        .type("ClusterIP")
        .headless(true)
        .putAllSelector(lastDeployment.labels())
        .addPorts(PortSpec.http(lastDeployment.port()))
        .build()));
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
  public ManifestBundle build() {
    ManifestBundle.Builder bundle = ManifestBundle.builder().add(claimFile(), namespaced(claim()));
    for (ManifestSpec workload : workloads) {
      bundle.add(GpuShare.WORKLOAD_FILE, namespaced(workload));
    }
    return bundle.build();
  }

  private ManifestSpec namespaced(ManifestSpec spec) {
    return namespace == null ? spec : spec.withNamespace(namespace);
  }
}
