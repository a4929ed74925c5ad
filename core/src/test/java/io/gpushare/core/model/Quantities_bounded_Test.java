package io.gpushare.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Issue 10: numbers are parsed with bounded grammars, never into a billion digits or an overflow. */
class Quantities_bounded_Test {
  @Test
  void should_refuse_a_decimal_when_its_exponent_is_beyond_the_bound() {
    assertThat(Quantities.decimal("1e999999999")).isEmpty();
    assertThat(Quantities.decimal("4.2e-1")).contains(new BigDecimal("4.2e-1"));
    assertThat(Quantities.decimal("1e30")).isPresent();
    assertThat(Quantities.decimal("1e31")).isEmpty();
  }

  @Test
  void should_refuse_a_quantity_when_its_exponent_would_spin_the_cpu() {
    assertThat(Quantities.isQuantity("1e500000000")).isFalse();
    assertThat(Quantities.bytes("1e500000000")).isEmpty();
    assertThat(Quantities.bytes("15Gi")).contains(new BigDecimal(15L * 1024 * 1024 * 1024));
  }

  @Test
  void should_refuse_an_int_when_it_would_overflow() {
    assertThat(Quantities.smallInt("99999999999")).isEmpty();
    assertThat(Quantities.smallInt("8000")).hasValue(8000);
  }

  @Test
  void should_refuse_an_mps_limit_at_once_when_its_exponent_is_500_million() {
    // WHEN / THEN: what the DSL's mps(50, "1e500000000") builds; fabric8 would spin the CPU for minutes
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MpsConfig.builder().defaultActiveThreadPercentage(50)
            .defaultPinnedDeviceMemoryLimit("1e500000000").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("INVALID_SPEC MpsConfig: 1 problem(s):\n  - defaultPinnedDeviceMemoryLimit must be a Kubernetes"
            + " quantity such as 15Gi, found '1e500000000'");
  }
}
