package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimBuilder;
import io.gpushare.core.catalog.Catalog;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What CUDA reports inside a claimed device or MIG slice: the total vLLM's fraction multiplies. */
class ClaimDevices_cudaTotalBytes_Test {
  private static final long MIB = 1024L * 1024;
  private static final String PRODUCT = "device.attributes[\"gpu.nvidia.com\"].productName == ";
  private static final String PROFILE = "device.attributes[\"gpu.nvidia.com\"].profile == ";

  static Stream<Arguments> claims() {
    return Stream.of(
        // vLLM logs total_gpu_memory 79.19 GiB on an H100 80GB (calibration.tsv)
        Arguments.of("a whole H100", claim("gpu.nvidia.com", PRODUCT + "\"NVIDIA H100 80GB HBM3\""),
            OptionalLong.of(81090 * MIB), false),
        // nvidia-smi mig -lgip on an H100: 3g.40gb is 39.50 GiB
        Arguments.of("a 3g.40gb slice of an H100", claim("mig.nvidia.com", PRODUCT + "\"NVIDIA H100 80GB HBM3\"",
            PROFILE + "\"3g.40gb\""), OptionalLong.of(40448 * MIB), true),
        // the A100 80GB's 3g.40gb (39.25 GiB) is the smaller of the GPUs that have the profile
        Arguments.of("a 3g.40gb slice of any GPU", claim("mig.nvidia.com", PROFILE + "\"3g.40gb\""),
            OptionalLong.of(40192 * MIB), true),
        Arguments.of("a profile no GPU has", claim("mig.nvidia.com", PROFILE + "\"3g.30gb\""),
            OptionalLong.of(29952 * MIB), true),
        Arguments.of("at least 40Gi", claim("gpu.nvidia.com",
                "device.capacity[\"gpu.nvidia.com\"].memory.compareTo(quantity(\"40Gi\")) >= 0"),
            OptionalLong.of(40491 * MIB), false),
        Arguments.of("any GPU", claim("gpu.nvidia.com"), OptionalLong.empty(), false),
        Arguments.of("any MIG slice", claim("mig.nvidia.com"), OptionalLong.empty(), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("claims")
  void should_give_the_cuda_total_when_the_claim_says_enough(String name, DeviceClaim claim, OptionalLong total,
      boolean mig) {
    // WHEN
    ClaimDevices devices = ClaimDevices.of(claim, Catalog.standard());
    // THEN
    assertThat(devices.cudaTotalBytes(null)).isEqualTo(total);
    assertThat(devices.cudaTotalBytes("gpu")).isEqualTo(total);
    assertThat(devices.migSlices("gpu")).isEqualTo(mig);
    assertThat(devices.migSlices(null)).isEqualTo(mig);
  }

  private static DeviceClaim claim(String deviceClass, String... selectors) {
    var exactly = new DeviceClaimBuilder().addNewRequest().withName("gpu").withNewExactly()
        .withDeviceClassName(deviceClass);
    for (String selector : selectors) {
      exactly.addToSelectors(Validator_rules_Test.cel(selector));
    }
    return exactly.endExactly().endRequest().build();
  }
}
