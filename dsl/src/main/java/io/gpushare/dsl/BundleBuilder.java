package io.gpushare.dsl;

import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.DeviceRequest;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.ResourceClaimSpec;
import io.gpushare.core.model.ServicePort;
import io.gpushare.core.model.ServiceSpec;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.VllmDeploymentSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The steps' implementation: collects specs in call order and builds the bundle. */
final class BundleBuilder implements SharingStep, WorkloadStep {
  private static final String GPU_DEVICE_CLASS = "gpu.nvidia.com";

  private final String claimName;
  private final ManifestBundle.Builder bundle = ManifestBundle.builder();
  private NvidiaDeviceConfig sharing;
  private String productName;
  private VllmDeploymentSpec lastDeployment;

  BundleBuilder(String claimName) {
    this.claimName = Objects.requireNonNull(claimName, "claim name");
  }

  @Override
  public SharingStep onGpu(String productName) {
    if (productName == null || productName.isBlank() || productName.contains("\"")) {
      throw new IllegalArgumentException(
          "onGpu needs a product name such as \"NVIDIA A100-SXM4-40GB\", found " + productName);
    }
    this.productName = productName;
    return this;
  }

  @Override
  public WorkloadStep timeSlicing(TimeSliceInterval interval) {
    sharing = GpuConfig.timeSlicing(Objects.requireNonNull(interval, "interval"));
    bundle.add(GpuShare.CLAIM_FILE, claim());
    return this;
  }

  private ResourceClaimSpec claim() {
    return ResourceClaimSpec.builder()
        .name(claimName)
        .addRequests(request())
        .addConfig(DeviceConfig.of(List.of(GpuShare.REQUEST_NAME), sharing))
        .build();
  }

  private DeviceRequest request() {
    DeviceRequest.Builder request = DeviceRequest.builder().name(GpuShare.REQUEST_NAME).deviceClassName(GPU_DEVICE_CLASS);
    if (productName != null) {
      request.addSelectors("device.attributes[\"gpu.nvidia.com\"].productName == \"" + productName + "\"");
    }
    return request.build();
  }

  @Override
  public WorkloadStep vllm(String name, Consumer<VllmOptions> options) {
    VllmSettings settings = new VllmSettings(name);
    options.accept(settings);
    lastDeployment = settings.toSpec(ClaimReference.of(GpuShare.REQUEST_NAME, claimName));
    bundle.add(GpuShare.WORKLOAD_FILE, lastDeployment);
    return this;
  }

  @Override
  public WorkloadStep loadBalancer(String name, int port) {
    if (lastDeployment == null) {
      throw new IllegalStateException(
          "loadBalancer(\"" + name + "\", " + port + ") needs a vllm(...) Deployment before it to select");
    }
    bundle.add(GpuShare.WORKLOAD_FILE,
        ServiceSpec.builder()
            .name(name)
            .type("LoadBalancer")
            .putAllSelector(lastDeployment.labels())
            .addPorts(ServicePort.builder().name("http").port(port).targetPort(lastDeployment.port()).build())
            .build());
    return this;
  }

  @Override
  public ManifestBundle build() {
    return bundle.build();
  }
}
