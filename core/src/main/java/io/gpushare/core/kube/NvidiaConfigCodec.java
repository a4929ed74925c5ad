package io.gpushare.core.kube;

import io.gpushare.core.kube.NvidiaConfigProblem.Type;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.GpuSharing;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.Quantities;
import io.gpushare.core.model.SharingStrategy;
import io.gpushare.core.model.TimeSliceInterval;
import io.gpushare.core.model.TimeSlicingConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one place that knows the wire form of the NVIDIA driver's opaque parameters: it writes a
 * {@link GpuConfig} or {@link MigDeviceConfig} as the ordered map fabric8 carries ({@code apiVersion},
 * {@code kind}, {@code sharing}), and reads such a map back leniently, with a problem for everything
 * the driver (v0.4.0) would refuse, ignore or apply differently. Source: {@code nvidia-dra-driver.md}
 * sections 1-3 (the strict decoder, {@code Validate()}, the MPS limit parsing).
 *
 * <pre>
 * parameters:
 *   apiVersion: resource.nvidia.com/v1beta1
 *   kind: GpuConfig
 *   sharing:
 *     strategy: MPS
 *     mpsConfig:
 *       defaultActiveThreadPercentage: 50
 *       defaultPinnedDeviceMemoryLimit: 15Gi
 *       defaultPerDevicePinnedMemoryLimit:
 *         "0": 10Gi
 * </pre>
 */
final class NvidiaConfigCodec {
  static final String API_VERSION = "apiVersion";
  static final String KIND = "kind";
  static final String SHARING = "sharing";
  static final String STRATEGY = "strategy";
  private static final String TIME_SLICING_CONFIG = "timeSlicingConfig";
  private static final String INTERVAL = "interval";
  private static final String MPS_CONFIG = "mpsConfig";
  private static final String ACTIVE_THREAD_PERCENTAGE = "defaultActiveThreadPercentage";
  private static final String PINNED_MEMORY_LIMIT = "defaultPinnedDeviceMemoryLimit";
  private static final String PER_DEVICE_PINNED_MEMORY_LIMIT = "defaultPerDevicePinnedMemoryLimit";
  /** A field of drivers after 0.4.0, worth its own hint. */
  private static final String MULTI_USER = "multiUser";

  /** The settings block that belongs to each strategy. */
  private static final Map<SharingStrategy, String> STRATEGY_CONFIG = new EnumMap<>(Map.of(
      SharingStrategy.TIME_SLICING, TIME_SLICING_CONFIG,
      SharingStrategy.MPS, MPS_CONFIG));
  private static final Set<String> CONFIG_FIELDS = Set.of(API_VERSION, KIND, SHARING);
  private static final Set<String> GPU_SHARING_FIELDS = Set.of(STRATEGY, TIME_SLICING_CONFIG, MPS_CONFIG);
  /** MIG slices cannot be time-sliced: the driver's MigDeviceConfig has no timeSlicingConfig. */
  private static final Set<String> MIG_SHARING_FIELDS = Set.of(STRATEGY, MPS_CONFIG);
  private static final Set<String> TIME_SLICING_FIELDS = Set.of(INTERVAL);
  private static final Set<String> MPS_FIELDS =
      Set.of(ACTIVE_THREAD_PERCENTAGE, PINNED_MEMORY_LIMIT, PER_DEVICE_PINNED_MEMORY_LIMIT);

  private static final long MIB = 1024L * 1024;
  private static final Pattern INDEX = Pattern.compile("[0-9]+");
  private static final Pattern UUID = Pattern.compile("(GPU|MIG)-[0-9a-fA-F-]+");
  private static final Pattern DECIMAL_SUFFIX = Pattern.compile(".*[0-9.](k|M|G|T|P|E)");

  private NvidiaConfigCodec() {}

