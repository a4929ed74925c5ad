package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.nodes.Tag;

class KubernetesScalars_tagOf_Test {

  // Sources: go-yaml v2 resolve.go resolve() (the fork sigs.k8s.io/yaml/goyaml.v2 is v2.4.0): the
  // resolveMap (y/Y/yes/on/off... booleans in v2; ~/null; .inf/.nan), then for a sign or digit
  // strconv.ParseInt(plain, 0, 64) with "_" removed (Go's base 0: 0x, 0b, 0o, and a leading 0 is
  // octal), ParseUint, then yamlStyleFloat with ParseFloat (out of range is not a float); "Base 60
  // floats ... are purposefully unsupported". Cases from decode_test.go's unmarshalTests ("v: 0b10"
  // -> 2, "v: 0xA" -> 10, "v: 4294967296", "v: .1", "v: -.Inf", "v: 6.8523e+5") and the issue's
  // reproducers (12:30:00, 012, 0o12).
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "12:30:00 | str",
    "190:20:30 | str",
    "2001-12-14 | str",
    "''       | null",
    "~        | null",
    "null     | null",
    "NULL     | null",
    "y        | bool",
    "N        | bool",
    "yes      | bool",
    "off      | bool",
    "True     | bool",
    "10       | int",
    "-10      | int",
    "+10      | int",
    "012      | int",
    "0o12     | int",
    "0b10     | int",
    "-0b101   | int",
    "0xA      | int",
    "1_000    | int",
    "4294967296 | int",
    "18446744073709551615 | int",
    "0xFFFFFFFFFFFFFFFFFF | str",
    "08       | float",
    "0.1      | float",
    ".1       | float",
    "1e3      | float",
    "6.8523e+5 | float",
    "99999999999999999999 | float",
    "1e999    | str",
    "-.Inf    | float",
    ".nan     | float",
    "0o8      | str",
    "0x       | str",
    "+        | str",
    "1.2.3    | str",
    "v1       | str",
    "16GB     | str",
    "<<       | merge",
  })
  void should_resolve_a_plain_scalar_as_go_yaml_v2_does_when_given_the_scalar(String scalar, String expected) {
    // GIVEN a plain scalar as Kubernetes' YAML reader meets it
    // WHEN it is resolved
    Tag tag = KubernetesScalars.tagOf(scalar);
    // THEN it has the type go-yaml v2 gives it
    assertThat(tag.getValue()).isEqualTo(Tag.PREFIX + expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "012 | 10",
    "0o12 | 10",
    "0b10 | 2",
    "0xA | 10",
    "-0b101 | -5",
    "1_000 | 1000",
    "0 | 0",
    "9223372036854775807 | 9223372036854775807",
    "18446744073709551615 | 18446744073709551615",
  })
  void should_read_the_integer_go_parses_when_given_a_base_prefixed_integer(String scalar, String expected) {
    // GIVEN an integer scalar (decode_test.go: "v: 0b10" is 2, "v: 0xA" is 10)
    // WHEN its value is parsed with Go's base-0 rules
    Number value = KubernetesScalars.integer(scalar.replace("_", ""));
    // THEN it is the integer Go reads
    assertThat(new BigInteger(value.toString())).isEqualTo(new BigInteger(expected));
  }
}
