package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.model.DeviceSelectorSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The CEL codec of device selectors. What it writes is what the GKE guides write (the dynamic MIG
 * guide's literal block with its trailing newline included); what it recognizes is what it writes
 * plus the forms people write for the same conditions. Attribute names follow the NVIDIA driver's
 * ResourceSlices ({@code nvidia-dra-driver.md}: {@code productName}, {@code profile}, capacity
 * {@code memory} under {@code gpu.nvidia.com}).
 */
class DeviceSelectors_recognize_Test {

  @Test
  void should_write_the_cel_the_dsl_has_always_written_when_given_each_typed_selector() {
    assertThat(DeviceSelectors.toCel(DeviceSelectorSpec.productName("NVIDIA A100-SXM4-40GB")))
        .isEqualTo("device.attributes[\"gpu.nvidia.com\"].productName == \"NVIDIA A100-SXM4-40GB\"");
    assertThat(DeviceSelectors.toCel(DeviceSelectorSpec.migProfile("3g.40gb")))
        .isEqualTo("device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\"\n");
    assertThat(DeviceSelectors.toCel(DeviceSelectorSpec.memoryAtLeast("40Gi")))
        .isEqualTo("device.capacity[\"gpu.nvidia.com\"].memory.compareTo(quantity(\"40Gi\")) >= 0");
    assertThat(DeviceSelectors.toCel(DeviceSelectorSpec.cel("device.driver == \"gpu.nvidia.com\"")))
        .isEqualTo("device.driver == \"gpu.nvidia.com\"");
  }

  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of("device.attributes[\"gpu.nvidia.com\"].productName == \"NVIDIA L4\"",
            List.of(DeviceSelectorSpec.productName("NVIDIA L4"))),
        Arguments.of("device.attributes['gpu.nvidia.com'].profile == '1g.5gb'",
            List.of(DeviceSelectorSpec.migProfile("1g.5gb"))),
        Arguments.of("device.attributes[ 'gpu.nvidia.com' ].profile=='3g.40gb'\n",
            List.of(DeviceSelectorSpec.migProfile("3g.40gb"))),
        Arguments.of("device.capacity['gpu.nvidia.com'].memory.compareTo(quantity('40Gi')) > 0",
            List.of(DeviceSelectorSpec.memoryAtLeast("40Gi"))),
        Arguments.of("device.capacity[\"gpu.nvidia.com\"].memory.isGreaterThan(quantity(\"80Gi\"))",
            List.of(DeviceSelectorSpec.memoryAtLeast("80Gi"))),
        // a DeviceClass-style conjunction, as in the NVIDIA driver's demo specs
        Arguments.of("device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].type == 'mig'"
                + " && device.attributes['gpu.nvidia.com'].profile == '1g.12gb'",
            List.of(DeviceSelectorSpec.migProfile("1g.12gb"))),
        Arguments.of("(device.attributes['gpu.nvidia.com'].productName == 'NVIDIA H100 80GB HBM3')"
                + " && (device.capacity['gpu.nvidia.com'].memory.compareTo(quantity('80Gi')) >= 0)",
            List.of(DeviceSelectorSpec.productName("NVIDIA H100 80GB HBM3"), DeviceSelectorSpec.memoryAtLeast("80Gi"))),
        // either product may be allocated: nothing is certain
        Arguments.of("device.attributes['gpu.nvidia.com'].productName == 'NVIDIA L4'"
            + " || device.attributes['gpu.nvidia.com'].productName == 'NVIDIA A100-SXM4-40GB'", List.of()),
        Arguments.of("device.attributes['gpu.example.com'].productName == 'NVIDIA L4'", List.of()),
        Arguments.of("device.capacity['gpu.nvidia.com'].memory.compareTo(quantity('forty')) >= 0", List.of()),
        Arguments.of("!(device.attributes['gpu.nvidia.com'].productName == 'NVIDIA L4')", List.of()));
  }

  @ParameterizedTest
  @MethodSource("forms")
  void should_recognize_what_the_expression_certainly_says_when_given_the_forms_people_write(String expression,
      List<DeviceSelectorSpec> expected) {
    assertThat(DeviceSelectors.recognize(expression)).isEqualTo(expected);
  }

  @Test
  void should_read_back_typed_only_what_writes_back_byte_for_byte() {
    // GIVEN: the MIG guide's block (with its newline) and the same condition without it
    String block = "device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\"\n";
    String line = "device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\"";
    // WHEN / THEN
    assertThat(DeviceSelectors.fromCel(block)).isEqualTo(DeviceSelectorSpec.migProfile("3g.40gb"));
    assertThat(DeviceSelectors.fromCel(line)).isEqualTo(DeviceSelectorSpec.cel(line));
    assertThat(DeviceSelectors.toCel(DeviceSelectors.fromCel(line))).isEqualTo(line);
  }

  @Test
  void should_refuse_values_the_cel_string_could_not_hold() {
    assertThatThrownBy(() -> DeviceSelectorSpec.productName("NVIDIA \"L4\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC ProductName: 1 problem(s):\n  - productName must be non-blank text without '\"' or"
            + " '\\', found NVIDIA \"L4\"");
    assertThatThrownBy(() -> DeviceSelectorSpec.memoryAtLeast("40 GB")).isInstanceOf(IllegalArgumentException.class);
  }
}