  /** The parameters of {@code config}, as an ordered map in the driver's field order. */
  static Map<String, Object> write(NvidiaDeviceConfig config) {
    if (!(config instanceof GpuConfig) && !(config instanceof MigDeviceConfig)) {
      throw new IllegalArgumentException("no conversion for opaque config kind " + config.kind()
          + "; expected a GpuConfig or MigDeviceConfig");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put(API_VERSION, NvidiaDeviceConfig.API_VERSION);
    parameters.put(KIND, config.kind());
    sharingOf(config).ifPresent(sharing -> parameters.put(SHARING, sharing(sharing)));
    return parameters;
  }

  private static Optional<GpuSharing> sharingOf(NvidiaDeviceConfig config) {
    return config instanceof GpuConfig gpu ? gpu.sharing()
        : ((MigDeviceConfig) config).mps().map(GpuSharing::mps);
  }

  private static Map<String, Object> sharing(GpuSharing sharing) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(STRATEGY, sharing.strategy().wireName());
    sharing.timeSlicingConfig().ifPresent(ts -> {
      Map<String, Object> timeSlicing = new LinkedHashMap<>();
      timeSlicing.put(INTERVAL, ts.interval().wireName());
      map.put(TIME_SLICING_CONFIG, timeSlicing);
    });
    sharing.mpsConfig().ifPresent(mps -> map.put(MPS_CONFIG, mps(mps)));
    return map;
  }

  private static Map<String, Object> mps(MpsConfig mps) {
    Map<String, Object> map = new LinkedHashMap<>();
    mps.defaultActiveThreadPercentage().ifPresent(p -> map.put(ACTIVE_THREAD_PERCENTAGE, p));
    mps.defaultPinnedDeviceMemoryLimit().ifPresent(q -> map.put(PINNED_MEMORY_LIMIT, q));
    if (!mps.defaultPerDevicePinnedMemoryLimit().isEmpty()) {
      map.put(PER_DEVICE_PINNED_MEMORY_LIMIT, new LinkedHashMap<>(mps.defaultPerDevicePinnedMemoryLimit()));
    }
    return map;
  }

  /** Reads parameters as fabric8 holds them; absent parameters read as an empty object. */
  static NvidiaConfigRead read(Object parameters, OptionalLong deviceCount) {
    Optional<Map<String, Object>> map = parameters == null ? Optional.of(Map.of()) : OpaqueParameters.asMap(parameters);
    if (map.isEmpty()) {
      return new NvidiaConfigRead(false, Optional.empty(), Optional.empty(), List.of());
    }
    return new Reader(deviceCount).read(map.get());
  }

  /** One lenient read: the problems found so far. */
  private static final class Reader {
    private final OptionalLong deviceCount;
    private final List<NvidiaConfigProblem> problems = new ArrayList<>();

    Reader(OptionalLong deviceCount) {
      this.deviceCount = deviceCount;
    }

    NvidiaConfigRead read(Map<String, Object> parameters) {
      Object sharing = parameters.get(SHARING);
      Optional<SharingStrategy> strategy = sharing instanceof Map<?, ?> block ? strategy(block.get(STRATEGY))
          : Optional.empty();
      Optional<NvidiaDeviceConfig> value = config(parameters);
      return new NvidiaConfigRead(true, value, strategy, problems);
    }

