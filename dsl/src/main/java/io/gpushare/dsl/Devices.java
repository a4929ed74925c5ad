package io.gpushare.dsl;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.GpuProduct;
import io.gpushare.core.catalog.MigProfile;
import io.gpushare.core.model.DeviceConstraintSpec;
import io.gpushare.core.model.DeviceRequestSpec;
import io.gpushare.core.model.DeviceSelectorSpec;
import io.gpushare.core.model.DeviceSubRequestSpec;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.MigDeviceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which devices a claim or template asks for; collects the DSL's device choices and builds the requests. */
final class Devices {
  static final String GPU_CLASS = GpuConfig.DEVICE_CLASS;
  static final String MIG_CLASS = MigDeviceConfig.DEVICE_CLASS;


  private String productName;
  private String minimumMemory;
  private final List<String> alternatives = new ArrayList<>();
  private final List<String> migProfiles = new ArrayList<>();
  private long count = 1;
  private boolean dynamicMig;

  void product(String productName) {
    if (productName == null || productName.isBlank() || productName.contains("\"")) {
      throw new IllegalArgumentException(
          "onGpu needs a product name such as \"NVIDIA A100-SXM4-40GB\", found " + productName);
    }
    this.productName = productName;
  }

  void minimumMemory(String quantity) {
    if (quantity == null || !quantity.matches("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?")) {
      throw new IllegalArgumentException("withMemoryAtLeast needs a quantity such as 40Gi, found " + quantity);
    }
    this.minimumMemory = quantity;
  }

  void firstAvailable(String... productNames) {
    if (productNames.length < 2) {
      throw new IllegalArgumentException("firstAvailable needs at least two products, in order of preference");
    }
    for (String name : productNames) {
      if (name == null || name.isBlank() || name.contains("\"")) {
        throw new IllegalArgumentException("firstAvailable needs product names such as \"NVIDIA A100-SXM4-80GB\", found "
            + name);
      }
      alternatives.add(name);
    }
  }

