package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.kube.ObjectHook;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link GpuShare#perPod}: a ResourceClaimTemplate, so each pod gets devices of its own. */
final class PerPodDevices extends Workloads implements DevicesStep {
  private final String name;
  private final Devices devices = new Devices();

  PerPodDevices(String name) {
    this.name = Objects.requireNonNull(name, "template name");
  }

  @Override
  public DevicesStep onGpu(String productName) {
    devices.product(productName);
    return this;
  }

  @Override
  public DevicesStep withMemoryAtLeast(String quantity) {
    devices.minimumMemory(quantity);
    return this;
  }

  @Override
  public DevicesStep firstAvailable(String... productNames) {
    devices.firstAvailable(productNames);
    return this;
  }

  @Override
  public WorkloadStep wholeGpu() {
    return gpus(1);
  }

  @Override
  public WorkloadStep gpus(int count) {
    devices.count(count);
    return this;
  }

  @Override
  public WorkloadStep migSlice(String profile) {
    devices.migProfiles(profile);
    return this;
  }

  @Override
  public WorkloadStep dynamicMigSlice(String profile) {
    devices.migProfiles(profile);
    devices.dynamicMig();
    return this;
  }

  @Override
  public DevicesStep customizeClaimTemplate(Consumer<? super ResourceClaimTemplateBuilder> hook) {
    customizeClaimObject(ObjectHook.resourceClaimTemplate(Objects.requireNonNull(hook, "hook")));
    return this;
  }

  @Override
  DeviceClaimSpec claim() {
    return DeviceClaimSpec.perPod(name)
        .addAllRequests(devices.requests())
        .addAllConstraints(devices.constraints())
        .build();
  }

  @Override
  String claimFile() {
    return GpuShare.TEMPLATE_FILE;
  }

  @Override
  ClaimReference reference() {
    return ClaimReference.perPod(GpuShare.REQUEST_NAME, name);
  }

  @Override
  long devicesPerPod() {
    return devices.count();
  }

  @Override
  Devices devices() {
    return devices;
  }
}
