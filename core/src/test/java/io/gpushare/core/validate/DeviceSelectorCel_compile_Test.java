package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CEL selectors judged as the API server judges them, on cases derived from Kubernetes' own tests:
 * {@code staging/src/k8s.io/dynamic-resource-allocation/cel/compile_test.go} ({@code TestCEL}, the
 * StoredExpressions environment, list-typed attributes off), {@code pkg/apis/resource/validation}
 * ({@code validation_resourceclaim_test.go} "CEL-compile-errors" and "CEL-cost",
 * {@code validation_deviceclass_test.go} "selectors", {@code validation_devicetaintrule_test.go}
 * "CEL-compile-errors"); rows named "gpushare: ..." are this project's own. A case that compiles upstream and fails only when evaluated against a device
 * (a runtime lookup error) is valid here: gpushare never evaluates. Each row: the upstream case, the
 * expression, and the headline expected (none for a valid one). 40 upstream-derived rows (32 valid, 8
 * refused), all agreeing in verdict. Every verdict agrees with upstream; the
 * messages are dev.cel's, which words a few differently from cel-go (no "Syntax error:" prefix, {@code dyn}
 * for cel-go's {@code any}, the candidate overloads listed).
 */
class DeviceSelectorCel_compile_Test {
  private static final String PATH = "ResourceClaim[c].spec.devices.requests[0].exactly.selectors[0].cel.expression";
  private static final String COMPILE = "ERROR CEL_INVALID " + PATH
      + ": expected a CEL expression over `device` the API server compiles, found compilation failed at ";