  void count(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("a pod needs at least one GPU, found " + count);
    }
    this.count = count;
  }

  void migProfiles(String... profiles) {
    if (profiles.length == 0) {
      throw new IllegalArgumentException("name at least one MIG profile, e.g. 3g.40gb");
    }
    for (String profile : profiles) {
      if (profile == null || profile.isBlank() || profile.contains("\"")) {
        throw new IllegalArgumentException("a MIG profile looks like 3g.40gb, found " + profile);
      }
      migProfiles.add(profile);
    }
  }

  /** The slices are created by the driver on demand (its DynamicMIG gate), not ahead of time. */
  void dynamicMig() {
    dynamicMig = true;
  }

  boolean mig() {
    return !migProfiles.isEmpty();
  }

  boolean isDynamicMig() {
    return dynamicMig;
  }

  long count() {
    return mig() ? migProfiles.size() : count;
  }

  /** The requests, named {@code gpu} (one) or {@code gpu-0}, {@code gpu-1} (several MIG slices). */
  List<DeviceRequestSpec> requests() {
    if (!alternatives.isEmpty() && (productName != null || minimumMemory != null || mig())) {
      throw new IllegalStateException("firstAvailable(...) names the products itself; it cannot be combined with"
          + " onGpu, withMemoryAtLeast or a MIG slice");
    }
    if (mig() && minimumMemory != null) {
      throw new IllegalStateException("a MIG slice's memory is its profile's; withMemoryAtLeast does not apply to it");
    }
    List<DeviceRequestSpec> requests = new ArrayList<>();
    if (mig()) {
      for (int i = 0; i < migProfiles.size(); i++) {
        DeviceRequestSpec.Builder request = DeviceRequestSpec.builder()
            .name(migProfiles.size() == 1 ? GpuShare.REQUEST_NAME : GpuShare.REQUEST_NAME + "-" + i)
            .deviceClassName(MIG_CLASS)
            .dynamicMig(dynamicMig);
        if (productName != null) {
          request.addSelectors(DeviceSelectorSpec.productName(productName));
        }
        request.addSelectors(DeviceSelectorSpec.migProfile(migProfiles.get(i)));
        requests.add(request.build());
      }
      return requests;
    }
    DeviceRequestSpec.Builder request = DeviceRequestSpec.builder().name(GpuShare.REQUEST_NAME);
    if (!alternatives.isEmpty()) {
      for (String alternative : alternatives) {
        DeviceSubRequestSpec.Builder sub = DeviceSubRequestSpec.builder()
            .name(subrequestName(alternative)).deviceClassName(GPU_CLASS).addSelectors(DeviceSelectorSpec.productName(alternative));
        if (count > 1) {
          sub.count(count);
        }
        request.addFirstAvailable(sub.build());
      }
      return List.of(request.build());
    }
    request.deviceClassName(GPU_CLASS);
    if (count > 1) {
      request.count(count);
    }
    if (productName != null) {
      request.addSelectors(DeviceSelectorSpec.productName(productName));
    }
    if (minimumMemory != null) {
      request.addSelectors(DeviceSelectorSpec.memoryAtLeast(minimumMemory));
    }
    return List.of(request.build());
  }

  /** What configs name: each request, or each {@code request/subrequest} (the driver matches them exactly). */
  List<String> configReferences() {
    List<String> references = new ArrayList<>();
    for (DeviceRequestSpec request : requests()) {
      if (request.firstAvailable().isEmpty()) {
        references.add(request.name());
      } else {
        request.firstAvailable().forEach(sub -> references.add(request.name() + "/" + sub.name()));
      }
    }
    return references;
  }

  List<DeviceConstraintSpec> constraints() {
    return migProfiles.size() > 1 ? List.of(DeviceConstraintSpec.sameParentGpu(configReferences())) : List.of();
  }

  /**
   * The memory of the device a pod's container gets through {@code request} ({@code null}: the claim's
   * only request), from the catalog; empty when the choices name no product, MIG profile or minimum the
   * catalog can size: the total CUDA reports (what {@code --gpu-memory-utilization} multiplies), a MIG
   * slice's from the catalog's profile, or derived from the profile's name ({@link MigProfile#derived}).
   */
  Optional<DeviceMemory> memory(String request, Catalog catalog) {
    if (mig()) {
      // several slices are requests gpu-0, gpu-1, ...: the server's request says which is its
      int index = migProfiles.size() == 1 ? 0 : migProfiles.size() > 1 && request != null
          ? java.util.stream.IntStream.range(0, migProfiles.size())
              .filter(i -> request.equals(GpuShare.REQUEST_NAME + "-" + i)).findFirst().orElse(-1)
          : -1;
      if (index < 0) {
        return Optional.empty();
      }
      String profile = migProfiles.get(index);
      // the slice's CUDA-visible total: the catalog's figure for the product's profile, else derived from its name
      MigProfile slice = Optional.ofNullable(productName).flatMap(catalog::gpuByProductName)
          .flatMap(gpu -> gpu.migProfile(profile)).orElseGet(() -> MigProfile.derived(profile));
      return slice.memoryMiB() > 1
          ? Optional.of(new DeviceMemory("MIG " + profile, productName == null ? "" : productName,
              slice.cudaTotalBytes()))
          : Optional.empty();
    }
    if (productName != null) {
      return catalog.gpuByProductName(productName)
          .map(gpu -> new DeviceMemory(productName, productName, gpu.cudaTotalBytes()));
    }
    if (minimumMemory != null) {
      // as lint judges it: the CUDA total of the smallest device the selector admits
      return io.gpushare.core.model.Quantities.bytes(minimumMemory)
          .map(bytes -> new DeviceMemory("a GPU of at least " + minimumMemory, "",
              GpuProduct.derivedCudaTotalBytes(bytes.longValue())));
    }
    Optional<DeviceMemory> smallest = Optional.empty();
    for (String alternative : alternatives) {
      Optional<GpuProduct> gpu = catalog.gpuByProductName(alternative);
      if (gpu.isEmpty()) {
        return Optional.empty();
      }
      if (smallest.isEmpty() || gpu.get().cudaTotalBytes() < smallest.get().bytes()) {
        smallest = Optional.of(new DeviceMemory(alternative, alternative, gpu.get().cudaTotalBytes()));
      }
    }
    return smallest;
  }

  /** {@code h100-80gb} for a catalog product, else a DNS label made from the name. */
  static String subrequestName(String productName) {
    String base = Catalog.standard().gpuByProductName(productName).map(GpuProduct::id).orElse(productName);
    String label = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return label.length() > 63 ? label.substring(0, 63).replaceAll("-+$", "") : label;
  }
}