    private Optional<NvidiaDeviceConfig> config(Map<String, Object> parameters) {
      String apiVersion = parameters.get(API_VERSION) instanceof String s ? s : null;
      if (!NvidiaDeviceConfig.API_VERSION.equals(apiVersion)) {
        problem(apiVersion == null ? Type.TYPE_MISSING : Type.API_VERSION_UNKNOWN, API_VERSION,
            "expected apiVersion " + NvidiaDeviceConfig.API_VERSION + ", found "
                + (apiVersion == null ? "nothing" : "'" + apiVersion + "'"),
            "the driver decodes parameters by apiVersion and kind; write both");
      }
      String kind = parameters.get(KIND) instanceof String s ? s : null;
      if (kind == null) {
        problem(Type.TYPE_MISSING, KIND, "expected kind " + GpuConfig.KIND + " or " + MigDeviceConfig.KIND
                + ", found nothing",
            GpuConfig.KIND + " for whole GPUs (" + GpuConfig.DEVICE_CLASS + "), " + MigDeviceConfig.KIND
                + " for MIG slices (" + MigDeviceConfig.DEVICE_CLASS + ")");
        return Optional.empty();
      }
      boolean gpu = kind.equals(GpuConfig.KIND);
      if (!gpu && !kind.equals(MigDeviceConfig.KIND)) {
        problem(Type.KIND_UNKNOWN, KIND, "expected " + GpuConfig.KIND + " or " + MigDeviceConfig.KIND + ", found '"
            + kind + "'", "kinds are case-sensitive; VfioDeviceConfig is for passthrough, not sharing");
        return Optional.empty();
      }
      if (apiVersion == null) {
        return Optional.empty(); // without apiVersion the driver decodes nothing else
      }
      unknownFields(parameters, CONFIG_FIELDS, kind, "");
      Object sharing = parameters.get(SHARING);
      Optional<GpuSharing> read = Optional.empty();
      if (sharing instanceof Map<?, ?> block) {
        read = sharing(strings(block), gpu, kind);
      } else if (sharing != null) {
        fieldType(SHARING, "an object with " + STRATEGY, sharing);
      }
      if (gpu) {
        GpuConfig.Builder config = GpuConfig.builder();
        read.ifPresent(config::sharing);
        return Optional.of(config.build());
      }
      MigDeviceConfig.Builder config = MigDeviceConfig.builder();
      read.flatMap(GpuSharing::mpsConfig).ifPresent(config::mps);
      return Optional.of(config.build());
    }

    /** The sharing block, without the settings that do not belong to its strategy. */
    private Optional<GpuSharing> sharing(Map<String, Object> sharing, boolean gpu, String kind) {
      String path = SHARING;
      Set<String> fields = gpu ? GPU_SHARING_FIELDS : MIG_SHARING_FIELDS;
      unknownFields(sharing, fields, kind, path);
      for (String field : List.of(TIME_SLICING_CONFIG, MPS_CONFIG)) {
        Object value = sharing.get(field);
        if (value != null && !(value instanceof Map)) {
          fieldType(path + "." + field, "an object", value);
        }
      }
      Object rawStrategy = sharing.get(STRATEGY);
      Optional<SharingStrategy> strategy = strategy(rawStrategy);
      if (strategy.isEmpty()) {
        Optional<SharingStrategy> miscased = rawStrategy instanceof String s
            ? Arrays.stream(SharingStrategy.values()).filter(v -> v.wireName().equalsIgnoreCase(s)).findFirst()
            : Optional.empty();
        problem(Type.STRATEGY_UNKNOWN, path + "." + STRATEGY, "expected " + strategies() + ", found "
                + (rawStrategy == null ? "nothing" : "'" + rawStrategy + "'"),
            miscased.map(v -> "strategies are case-sensitive: write " + v.wireName())
                .orElse("use " + strategies() + "; omit sharing for exclusive use"));
      }
      strategy.ifPresent(chosen -> STRATEGY_CONFIG.forEach((owner, field) -> {
        if (owner != chosen && fields.contains(field) && sharing.containsKey(field)) {
          problem(Type.CONFIG_MISMATCH, path + "." + field,
              "expected " + field + " only with strategy " + owner.wireName() + ", found strategy " + chosen.wireName(),
              "remove " + field + ", or set strategy: " + owner.wireName());
        }
      }));
      if (strategy.orElse(null) == SharingStrategy.TIME_SLICING && !gpu) {
        problem(Type.MIG_TIME_SLICING, path + "." + STRATEGY,
            "expected " + SharingStrategy.MPS.wireName() + " to share a MIG slice, found "
                + SharingStrategy.TIME_SLICING.wireName() + ", which the driver accepts and ignores on MIG devices",
            "use strategy: " + SharingStrategy.MPS.wireName() + " to share a MIG slice between containers");
      }
      Optional<TimeSlicingConfig> timeSlicing = sharing.get(TIME_SLICING_CONFIG) instanceof Map<?, ?> block && gpu
          ? timeSlicing(strings(block), kind, path + "." + TIME_SLICING_CONFIG) : Optional.empty();
      Optional<MpsConfig> mps = sharing.get(MPS_CONFIG) instanceof Map<?, ?> block
          ? Optional.of(mps(strings(block), kind, path + "." + MPS_CONFIG)) : Optional.empty();
      if (strategy.isEmpty()) {
        return Optional.empty();
      }
      GpuSharing.Builder result = GpuSharing.builder().strategy(strategy.get());
      if (strategy.get() == SharingStrategy.TIME_SLICING) {
        timeSlicing.ifPresent(result::timeSlicingConfig);
      } else if (strategy.get() == SharingStrategy.MPS) {
        mps.ifPresent(result::mpsConfig);
      }
      return Optional.of(result.build());
    }

