package io.gpushare.core.kube;

import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.GpuSharing;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.SharingStrategy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * NVIDIA opaque parameters read back leniently by {@link NvidiaConfigs#read}: the typed value as far
 * as it could be read, and every problem found on the way. For
 *
 * <pre>
 * parameters:
 *   apiVersion: resource.nvidia.com/v1beta1
 *   kind: GpuConfig
 *   sharing:
 *     strategy: TimeSlicing
 *     timeSlicingConfig:
 *       interval: long
 * </pre>
 *
 * the value is a {@code GpuConfig} without sharing settings it could not read, the strategy is
 * {@code TIME_SLICING}, and the one problem is {@code INTERVAL_UNKNOWN} at
 * {@code sharing.timeSlicingConfig.interval}.
 *
 * @param object whether the parameters are a JSON object at all (when not, nothing else is read)
 * @param value the {@code GpuConfig} or {@code MigDeviceConfig}, without the parts that have problems;
 *     empty when apiVersion or kind is missing or the kind is unknown
 * @param strategy the sharing strategy named, when the driver knows it, also where the value cannot
 *     hold it (time slicing on a {@code MigDeviceConfig})
 * @param problems every problem, in the order of the fields
 */
public record NvidiaConfigRead(
    boolean object, Optional<NvidiaDeviceConfig> value, Optional<SharingStrategy> strategy,
    List<NvidiaConfigProblem> problems) {
  public NvidiaConfigRead {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(strategy, "strategy");
    problems = List.copyOf(problems);
  }

  /** The sharing block of either kind: a {@code MigDeviceConfig}'s MPS settings as MPS sharing. */
  public Optional<GpuSharing> sharing() {
    if (value.orElse(null) instanceof GpuConfig gpu) {
      return gpu.sharing();
    }
    if (value.orElse(null) instanceof MigDeviceConfig mig) {
      return mig.mps().map(GpuSharing::mps);
    }
    return Optional.empty();
  }

  /** The MPS settings the driver applies: present when the strategy is MPS and they could be read. */
  public Optional<MpsConfig> mps() {
    return sharing().filter(s -> s.strategy() == SharingStrategy.MPS).flatMap(GpuSharing::mpsConfig);
  }
}
