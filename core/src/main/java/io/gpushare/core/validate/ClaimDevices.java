package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.GpuProduct;
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
      new ClaimDevices(OptionalLong.empty(), Optional.empty(), Optional.empty(),
          OptionalLong.empty(), List.of(), Optional.empty(), java.util.Map.of(), java.util.Map.of());

  private static final Pattern MIG_PROFILE_MEMORY = Pattern.compile("[0-9]+g\\.([0-9]+)gb.*");

  private final OptionalLong deviceCount;
  private final Optional<GpuProduct> product;
  private final Optional<String> migProfile;
  private final OptionalLong memoryBytes;
  private final List<Optional<NvidiaConfigRead>> configs;
  private final Optional<String> unknownProductName;
  private final java.util.Map<String, Long> countByRequest;
  private final java.util.Map<String, Long> memoryByRequest;

  private ClaimDevices(OptionalLong deviceCount, Optional<GpuProduct> product,
      Optional<String> migProfile, OptionalLong memoryBytes, List<Optional<NvidiaConfigRead>> configs,
      Optional<String> unknownProductName, java.util.Map<String, Long> countByRequest,
      java.util.Map<String, Long> memoryByRequest) {
    this.unknownProductName = unknownProductName;
    this.countByRequest = countByRequest;
    this.memoryByRequest = memoryByRequest;
    this.deviceCount = deviceCount;
    this.product = product;
    this.migProfile = migProfile;
    this.memoryBytes = memoryBytes;
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
    for (DeviceRequest request : Nulls.list(claim.getRequests())) {
      ExactDeviceRequest exactly = request.getExactly();
      String requestProfile = null;
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
        Matcher profileMemory = MIG_PROFILE_MEMORY.matcher(requestProfile);
        if (profileMemory.matches()) {
          memoryByRequest.put(request.getName(), Long.parseLong(profileMemory.group(1)) * 1_000_000_000L);
        }
      }
    }
    OptionalLong memory = OptionalLong.empty();
    if (migProfile != null && memoryByRequest.size() > 1
        && memoryByRequest.values().stream().distinct().count() > 1) {
      // slices of different sizes: no one memory for the claim, only per request
      migProfile = null;
    } else if (migProfile != null) {
      Matcher profileMemory = MIG_PROFILE_MEMORY.matcher(migProfile);
      if (profileMemory.matches()) {
        // the profile names memory in decimal GB, rounded (1g.5gb is 4864 MiB, about 5.1 GB): read as
        // decimal GB, the estimate errs low by a few percent rather than high
        memory = OptionalLong.of(Long.parseLong(profileMemory.group(1)) * 1_000_000_000L);
      }
    } else if (product != null) {
      memory = OptionalLong.of(product.memoryBytes());
    } else if (minimumMemory != null) {
      memory = OptionalLong.of(minimumMemory);
    }
    OptionalLong deviceCount = countKnown ? OptionalLong.of(count) : OptionalLong.empty();
    List<Optional<NvidiaConfigRead>> configs = new java.util.ArrayList<>();
    for (DeviceClaimConfiguration config : Nulls.list(claim.getConfig())) {
      boolean nvidia = config != null && config.getOpaque() != null
          && NvidiaDeviceConfig.DRIVER.equals(config.getOpaque().getDriver());
      configs.add(nvidia ? Optional.of(NvidiaConfigs.read(config.getOpaque().getParameters(), deviceCount))
          : Optional.empty());
    }
    return new ClaimDevices(deviceCount,
        Optional.ofNullable(product), Optional.ofNullable(migProfile), memory, configs,
        Optional.ofNullable(unknownProduct), countByRequest, memoryByRequest);
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

  /** Memory of one device (a GPU, or a MIG slice), exact or a lower bound from a selector. */
  OptionalLong memoryBytes() {
    return memoryBytes;
  }

  /** Devices one request gives, when its count is fixed. */
  OptionalLong deviceCount(String request) {
    Long count = countByRequest.get(request);
    return count == null ? OptionalLong.empty() : OptionalLong.of(count);
  }

  /** Memory of the device of one request: its MIG slice, else the claim's device. */
  OptionalLong memoryBytes(String request) {
    Long memory = memoryByRequest.get(request);
    return memory != null ? OptionalLong.of(memory) : memoryBytes;
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
