package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.DeviceClaimSpec;
import io.gpushare.core.model.DeviceConfig;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.kube.ObjectHook;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link GpuShare#claim}: one ResourceClaim that every replica shares, and how they share it. */
final class SharedClaim extends Workloads implements SharingStep {
  private final String name;
  private final Devices devices = new Devices();
  private NvidiaDeviceConfig sharing;

  SharedClaim(String name) {
    this.name = Objects.requireNonNull(name, "claim name");
  }

  @Override
  public SharingStep onGpu(String productName) {
    devices.product(productName);
    return this;
  }

  @Override
  public SharingStep withMemoryAtLeast(String quantity) {
    devices.minimumMemory(quantity);
    return this;
  }

  @Override
  public SharingStep firstAvailable(String... productNames) {
    devices.firstAvailable(productNames);
    return this;
  }

  @Override
  public SharingStep migSlice(String profile) {
    devices.migProfiles(profile);
    return this;
  }

  @Override
  public SharingStep dynamicMigSlice(String profile) {
    devices.migProfiles(profile);
    devices.dynamicMig();
    return this;
  }

  @Override
  public SharingStep migSlices(String... profiles) {
    devices.migProfiles(profiles);
    return this;
  }

  @Override
  public WorkloadStep withoutSharing() {
    sharing = null;
    return this;
  }

  @Override
  public WorkloadStep timeSlicing(TimeSliceInterval interval) {
    if (devices.mig()) {
      throw new IllegalStateException("time slicing has no effect on a MIG slice; share it with mps(...) instead");
    }
    sharing = GpuConfig.timeSlicing(Objects.requireNonNull(interval, "interval"));
    return this;
  }

  @Override
  public WorkloadStep mps(int activeThreadPercentage, String pinnedMemoryLimit) {
    return mps(MpsConfig.builder()
        .defaultActiveThreadPercentage(activeThreadPercentage)
        .defaultPinnedDeviceMemoryLimit(pinnedMemoryLimit)
        .build());
  }

  @Override
  public WorkloadStep mps(MpsConfig config) {
    if (devices.isDynamicMig()) {
      throw new IllegalStateException("MPS works only on MIG slices created ahead of time; use migSlice(...), not"
          + " dynamicMigSlice(...): the driver cannot combine its MPSSupport and DynamicMIG feature gates");
    }
    sharing = devices.mig() ? MigDeviceConfig.mps(config) : GpuConfig.mps(config);
    return this;
  }

  @Override
  public SharingStep customizeClaim(Consumer<? super ResourceClaimBuilder> hook) {
    customizeClaimObject(ObjectHook.resourceClaim(Objects.requireNonNull(hook, "hook")));
    return this;
  }

  @Override
  DeviceClaimSpec claim() {
    DeviceClaimSpec.Builder claim = DeviceClaimSpec.shared(name)
        .addAllRequests(devices.requests())
        .addAllConstraints(devices.constraints());
    if (sharing != null) {
      claim.addConfig(DeviceConfig.of(devices.configReferences(), sharing));
    }
    return claim.build();
  }

  @Override
  String claimFile() {
    return GpuShare.CLAIM_FILE;
  }

  @Override
  ClaimReference reference() {
    return ClaimReference.of(GpuShare.REQUEST_NAME, name);
  }

  @Override
  long devicesPerPod() {
    // several MIG slices are used one per server, never together (CUDA sees one slice per process)
    return devices.mig() ? 1 : devices.count();
  }

  @Override
  Devices devices() {
    return devices;
  }
}
