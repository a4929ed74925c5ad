package io.gpushare.core.validate;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles and type-checks the CEL expression of a device selector as the API server does
 * ({@code staging/src/k8s.io/dynamic-resource-allocation/cel/compile.go}, {@code newCompiler} and
 * {@code CompileCELExpression}), with dev.cel: one variable {@code device} of the object type
 * {@code kubernetes.DRADevice} with {@code driver} (string), {@code attributes} (domain -> name ->
 * bool, int, string or version, hence {@code dyn}), {@code capacity} (domain -> name -> quantity) and
 * {@code allowMultipleAllocations} (bool); the Kubernetes quantity and semver functions declared by
 * their signatures, and the regex {@code find}/{@code findAll}; {@code cel.bind} and the string and
 * list extensions. The result must be a
 * bool (or {@code dyn}). Expressions are never evaluated.
 *
 * <pre>
 * selectors:
 * - cel:
 *     expression: device.attributes["gpu.nvidia.com"].productName == "NVIDIA L4"   # compiles
 * - cel:
 *     expression: device.attributes[true].productName                              # CEL_INVALID
 * </pre>
 *
 * <p>The environment is built on first use: a set without selectors never loads the CEL library.
 * dev.cel has no cost estimator: {@link CelCostFloor} bounds the cost from below, so only an expression
 * certain to exceed the API server's limit (1000000) is reported.
 */
final class DeviceSelectorCel {
  private static final String DEVICE = "device";

  private DeviceSelectorCel() {}

  /** What the API server says of an expression, apart from where it is: nothing, or one finding. */
  private record Verdict(FindingCode code, String message, String hint) {}

  /** At most this many verdicts are remembered: a directory of copies compiles each expression once. */
  private static final int REMEMBERED = 4096;
  private static final java.util.Map<String, java.util.Optional<Verdict>> VERDICTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Reports {@code expression} at {@code path} if the API server would refuse it. */
  static void check(String expression, String path, Findings findings) {
    java.util.Optional<Verdict> verdict = VERDICTS.get(expression);
    if (verdict == null) {
      try {
        verdict = verdict(expression);
      } catch (CelValidationException e) {
        throw new IllegalStateException("a compiled expression without its syntax tree: " + expression, e);
      }
      if (VERDICTS.size() < REMEMBERED) {
        VERDICTS.put(expression, verdict);
      }
    }
    verdict.ifPresent(v -> findings.add(v.code(), path, v.message(), v.hint()));
  }

  private static java.util.Optional<Verdict> verdict(String expression) throws CelValidationException {
    CelValidationResult result = Environment.COMPILER.compile(expression);
    if (result.hasError()) {
      CelIssue issue = result.getErrors().get(0);
      return java.util.Optional.of(new Verdict(FindingCode.CEL_INVALID,
          "expected a CEL expression over `device` the API server compiles, found compilation failed at "
              + position(issue) + ": " + issue.getMessage(),
          "write e.g. device.attributes[\"gpu.nvidia.com\"].productName == \"NVIDIA L4\"; `device` has driver, "
              + "attributes[domain].name and capacity[domain].name (a quantity: .compareTo(quantity(\"40Gi\")) >= 0)"));
    }
    CelAbstractSyntaxTree ast = result.getAst();
    CelType type = ast.getResultType();
    if (!type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
      return java.util.Optional.of(new Verdict(FindingCode.CEL_NOT_BOOL,
          "expected a CEL expression that evaluates to bool, found one of type " + type.name(),
          "compare the value, e.g. device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\""));
    }
    long cost = CelCostFloor.of(ast.getExpr());
    if (cost > CelCostFloor.LIMIT) {
      return java.util.Optional.of(new Verdict(FindingCode.CEL_COST_EXCEEDED,
          "expected an estimated worst-case cost of at most " + CelCostFloor.LIMIT + " (the API server's limit), found at least "
              + cost + ": too complex, exceeds cost limit",
          "iterate over fewer or smaller lists, or split the conditions into several selectors (all must match)"));
    }
    return java.util.Optional.empty();
  }

  /** line:column inside the expression, both counted from 1 as the API server prints them. */
  private static String position(CelIssue issue) {
    return issue.getSourceLocation().getLine() + ":" + (issue.getSourceLocation().getColumn() + 1);
  }

  /** The compiler, built when the first selector is checked (holder idiom). */
  private static final class Environment {
    static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");
    static final CelType SEMVER = OpaqueType.create("kubernetes.Semver");
    static final StructType DEVICE_TYPE = device();
    static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
        // cel-go's CrossTypeNumericComparisons, on in the Kubernetes base environment: 1 < 1.5 compiles
        .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(new Types())
        .addVar(DEVICE, DEVICE_TYPE)
        .addLibraries(CelExtensions.bindings(), CelExtensions.strings(), CelExtensions.lists())
        .addFunctionDeclarations(quantity())
        .addFunctionDeclarations(semver())
        .addFunctionDeclarations(regex())
        .build();