    private Optional<TimeSlicingConfig> timeSlicing(Map<String, Object> timeSlicing, String kind, String path) {
      unknownFields(timeSlicing, TIME_SLICING_FIELDS, kind, path);
      Object interval = timeSlicing.get(INTERVAL);
      String intervals = oneOf(Arrays.stream(TimeSliceInterval.values()).map(TimeSliceInterval::wireName).toList());
      if (interval == null) {
        problem(Type.INTERVAL_UNKNOWN, path + "." + INTERVAL, "expected an " + INTERVAL + " (" + intervals
                + "), found none; the driver (0.4.0) dereferences it and crashes",
            "write " + INTERVAL + ": " + TimeSliceInterval.DEFAULT.wireName() + ", or remove " + TIME_SLICING_CONFIG);
        return Optional.empty();
      }
      for (TimeSliceInterval value : TimeSliceInterval.values()) {
        if (value.wireName().equals(interval)) {
          return Optional.of(TimeSlicingConfig.of(value));
        }
      }
      problem(Type.INTERVAL_UNKNOWN, path + "." + INTERVAL, "expected " + intervals + ", found '" + interval + "'",
          "intervals are case-sensitive");
      return Optional.empty();
    }

    private MpsConfig mps(Map<String, Object> mps, String kind, String path) {
      unknownFields(mps, MPS_FIELDS, kind, path);
      MpsConfig.Builder result = MpsConfig.builder();
      Object percentage = mps.get(ACTIVE_THREAD_PERCENTAGE);
      String percentagePath = path + "." + ACTIVE_THREAD_PERCENTAGE;
      String percentageHint = "write e.g. 50 for half the GPU's threads";
      if (percentage != null && !(percentage instanceof Integer || percentage instanceof Long)) {
        // the driver's decoder refuses a string or a fraction before any range is checked
        fieldType(percentagePath, "a whole number in 0..100", percentage);
      } else if (percentage != null) {
        long value = ((Number) percentage).longValue();
        if (value < 0 || value > 100) {
          problem(Type.THREAD_PERCENTAGE_RANGE, percentagePath, "expected 0..100, found " + value, percentageHint);
        } else {
          if (value == 0) {
            problem(Type.THREAD_PERCENTAGE_ZERO, percentagePath,
                "expected 1..100, found 0: the driver accepts it and every client gets no threads to run on",
                "give each client a share, e.g. 100 / replicas");
          }
          result.defaultActiveThreadPercentage((int) value);
        }
      }
      Object limit = mps.get(PINNED_MEMORY_LIMIT);
      if (limit != null && limit(String.valueOf(limit), path + "." + PINNED_MEMORY_LIMIT)) {
        result.defaultPinnedDeviceMemoryLimit(String.valueOf(limit));
      }
      Object perDevice = mps.get(PER_DEVICE_PINNED_MEMORY_LIMIT);
      if (perDevice != null && !(perDevice instanceof Map)) {
        fieldType(path + "." + PER_DEVICE_PINNED_MEMORY_LIMIT, "an object of device to quantity", perDevice);
      }
      if (perDevice instanceof Map<?, ?> limits) {
        for (Map.Entry<?, ?> entry : limits.entrySet()) {
          String key = String.valueOf(entry.getKey());
          String at = path + "." + PER_DEVICE_PINNED_MEMORY_LIMIT + "." + key;
          String text = String.valueOf(entry.getValue());
          if (deviceKey(key, at) && limit(text, at)) {
            result.putDefaultPerDevicePinnedMemoryLimit(key, text);
          }
        }
      }
      return result.build();
    }

