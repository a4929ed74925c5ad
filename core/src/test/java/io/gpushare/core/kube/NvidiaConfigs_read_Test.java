package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.GpuSharing;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.NvidiaDeviceConfig;
import io.gpushare.core.model.SharingStrategy;
import io.gpushare.core.model.TimeSliceInterval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NVIDIA config codec: what it writes it reads back unchanged, and what it reads leniently it
 * reports with a path. Field names and nesting follow the driver's Go types (NVIDIA k8s-dra-driver-gpu,
 * {@code api/nvidia.com/resource/v1beta1/sharing.go}: {@code GpuSharing{strategy, timeSlicingConfig,
 * mpsConfig}}, {@code MigDeviceSharing{strategy, mpsConfig}}, {@code MpsConfig{defaultActiveThreadPercentage,
 * defaultPinnedDeviceMemoryLimit, defaultPerDevicePinnedMemoryLimit}}).
 */
class NvidiaConfigs_read_Test {

  static Stream<NvidiaDeviceConfig> configs() {
    MpsConfig mps = MpsConfig.builder().defaultActiveThreadPercentage(50).defaultPinnedDeviceMemoryLimit("15Gi")
        .putDefaultPerDevicePinnedMemoryLimit("0", "10Gi").build();
    return Stream.of(
        GpuConfig.timeSlicing(TimeSliceInterval.LONG),
        GpuConfig.mps(mps),
        GpuConfig.builder().sharing(GpuSharing.builder().strategy(SharingStrategy.MPS).build()).build(),
        GpuConfig.builder().build(),
        MigDeviceConfig.mps(mps),
        MigDeviceConfig.builder().build());
  }

  @ParameterizedTest
  @MethodSource("configs")
  void should_read_back_exactly_what_it_writes_when_given_any_config(NvidiaDeviceConfig config) {
    // GIVEN
    Map<String, Object> written = NvidiaConfigCodec.write(config);
    // WHEN
    NvidiaConfigRead read = NvidiaConfigs.read(written);
    // THEN
    assertThat(read.problems()).isEmpty();
    assertThat(read.value()).contains(config);
    assertThat(NvidiaConfigCodec.write(read.value().get())).isEqualTo(written);
  }

  @Test
  void should_write_the_drivers_field_order_when_given_time_slicing() {
    // WHEN
    Map<String, Object> written = NvidiaConfigCodec.write(GpuConfig.timeSlicing(TimeSliceInterval.LONG));
    // THEN
    assertThat(written).hasToString(
        "{apiVersion=resource.nvidia.com/v1beta1, kind=GpuConfig, sharing={strategy=TimeSlicing,"
            + " timeSlicingConfig={interval=Long}}}");
  }

  @Test
  void should_read_parameters_as_a_generic_resource_when_read_from_yaml() {
    // GIVEN: what fabric8 makes of parameters that carry apiVersion and kind
    GenericKubernetesResource generic = new GenericKubernetesResource();
    generic.setApiVersion("resource.nvidia.com/v1beta1");
    generic.setKind("GpuConfig");
    generic.setAdditionalProperty("sharing", Map.of("strategy", "MPS", "mpsConfig",
        Map.of("defaultActiveThreadPercentage", 50)));
    // WHEN
    NvidiaConfigRead read = NvidiaConfigs.read(generic);
    // THEN
    assertThat(read.problems()).isEmpty();
    assertThat(read.value()).contains(GpuConfig.mps(MpsConfig.builder().defaultActiveThreadPercentage(50).build()));
    assertThat(read.mps()).contains(MpsConfig.builder().defaultActiveThreadPercentage(50).build());
  }

  @Test
  void should_keep_what_it_can_read_and_report_the_rest_when_given_case_mistakes_and_unknown_fields() {
    // GIVEN
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("apiVersion", "resource.nvidia.com/v1beta1");
    parameters.put("kind", "GpuConfig");
    parameters.put("sharing", Map.of("strategy", "mps", "mpsConfig", Map.of("multiUser", true)));
    // WHEN
    NvidiaConfigRead read = NvidiaConfigs.read(parameters);
    // THEN
    assertThat(read.value()).contains(GpuConfig.builder().build());
    assertThat(read.strategy()).isEmpty();
    assertThat(read.problems()).extracting(p -> p.type() + " " + p.path() + ": " + p.message() + " / " + p.hint())
        .containsExactlyInAnyOrder(
            "STRATEGY_UNKNOWN sharing.strategy: expected TimeSlicing or MPS, found 'mps'"
                + " / strategies are case-sensitive: write MPS",
            "UNKNOWN_FIELD sharing.mpsConfig.multiUser: expected one of [defaultActiveThreadPercentage,"
                + " defaultPerDevicePinnedMemoryLimit, defaultPinnedDeviceMemoryLimit] in GpuConfig, found 'multiUser'"
                + " / mpsConfig.multiUser exists only in drivers after 0.4.0; remove it for 0.4.0");
  }

