package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.GpuProduct;
import io.gpushare.core.catalog.MigProfile;
import io.gpushare.core.kube.DeviceSelectors;
import io.gpushare.core.kube.NvidiaConfigRead;
import io.gpushare.core.kube.NvidiaConfigs;
import io.gpushare.core.model.NvidiaDeviceConfig;
import java.util.List;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a claim (or template) says about its devices, read from its requests, selectors and NVIDIA
 * configs: how many devices, of which class, which product or MIG profile, how much memory, and how
 * they are shared. Selectors are read through {@link DeviceSelectors#recognize}, configs through
 * {@link NvidiaConfigs#read}; anything they do not understand leaves the answer unknown.
 */
final class ClaimDevices {
  static final ClaimDevices UNKNOWN =
      new ClaimDevices(OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
          java.util.Map.of(), CudaTotals.NONE);

  private static final Pattern MIG_PROFILE_MEMORY = Pattern.compile("[0-9]+g\\.([0-9]+)gb.*");

  private final OptionalLong deviceCount;
  private final Optional<GpuProduct> product;
  private final Optional<String> migProfile;
  private final List<Optional<NvidiaConfigRead>> configs;
  private final Optional<String> unknownProductName;
  private final java.util.Map<String, Long> countByRequest;
  private final CudaTotals cudaTotals;

  /**
   * What CUDA reports inside the claim's devices, and which requests give MIG slices.
   *
   * @param total the CUDA total of one device of the claim, when one figure holds for all
   * @param byRequest the CUDA total of one device of each request whose figure is known
   * @param migRequests the requests whose devices are MIG slices (class mig.nvidia.com or a profile selector)
   */
  private record CudaTotals(OptionalLong total, java.util.Map<String, Long> byRequest,
      java.util.Set<String> migRequests) {
    static final CudaTotals NONE = new CudaTotals(OptionalLong.empty(), java.util.Map.of(), java.util.Set.of());
  }

  private ClaimDevices(OptionalLong deviceCount, Optional<GpuProduct> product, Optional<String> migProfile,
      List<Optional<NvidiaConfigRead>> configs, Optional<String> unknownProductName,
      java.util.Map<String, Long> countByRequest, CudaTotals cudaTotals) {
    this.cudaTotals = cudaTotals;
    this.unknownProductName = unknownProductName;
    this.countByRequest = countByRequest;
    this.deviceCount = deviceCount;
    this.product = product;
    this.migProfile = migProfile;
    this.configs = configs;
  }

  static ClaimDevices of(DeviceClaim claim, Catalog catalog) {
    if (claim == null) {
      return UNKNOWN;
    }
    long count = 0;
    boolean countKnown = !Nulls.list(claim.getRequests()).isEmpty();
    GpuProduct product = null;
    String migProfile = null;
    Long minimumMemory = null;
    String unknownProduct = null;
    java.util.Map<String, Long> countByRequest = new java.util.HashMap<>();
    java.util.Map<String, Long> memoryByRequest = new java.util.HashMap<>();
    java.util.Map<String, String> profileByRequest = new java.util.HashMap<>();
    java.util.Set<String> migRequests = new java.util.HashSet<>();
    for (DeviceRequest request : Nulls.list(claim.getRequests())) {
      ExactDeviceRequest exactly = request.getExactly();
      String requestProfile = null;
      if (exactly != null && io.gpushare.core.model.MigDeviceConfig.DEVICE_CLASS.equals(exactly.getDeviceClassName())) {
        migRequests.add(request.getName());
      }
      if (exactly == null) {
        countKnown = false; // firstAvailable: which alternative is allocated is not known here
        continue;
      }
      if ("All".equals(exactly.getAllocationMode())) {
        countKnown = false;
      } else {
        // the API server defaults an unset or zero count to 1
        long requestCount = exactly.getCount() == null || exactly.getCount() == 0 ? 1 : exactly.getCount();
        countByRequest.put(request.getName(), requestCount);
        count += requestCount;
      }
      for (DeviceSelector selector : Nulls.list(exactly.getSelectors())) {
        String expression = selector.getCel() == null ? null : selector.getCel().getExpression();
        if (expression == null) {
          continue;
        }
        for (io.gpushare.core.model.DeviceSelectorSpec recognized : DeviceSelectors.recognize(expression)) {
          if (recognized instanceof io.gpushare.core.model.DeviceSelectorSpec.ProductName productName) {
            Optional<GpuProduct> known = catalog.gpuByProductName(productName.productName());
            if (known.isPresent()) {
              product = known.get();
            } else {
              unknownProduct = productName.productName();
            }
          } else if (recognized instanceof io.gpushare.core.model.DeviceSelectorSpec.MigProfile profile) {
            migProfile = profile.profile();
            requestProfile = profile.profile();
          } else if (recognized instanceof io.gpushare.core.model.DeviceSelectorSpec.MemoryAtLeast memory) {
            // not a quantity the API server reads: the memory stays unknown, it will say why
            minimumMemory = io.gpushare.core.model.Quantities.bytes(memory.quantity())
                .map(BigDecimal::longValue).orElse(minimumMemory);
          }
        }
      }
      if (requestProfile != null) {
        migRequests.add(request.getName());
        profileByRequest.put(request.getName(), requestProfile);
        Matcher profileMemory = MIG_PROFILE_MEMORY.matcher(requestProfile);
        if (profileMemory.matches()) {
          memoryByRequest.put(request.getName(), Long.parseLong(profileMemory.group(1)) * 1_000_000_000L);
        }
      }
    }
    if (migProfile != null && memoryByRequest.size() > 1
        && memoryByRequest.values().stream().distinct().count() > 1) {
      // slices of different sizes: no one device for the claim, only per request
      migProfile = null;
    }
    OptionalLong deviceCount = countKnown ? OptionalLong.of(count) : OptionalLong.empty();
    List<Optional<NvidiaConfigRead>> configs = new java.util.ArrayList<>();
    for (DeviceClaimConfiguration config : Nulls.list(claim.getConfig())) {
      boolean nvidia = config != null && config.getOpaque() != null
          && NvidiaDeviceConfig.DRIVER.equals(config.getOpaque().getDriver());
      configs.add(nvidia ? Optional.of(NvidiaConfigs.read(config.getOpaque().getParameters(), deviceCount))
          : Optional.empty());
    }
    return new ClaimDevices(deviceCount, Optional.ofNullable(product), Optional.ofNullable(migProfile), configs,
        Optional.ofNullable(unknownProduct), countByRequest,
        cudaTotals(catalog, product, migProfile, minimumMemory, profileByRequest, migRequests));
  }

  /**
   * The CUDA totals: a MIG slice's from its profile (on the claim's product, else the smallest of the
   * catalog's GPUs that have the profile, else derived from its name), a whole GPU's from the catalog, a
   * memory lower bound's as derived from it.
   */
  private static CudaTotals cudaTotals(Catalog catalog, GpuProduct product, String migProfile, Long minimumMemory,
      java.util.Map<String, String> profileByRequest, java.util.Set<String> migRequests) {
    java.util.Map<String, Long> byRequest = new java.util.HashMap<>();
    profileByRequest.forEach((request, profile) -> byRequest.put(request, sliceCudaTotal(catalog, product, profile)));
    OptionalLong total = OptionalLong.empty();
    if (migProfile != null) {
      total = OptionalLong.of(sliceCudaTotal(catalog, product, migProfile));
    } else if (!profileByRequest.isEmpty() || !migRequests.isEmpty()) {
      total = OptionalLong.empty(); // slices of different sizes, or of an unknown profile
    } else if (product != null) {
      total = OptionalLong.of(product.cudaTotalBytes());
    } else if (minimumMemory != null) {
      total = OptionalLong.of(GpuProduct.derivedCudaTotalBytes(minimumMemory));
    }
    return new CudaTotals(total, java.util.Map.copyOf(byRequest), java.util.Set.copyOf(migRequests));
  }

  private static long sliceCudaTotal(Catalog catalog, GpuProduct product, String profile) {
    if (product != null && product.migProfile(profile).isPresent()) {
      return product.migProfile(profile).get().cudaTotalBytes();
    }
    return catalog.gpus().stream().flatMap(gpu -> gpu.migProfile(profile).stream())
        .mapToLong(MigProfile::cudaTotalBytes).min()
        .orElse(MigProfile.derived(profile).cudaTotalBytes());
  }

  /** Devices one allocation of the claim gives, when every request has a fixed count. */
  OptionalLong deviceCount() {
    return deviceCount;
  }


  Optional<GpuProduct> product() {
    return product;
  }

  Optional<String> migProfile() {
    return migProfile;
  }

  /**
   * What CUDA reports as the total of the device of one request (its MIG slice, else the claim's device;
   * {@code null}: the claim's, a GPU or a MIG slice): the figure vLLM's {@code --gpu-memory-utilization}
   * multiplies, less than the memory on its label by what the driver reserves, and the one every memory
   * finding uses. Empty when the device is not known well enough.
   */
  OptionalLong cudaTotalBytes(String request) {
    Long total = request == null ? null : cudaTotals.byRequest().get(request);
    return total != null ? OptionalLong.of(total) : cudaTotals.total();
  }

  /** Whether the devices of a request (of every request, when null) are MIG slices, as far as the claim says. */
  boolean migSlices(String request) {
    return request == null ? !cudaTotals.migRequests().isEmpty() : cudaTotals.migRequests().contains(request);
  }

  /** Devices one request gives, when its count is fixed. */
  OptionalLong deviceCount(String request) {
    Long count = countByRequest.get(request);
    return count == null ? OptionalLong.empty() : OptionalLong.of(count);
  }

  /** A productName a selector asks for that the catalog does not know. */
  Optional<String> unknownProductName() {
    return unknownProductName;
  }

  /**
   * The NVIDIA opaque config of {@code config[index]}, read with the claim's device count; empty when
   * the entry is for another driver.
   */
  Optional<NvidiaConfigRead> config(int index) {
    return index < configs.size() ? configs.get(index) : Optional.empty();
  }

  /** Every NVIDIA opaque config of the claim, in order. */
  List<NvidiaConfigRead> nvidiaConfigs() {
    return configs.stream().flatMap(Optional::stream).toList();
  }

  /** The last NVIDIA opaque config of the claim (the one the driver applies last), if it has one. */
  Optional<NvidiaConfigRead> sharing() {
    List<NvidiaConfigRead> all = nvidiaConfigs();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

}