    /** Whether a per-device key is a UUID or an index of one of the claim's devices; reports it when not. */
    private boolean deviceKey(String key, String path) {
      if (UUID.matcher(key).matches()) {
        return true;
      }
      if (!INDEX.matcher(key).matches()) {
        problem(Type.DEVICE_KEY_INVALID, path, "expected a device index or a UUID (GPU-... / MIG-...), found '"
            + key + "'", "key the limit by index (0, 1, ...) or by the device's UUID");
        return false;
      }
      if (deviceCount.isPresent() && new BigInteger(key).compareTo(BigInteger.valueOf(deviceCount.getAsLong())) >= 0) {
        problem(Type.DEVICE_KEY_INVALID, path, "expected a device index below " + deviceCount.getAsLong()
                + " (the claim's device count) or a GPU UUID, found " + key,
            "indices count the claim's devices in the order of their sorted UUIDs, from 0");
        return false;
      }
      return true;
    }

    /** Whether {@code limit} is a quantity the value type holds; reports what the driver would apply otherwise. */
    private boolean limit(String limit, String path) {
      String hint = "write a binary quantity such as 15Gi";
      Optional<BigDecimal> bytes = bytes(limit);
      if (bytes.isEmpty()) {
        problem(Type.PINNED_MEMORY_TOO_LOW, path, "expected a quantity of at least 1Mi, found '" + limit + "'", hint);
        return false;
      }
      long mib = bytes.get().divideToIntegralValue(BigDecimal.valueOf(MIB)).longValue();
      if (mib < 1) {
        problem(Type.PINNED_MEMORY_TOO_LOW, path,
            "expected at least 1Mi, found " + limit + " (the driver applies whole MiB and refuses 0)", hint);
      } else if (DECIMAL_SUFFIX.matcher(limit).matches()) {
        problem(Type.PINNED_MEMORY_DECIMAL_UNITS, path, "expected binary units (Mi, Gi), found " + limit
                + ", which the driver applies as " + mib + "M (" + mib + " MiB)",
            "write " + (mib % 1024 == 0 ? (mib / 1024) + "Gi" : mib + "Mi") + " to say what the driver applies");
      }
      return true;
    }

    private void unknownFields(Map<String, Object> object, Set<String> known, String kind, String path) {
      for (String field : object.keySet()) {
        if (known.contains(field)) {
          continue;
        }
        String hint = field.equals(TIME_SLICING_CONFIG) && kind.equals(MigDeviceConfig.KIND)
            ? "MIG slices cannot be time-sliced; remove " + TIME_SLICING_CONFIG + " (use "
                + SharingStrategy.MPS.wireName() + " to share a slice)"
            : field.equals(MULTI_USER)
                ? MPS_CONFIG + "." + MULTI_USER + " exists only in drivers after 0.4.0; remove it for 0.4.0"
                : "remove it: the driver's strict decoder rejects unknown fields at NodePrepareResources";
        problem(Type.UNKNOWN_FIELD, path.isEmpty() ? field : path + "." + field,
            "expected one of " + new TreeSet<>(known) + " in " + kind + ", found '" + field + "'", hint);
      }
    }

    private void fieldType(String path, String expected, Object found) {
      problem(Type.FIELD_TYPE, path, "expected " + expected + ", found "
              + (found instanceof String ? "the string '" + found + "'" : String.valueOf(found)),
          "the driver's decoder refuses a field of the wrong type; see the driver's GpuConfig in docs/validation.md");
    }

    private void problem(Type type, String path, String message, String hint) {
      problems.add(new NvidiaConfigProblem(type, path, message, hint));
    }
  }

  private static Optional<SharingStrategy> strategy(Object value) {
    return Arrays.stream(SharingStrategy.values()).filter(s -> s.wireName().equals(value)).findFirst();
  }

  private static String strategies() {
    return oneOf(Arrays.stream(SharingStrategy.values()).map(SharingStrategy::wireName).toList());
  }

  /** {@code a, b or c}. */
  private static String oneOf(List<String> values) {
    return values.size() == 1 ? values.get(0)
        : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
  }

  /** The bytes of a quantity both the value types and the API server accept; empty for anything else. */
  private static Optional<BigDecimal> bytes(String quantity) {
    return Quantities.bytes(quantity);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> strings(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