    private Environment() {}

    private static StructType device() {
      Map<String, CelType> fields = Map.of(
          "driver", SimpleType.STRING,
          "attributes", MapType.create(SimpleType.STRING, MapType.create(SimpleType.STRING, SimpleType.DYN)),
          "capacity", MapType.create(SimpleType.STRING, MapType.create(SimpleType.STRING, QUANTITY)),
          "allowMultipleAllocations", SimpleType.BOOL);
      return StructType.create("kubernetes.DRADevice", ImmutableSet.copyOf(fields.keySet()),
          name -> Optional.ofNullable(fields.get(name)));
    }

    /** {@code k8s.io/apiserver/pkg/cel/library/quantity.go}. */
    private static List<CelFunctionDecl> quantity() {
      return List.of(
          global("quantity", QUANTITY, SimpleType.STRING),
          global("isQuantity", SimpleType.BOOL, SimpleType.STRING),
          member("sign", SimpleType.INT, QUANTITY),
          member("isInteger", SimpleType.BOOL, QUANTITY),
          member("asInteger", SimpleType.INT, QUANTITY),
          member("asApproximateFloat", SimpleType.DOUBLE, QUANTITY),
          CelFunctionDecl.newFunctionDeclaration("add",
              CelOverloadDecl.newMemberOverload("quantity_add", QUANTITY, QUANTITY, QUANTITY),
              CelOverloadDecl.newMemberOverload("quantity_add_int", QUANTITY, QUANTITY, SimpleType.INT)),
          CelFunctionDecl.newFunctionDeclaration("sub",
              CelOverloadDecl.newMemberOverload("quantity_sub", QUANTITY, QUANTITY, QUANTITY),
              CelOverloadDecl.newMemberOverload("quantity_sub_int", QUANTITY, QUANTITY, SimpleType.INT)));
    }

    /** {@code k8s.io/apiserver/pkg/cel/library/semverlib.go}; the comparisons are shared with quantity. */
    private static List<CelFunctionDecl> semver() {
      return List.of(
          CelFunctionDecl.newFunctionDeclaration("semver",
              CelOverloadDecl.newGlobalOverload("string_to_semver", SEMVER, SimpleType.STRING),
              CelOverloadDecl.newGlobalOverload("string_bool_to_semver", SEMVER, SimpleType.STRING, SimpleType.BOOL)),
          CelFunctionDecl.newFunctionDeclaration("isSemver",
              CelOverloadDecl.newGlobalOverload("is_semver_string", SimpleType.BOOL, SimpleType.STRING),
              CelOverloadDecl.newGlobalOverload("is_semver_string_bool", SimpleType.BOOL, SimpleType.STRING, SimpleType.BOOL)),
          member("major", SimpleType.INT, SEMVER),
          member("minor", SimpleType.INT, SEMVER),
          member("patch", SimpleType.INT, SEMVER),
          compare("isGreaterThan", SimpleType.BOOL),
          compare("isLessThan", SimpleType.BOOL),
          compare("compareTo", SimpleType.INT));
    }

    /** {@code k8s.io/apiserver/pkg/cel/library/regex.go}. */
    private static List<CelFunctionDecl> regex() {
      CelType strings = dev.cel.common.types.ListType.create(SimpleType.STRING);
      return List.of(
          CelFunctionDecl.newFunctionDeclaration("find",
              CelOverloadDecl.newMemberOverload("string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
          CelFunctionDecl.newFunctionDeclaration("findAll",
              CelOverloadDecl.newMemberOverload("string_find_all_string", strings, SimpleType.STRING, SimpleType.STRING),
              CelOverloadDecl.newMemberOverload("string_find_all_string_int", strings, SimpleType.STRING, SimpleType.STRING, SimpleType.INT)));
    }

    private static CelFunctionDecl compare(String name, CelType result) {
      return CelFunctionDecl.newFunctionDeclaration(name,
          CelOverloadDecl.newMemberOverload("quantity_" + name, result, QUANTITY, QUANTITY),
          CelOverloadDecl.newMemberOverload("semver_" + name, result, SEMVER, SEMVER));
    }

    private static CelFunctionDecl global(String name, CelType result, CelType argument) {
      return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newGlobalOverload(name + "_" + argument.name(), result, argument));
    }

    private static CelFunctionDecl member(String name, CelType result, CelType target) {
      return CelFunctionDecl.newFunctionDeclaration(name,
          CelOverloadDecl.newMemberOverload(target.name() + "_" + name, result, target));
    }

    /** Makes {@code kubernetes.DRADevice} known to the checker. */
    private static final class Types implements CelTypeProvider {
      @Override
      public com.google.common.collect.ImmutableCollection<CelType> types() {
        return com.google.common.collect.ImmutableList.of(DEVICE_TYPE);
      }

      @Override
      public Optional<CelType> findType(String name) {
        return DEVICE_TYPE.name().equals(name) ? Optional.of(DEVICE_TYPE) : Optional.empty();
      }
    }
  }
}