  /** validation_resourceclaim_test.go "CEL-cost", from validatingadmissionpolicy_test.go: seven nested loops of ten. */
  private static final String COSTLY = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(x, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(y,"
      + " [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(z, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(z2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"
      + ".all(z3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(z4, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(z5,"
      + " int('1'.find('[0-9]*')) < 100)))))))";

  private static Arguments valid(String upstream, String expression) {
    return Arguments.of(upstream, expression, List.of());
  }

  private static Arguments invalid(String upstream, String expression, String headline) {
    return Arguments.of(upstream, expression, List.of(headline));
  }

  static Stream<Arguments> cases() {
    String dra = "device.attributes[\"dra.example.com\"]";
    return Stream.of(
        // compile_test.go TestCEL
        valid("compile_test.go true", "true"),
        valid("compile_test.go false", "false"),
        invalid("compile_test.go syntax-error (\"Syntax error\")", "?!",
            COMPILE + "1:1: extraneous input '?' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}"),
        invalid("compile_test.go type-error (\"must evaluate to bool or the unknown type, not int\")", "1",
            "ERROR CEL_NOT_BOOL " + PATH + ": expected a CEL expression that evaluates to bool, found one of type int"),
        valid("compile_test.go runtime-error-lookup-identifier (a match error, compiles)",
            "device.attributes[\"no-such-domain\"].noSuchAttr.isGreaterThan(quantity(\"0\"))"),
        valid("compile_test.go runtime-error-lookup-map (a match error, compiles)",
            "device.attributes[\"no-such-domain\"][\"noSuchAttr\"].isGreaterThan(quantity(\"0\"))"),
        valid("compile_test.go domain-check-negative", "\"no-such-domain\" in device.attributes"),
        valid("compile_test.go domain-check-positive", "\"dra.example.com\" in device.attributes"),
        valid("compile_test.go empty-driver-name", "device.driver == \"\""),
        valid("compile_test.go real-driver-name", "device.driver == \"dra.example.com\""),
        valid("compile_test.go driver-name-qualifier", dra + ".name"),
        valid("compile_test.go driver-name-qualifier-map-lookup", dra + "[\"name\"]"),
        valid("compile_test.go bind", "cel.bind(dra, " + dra + ", dra.name)"),
        valid("compile_test.go qualified-attribute-name", "device.attributes[\"other.example.com\"].name"),
        valid("compile_test.go bool", dra + ".name"),
        valid("compile_test.go int", dra + ".name > 0"),
        valid("compile_test.go string", dra + ".name == \"fish\""),
        valid("compile_test.go list-of-semver (compiles without list-typed attributes too: an attribute is dyn)", dra + ".names.isGreaterThan(semver(\"0.0.1\"))"),
        valid("compile_test.go version", dra + ".name.isGreaterThan(semver(\"0.0.1\"))"),
        valid("compile_test.go version_v", dra + ".name.isGreaterThan(semver(\"v0.0.1\", true)) && isSemver(\"v1.0.0\", true)"),
        valid("compile_test.go quantity", "device.capacity[\"dra.example.com\"].name.isGreaterThan(quantity(\"1Ki\"))"),
        valid("compile_test.go check-positive", "\"name\" in device.capacity[\"dra.example.com\"] && "
            + "device.capacity[\"dra.example.com\"].name.isGreaterThan(quantity(\"1Ki\"))"),
        valid("compile_test.go check-negative", "!(\"name\" in device.capacity[\"dra.example.com\"]) || "
            + "device.capacity[\"dra.example.com\"].name.isGreaterThan(quantity(\"1Ki\"))"),
        valid("compile_test.go all", "\ndevice.capacity[\"dra.example.com\"].quantity.isGreaterThan(quantity(\"1Ki\")) &&\n"
            + dra + ".bool &&\n" + dra + ".int > 0 &&\n" + dra + ".string == \"fish\" &&\n"
            + dra + ".version.isGreaterThan(semver(\"0.0.1\")) &&\n"
            + "device.capacity[\"dra.example.com\"][\"quantity\"].isGreaterThan(quantity(\"1Ki\")) &&\n"
            + dra + "[\"bool\"] &&\n" + dra + "[\"int\"] > 0 &&\n" + dra + "[\"string\"] == \"fish\" &&\n"
            + dra + "[\"version\"].isGreaterThan(semver(\"0.0.1\"))\n"),
        valid("compile_test.go many", dra + ".a && " + dra + ".b && " + dra + ".c"),
        valid("compile_test.go check_attribute_domains", "device.attributes.exists_one(x, x == \"dra.example.com\")"),
        valid("compile_test.go check_attribute_ids", dra + ".exists_one(x, x == \"services\")"),
        valid("compile_test.go split_attribute", dra + ".services.split(\"example\").size() >= 2"),
        valid("compile_test.go regexp_attribute", dra + ".services.matches(\"[^a]?sym\")"),
        valid("compile_test.go check_capacity_domains", "device.capacity.exists_one(x, x == \"dra.example.com\")"),
        valid("compile_test.go check_capacity_ids", "device.capacity[\"dra.example.com\"].exists_one(x, x == \"memory\")"),
        invalid("compile_test.go expensive (estimated 85555551, over the limit: the API server refuses it)", COSTLY,
            "ERROR CEL_COST_EXCEEDED " + PATH + ": expected an estimated worst-case cost of at most 1000000 (the API"
                + " server's limit), found at least 23333331: too complex, exceeds cost limit"),
        valid("compile_test.go allow_multiple_allocations (DRAConsumableCapacity)", "device.allowMultipleAllocations == true"),
        invalid("compile_test.go includes-function-undeclared-error (\"undeclared reference to 'includes'\")",
            dra + ".name.includes(\"fish\")",
            COMPILE + "1:51: undeclared reference to 'includes' (in container '')"),
        // pkg/apis/resource/validation
        invalid("validation_deviceclass_test.go selectors (\"undeclared reference to 'noSuchVar'\" at 1:1)", "noSuchVar",
            COMPILE + "1:1: undeclared reference to 'noSuchVar' (in container '')"),
        invalid("validation_devicetaintrule_test.go CEL-compile-errors (\"found no matching overload for '_[_]'\" at 1:18)",
            "device.attributes[true].someBoolean",
            COMPILE + "1:18: found no matching overload for '_[_]' applied to '(map(string, map(string, dyn)), bool)'"
                + " (candidates: (list(%A0), int),(map(%A1, %B2), %A1))"),
        invalid("validation_resourceclaim_test.go CEL-compile-errors (\"found no matching overload for '_[_]'\" at 1:18)",
            "device.attributes[true].someBoolean",
            COMPILE + "1:18: found no matching overload for '_[_]' applied to '(map(string, map(string, dyn)), bool)'"
                + " (candidates: (list(%A0), int),(map(%A1, %B2), %A1))"),
        valid("validation_resourceclaim_test.go CEL-compile-errors (its good selector)", "device.driver == \"dra.example.com\""),
        invalid("validation_resourceclaim_test.go CEL-cost (\"too complex, exceeds cost limit\")", COSTLY,
            "ERROR CEL_COST_EXCEEDED " + PATH + ": expected an estimated worst-case cost of at most 1000000 (the API"
                + " server's limit), found at least 23333331: too complex, exceeds cost limit"),
        valid("validation_resourceclaim_test.go CEL-cost, two levels of the same loops (cheap)",
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(x, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].all(y, int('1'.find('[0-9]*')) < 100))"),
        valid("gpushare: the has and exists macros",
            "has(device.attributes.x) || device.attributes.exists(d, d == \"dra.example.com\")"),
        valid("gpushare: the Kubernetes base environment's cross-type numeric comparisons (cel-go CrossTypeNumericComparisons)",
            "device.attributes[\"dra.example.com\"].name > 0 && 1 < 1.5"),
        // the forms gpushare writes and the README shows
        valid("gpushare: DeviceSelectors.toCel productName", "device.attributes[\"gpu.nvidia.com\"].productName == \"NVIDIA L4\""),
        valid("gpushare: DeviceSelectors.toCel migProfile", "device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\"\n"),
        valid("gpushare: DeviceSelectors.toCel memoryAtLeast", "device.capacity[\"gpu.nvidia.com\"].memory.compareTo(quantity(\"40Gi\")) >= 0"),
        invalid("gpushare: a capacity is a quantity, not a bool (the docs' example)", "device.capacity[\"gpu.nvidia.com\"].memory",
            "ERROR CEL_NOT_BOOL " + PATH + ": expected a CEL expression that evaluates to bool, found one of type kubernetes.Quantity"),
        invalid("gpushare: a line break inside the expression: the position counts lines", "device.driver == \"x\" &&\n  device.nope",
            COMPILE + "2:9: undefined field 'nope'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_agree_with_the_api_server_when_compiling(String upstream, String expression, List<String> expected) {
    // GIVEN a selector's expression
    Findings findings = new Findings();

    // WHEN it is compiled in the API server's environment
    DeviceSelectorCel.check(expression, PATH, findings);

    // THEN the verdict is the upstream test's
    assertThat(findings.all()).extracting(Finding::headline).as(upstream).isEqualTo(expected);
  }
}