  @Test
  void should_name_the_strategy_the_value_cannot_hold_when_a_mig_slice_is_time_sliced() {
    // GIVEN
    Map<String, Object> parameters = Map.of("apiVersion", "resource.nvidia.com/v1beta1", "kind", "MigDeviceConfig",
        "sharing", Map.of("strategy", "TimeSlicing"));
    // WHEN
    NvidiaConfigRead read = NvidiaConfigs.read(parameters);
    // THEN
    assertThat(read.value()).contains(MigDeviceConfig.builder().build());
    assertThat(read.strategy()).contains(SharingStrategy.TIME_SLICING);
    assertThat(read.problems()).extracting(NvidiaConfigProblem::type, NvidiaConfigProblem::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(NvidiaConfigProblem.Type.MIG_TIME_SLICING,
            "sharing.strategy"));
  }

  @Test
  void should_drop_limits_the_driver_refuses_and_check_indices_against_the_device_count() {
    // GIVEN
    Map<String, Object> perDevice = new LinkedHashMap<>();
    perDevice.put("0", "10Gi");
    perDevice.put("2", "10Gi");
    perDevice.put("GPU-83d857e2-7326-75a9-c355-4270d0605409", "lots");
    Map<String, Object> parameters = Map.of("apiVersion", "resource.nvidia.com/v1beta1", "kind", "GpuConfig",
        "sharing", Map.of("strategy", "MPS", "mpsConfig", Map.of("defaultActiveThreadPercentage", 150,
            "defaultPinnedDeviceMemoryLimit", "10G", "defaultPerDevicePinnedMemoryLimit", perDevice)));
    // WHEN
    NvidiaConfigRead read = NvidiaConfigs.read(parameters, OptionalLong.of(2));
    // THEN: the decimal limit is kept as written (the driver applies it, in MiB); the rest is dropped
    assertThat(read.mps()).contains(MpsConfig.builder().defaultPinnedDeviceMemoryLimit("10G")
        .putDefaultPerDevicePinnedMemoryLimit("0", "10Gi").build());
    assertThat(read.problems()).extracting(p -> p.type() + " " + p.path() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "THREAD_PERCENTAGE_RANGE sharing.mpsConfig.defaultActiveThreadPercentage: expected 0..100, found 150",
            "PINNED_MEMORY_DECIMAL_UNITS sharing.mpsConfig.defaultPinnedDeviceMemoryLimit: expected binary units"
                + " (Mi, Gi), found 10G, which the driver applies as 9536M (9536 MiB)",
            "DEVICE_KEY_INVALID sharing.mpsConfig.defaultPerDevicePinnedMemoryLimit.2: expected a device index"
                + " below 2 (the claim's device count) or a GPU UUID, found 2",
            "PINNED_MEMORY_TOO_LOW sharing.mpsConfig.defaultPerDevicePinnedMemoryLimit"
                + ".GPU-83d857e2-7326-75a9-c355-4270d0605409: expected a quantity of at least 1Mi, found 'lots'");
  }

  @Test
  void should_read_nothing_further_when_apiVersion_is_missing_or_the_parameters_are_no_object() {
    // WHEN
    NvidiaConfigRead withoutVersion = NvidiaConfigs.read(Map.of("kind", "GpuConfig", "sharing", "TimeSlicing"));
    NvidiaConfigRead array = NvidiaConfigs.read(List.of("GpuConfig"));
    // THEN
    assertThat(withoutVersion.value()).isEmpty();
    assertThat(withoutVersion.problems()).extracting(p -> p.path() + ": " + p.message())
        .containsExactly("apiVersion: expected apiVersion resource.nvidia.com/v1beta1, found nothing");
    assertThat(array.object()).isFalse();
    assertThat(array.problems()).isEmpty();
  }
}
