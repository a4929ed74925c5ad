package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GpuSharing_check_Test {

  @Test
  void should_reject_mps_settings_with_time_slicing() {
    assertThatThrownBy(() -> GpuSharing.builder()
            .strategy(SharingStrategy.TIME_SLICING)
            .mpsConfig(MpsConfig.builder().defaultActiveThreadPercentage(50).build())
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC GpuSharing: 1 problem(s):\n"
            + "  - mpsConfig is only read with strategy MPS, found strategy TimeSlicing");
  }

  @Test
  void should_reject_a_thread_percentage_over_100_and_a_malformed_quantity_together() {
    assertThatThrownBy(() -> MpsConfig.builder()
            .defaultActiveThreadPercentage(101)
            .defaultPinnedDeviceMemoryLimit("15 GB")
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            INVALID_SPEC MpsConfig: 2 problem(s):
              - defaultActiveThreadPercentage must be in 0..100, found 101
              - defaultPinnedDeviceMemoryLimit must be a Kubernetes quantity such as 15Gi, found '15 GB'""");
  }

  @Test
  void should_build_time_slicing_with_its_interval() {
    GpuSharing sharing = GpuSharing.timeSlicing(TimeSliceInterval.LONG);
    assertThat(sharing.strategy()).isEqualTo(SharingStrategy.TIME_SLICING);
    assertThat(sharing.timeSlicingConfig()).map(TimeSlicingConfig::interval).contains(TimeSliceInterval.LONG);
    assertThat(sharing.mpsConfig()).isEmpty();
  }
}
