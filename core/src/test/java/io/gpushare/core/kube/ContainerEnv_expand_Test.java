package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kubelet's {@code $(VAR)} expansion, case for case from kubernetes
 * {@code third_party/forked/golang/expansion/expand_test.go} ({@code doExpansionTest}).
 */
class ContainerEnv_expand_Test {
  private static final ContainerEnv ENV = ContainerEnv.of(List.of(new EnvVar("VAR_A", "A", null),
      new EnvVar("VAR_B", "B", null), new EnvVar("VAR_C", "C", null), new EnvVar("VAR_REF", "$(VAR_A)", null),
      new EnvVar("VAR_EMPTY", "", null)), false);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("whole string", "$(VAR_A)", "A"),
        Arguments.of("repeat", "$(VAR_A)-$(VAR_A)", "A-A"),
        Arguments.of("middle", "___$(VAR_B)___", "___B___"),
        Arguments.of("compound", "$(VAR_A)_$(VAR_B)_$(VAR_C)", "A_B_C"),
        Arguments.of("escape & expand", "$$(VAR_B)_$(VAR_A)", "$(VAR_B)_A"),
        Arguments.of("mixed in escapes", "f000-$$VAR_A", "f000-$VAR_A"),
        Arguments.of("backslash escape ignored", "foo\\$(VAR_C)bar", "foo\\Cbar"),
        Arguments.of("nested var references", "$(VAR_A$(VAR_B))", "$(VAR_A$(VAR_B))"),
        Arguments.of("value is a reference", "$(VAR_REF)", "A"),
        Arguments.of("empty var", "foo$(VAR_EMPTY)bar", "foobar"),
        Arguments.of("unterminated expression", "foo$(VAR_Awhoops!", "foo$(VAR_Awhoops!"),
        Arguments.of("shell special vars pass through", "$?_boo_$!", "$?_boo_$!"),
        Arguments.of("bare operators are ignored", "$VAR_A", "$VAR_A"),
        Arguments.of("undefined vars are passed through", "$(VAR_DNE)", "$(VAR_DNE)"),
        Arguments.of("multiple (even) operators, var undefined", "$$$$$$(BIG_MONEY)", "$$$(BIG_MONEY)"),
        Arguments.of("multiple (odd) operators, var defined", "$$$$$$$(VAR_A)", "$$$A"),
        Arguments.of("shell syntax ignored", "${VAR_A}", "${VAR_A}"),
        Arguments.of("trailing incomplete expression, no content, is not consumed", "$(VAR_C)_______$(", "C_______$("),
        Arguments.of("operator at end of input string is preserved", "$(VAR_A)foobarzab$", "Afoobarzab$"),
        Arguments.of("lots of $( in middle", "--$($($($($--", "--$($($($($--"),
        Arguments.of("escaped operators in variable names are not escaped", "$(foo$$var)", "$(foo$$var)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_expand_as_the_kubelet_does_when_the_input_is(String name, String input, String expected) {
    // GIVEN the env of expand_test.go (VAR_REF's own value expanded when it was defined, as the kubelet does)
    // WHEN
    String expanded = ENV.expand(input).text();
    // THEN
    assertThat(expanded).isEqualTo(expected);
  }

  @Test
  void should_expand_to_unknown_when_the_variable_comes_from_a_secret_or_maybe_from_envFrom() {
    // GIVEN
    ContainerEnv secret = ContainerEnv.of(List.of(new EnvVarBuilder().withName("KEY").withNewValueFrom()
        .withNewSecretKeyRef().withName("s").withKey("k").endSecretKeyRef().endValueFrom().build()), false);
    ContainerEnv envFrom = ContainerEnv.of(List.of(), true);
    // WHEN
    ContainerEnv.Expanded fromSecret = secret.expand("--api-key=$(KEY)");
    ContainerEnv.Expanded fromEnvFrom = envFrom.expand("--model=$(MODEL)");
    // THEN
    assertThat(fromSecret).isEqualTo(new ContainerEnv.Expanded("--api-key=" + ContainerEnv.UNKNOWN, true));
    assertThat(fromEnvFrom).isEqualTo(new ContainerEnv.Expanded("--model=" + ContainerEnv.UNKNOWN, true));
  }
}
