package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfiguration;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraint;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest;
import io.fabric8.kubernetes.api.model.resource.v1.ExactDeviceRequest;
import io.gpushare.core.kube.DeviceSelectors;
import io.gpushare.core.kube.KubeObjects;
import io.gpushare.core.model.GpuConfig;
import io.gpushare.core.model.MigDeviceConfig;
import io.gpushare.core.model.NvidiaDeviceConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server checks on a {@code resource.k8s.io/v1} ResourceClaim or ResourceClaimTemplate
 * ({@code pkg/apis/resource/validation}): names, request and subrequest counts and names, device
 * classes, selectors, allocation modes, config entries and their references, opaque driver and
 * parameters.
 */
final class ClaimApiRule implements Rule {
  static final int MAX_REQUESTS = 32;
  static final int MAX_SUBREQUESTS = 8;
  static final int MAX_SELECTORS = 32;
  static final int MAX_CEL_LENGTH = 10 * 1024;
  static final int MAX_CONFIG = 32;
  static final int MAX_CONSTRAINTS = 32;
  static final int MAX_PARAMETERS_BYTES = 10 * 1024;
  static final int MAX_DRIVER_LENGTH = 63;
  private static final String DEVICE_CLASS_HINT = "use " + GpuConfig.DEVICE_CLASS + " for whole GPUs or "
      + MigDeviceConfig.DEVICE_CLASS + " for MIG slices";

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (DeviceClaims.DeviceClaimView claim : context.deviceClaims().all()) {
      checkName(claim.resource(), claim.id(), findings);
      checkDevices(claim.devices(), claim.devicesPath(), findings);
    }
  }

  private static void checkName(HasMetadata resource, String id, Findings findings) {
    if (ValidationContext.name(resource) == null && resource.getMetadata() != null
        && resource.getMetadata().getGenerateName() != null) {
      return; // the API server makes the name from generateName
    }
    String problem = Names.dns1123Subdomain(ValidationContext.name(resource));
    if (!problem.isEmpty()) {
      findings.add(FindingCode.INVALID_NAME, id + ".metadata.name",
          "expected " + problem + ", found " + Names.quoted(ValidationContext.name(resource)),
          "rename it, e.g. gpu-claim");
    }
  }

  private static void checkDevices(DeviceClaim devices, String path, Findings findings) {
    if (devices == null) {
      return;
    }
    List<DeviceRequest> requests = Nulls.list(devices.getRequests());
    limit(requests.size(), MAX_REQUESTS, path + ".requests", "requests", findings);
    Set<String> names = new HashSet<>();
    Set<String> references = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      DeviceRequest request = requests.get(i);
      String requestPath = path + ".requests[" + i + "]";
      requestName(request.getName(), requestPath + ".name", names, findings);
      references.add(request.getName());
      boolean exactly = request.getExactly() != null;
      boolean firstAvailable = !Nulls.list(request.getFirstAvailable()).isEmpty();
      if (exactly == firstAvailable) {
        findings.add(FindingCode.REQUEST_EXACTLY_ONE_OF, requestPath,
            "expected exactly one of `exactly` or `firstAvailable`, found " + (exactly ? "both" : "neither"),
            "use `exactly` for one kind of device, `firstAvailable` for alternatives in order of preference");
      }
      if (exactly) {
        ExactDeviceRequest exact = request.getExactly();
        checkExact(exact.getDeviceClassName(), Nulls.list(exact.getSelectors()), exact.getAllocationMode(), exact.getCount(),
            requestPath + ".exactly", findings);
      }
      List<DeviceSubRequest> subs = Nulls.list(request.getFirstAvailable());
      limit(subs.size(), MAX_SUBREQUESTS, requestPath + ".firstAvailable", "subrequests", findings);
      Set<String> subNames = new HashSet<>();
      for (int s = 0; s < subs.size(); s++) {
        DeviceSubRequest sub = subs.get(s);
        String subPath = requestPath + ".firstAvailable[" + s + "]";
        requestName(sub.getName(), subPath + ".name", subNames, findings);
        references.add(request.getName() + "/" + sub.getName());
        checkExact(sub.getDeviceClassName(), Nulls.list(sub.getSelectors()), sub.getAllocationMode(), sub.getCount(), subPath, findings);
      }
    }
    limit(Nulls.list(devices.getConstraints()).size(), MAX_CONSTRAINTS, path + ".constraints", "constraints", findings);
    for (int c = 0; c < Nulls.list(devices.getConstraints()).size(); c++) {
      DeviceConstraint constraint = Nulls.list(devices.getConstraints()).get(c);
      checkReferences(Nulls.list(constraint.getRequests()), references, path + ".constraints[" + c + "].requests", findings);
      checkConstraint(constraint, path + ".constraints[" + c + "]", findings);
    }
    List<DeviceClaimConfiguration> configs = Nulls.list(devices.getConfig());
    limit(configs.size(), MAX_CONFIG, path + ".config", "config entries", findings);
    for (int c = 0; c < configs.size(); c++) {
      DeviceClaimConfiguration config = configs.get(c);
      String configPath = path + ".config[" + c + "]";
      checkReferences(Nulls.list(config.getRequests()), references, configPath + ".requests", findings);
      if (config.getOpaque() == null) {
        findings.add(FindingCode.OPAQUE_MISSING, configPath + ".opaque",
            "expected an `opaque` configuration (the only kind there is), found none",
            "add opaque: {driver: " + NvidiaDeviceConfig.DRIVER + ", parameters: {...}} or remove the entry");
        continue;
      }
      checkOpaque(config.getOpaque().getDriver(), config.getOpaque().getParameters(), configPath + ".opaque", findings);
    }
  }

  /**
   * A constraint names the attribute its devices must share (or, with DRAConsumableCapacity, must not
   * share) as {@code domain/name}: the domain a DNS subdomain, the name a C identifier
   * ({@code validateDeviceConstraint}, {@code validateFullyQualifiedName}).
   */
  private static void checkConstraint(DeviceConstraint constraint, String path, Findings findings) {
    String match = constraint.getMatchAttribute();
    String distinct = constraint.getDistinctAttribute();
    String hint = "name the attribute with its domain, e.g. matchAttribute: " + GpuConfig.DEVICE_CLASS + "/productName";
    if (match != null && distinct != null) {
      findings.add(FindingCode.CONSTRAINT_INVALID, path,
          "expected one of matchAttribute or distinctAttribute, found both", "keep the one the constraint means");
      return;
    }
    String field = distinct != null ? "distinctAttribute" : "matchAttribute";
    String attribute = distinct != null ? distinct : match;
    if (attribute == null || attribute.isEmpty()) {
      findings.add(FindingCode.CONSTRAINT_INVALID, path + "." + field,
          "expected an attribute name of the form domain/name, found " + (attribute == null ? "none" : "an empty name"), hint);
      return;
    }
    int slash = attribute.indexOf('/');
    String domain = slash < 0 ? "" : attribute.substring(0, slash);
    String name = attribute.substring(slash + 1);
    String problem = slash < 0 ? "a domain before '/'"
        : !Names.driverName(domain).isEmpty() ? "a domain that is " + Names.driverName(domain)
            : !Names.cIdentifier(name).isEmpty() ? "a name that is " + Names.cIdentifier(name) : "";
    if (!problem.isEmpty()) {
      findings.add(FindingCode.CONSTRAINT_INVALID, path + "." + field,
          "expected an attribute name of the form domain/name with " + problem + ", found '" + attribute + "'", hint);
    }
  }

  private static void requestName(String name, String path, Set<String> seen, Findings findings) {
    String problem = Names.dns1123Label(name);
    if (!problem.isEmpty()) {
      findings.add(FindingCode.INVALID_NAME, path, "expected " + problem + ", found " + Names.quoted(name),
          "name the request like gpu or gpu-0");
    } else if (!seen.add(name)) {
      findings.add(FindingCode.DUPLICATE_NAME, path, "expected unique request names, found '" + name + "' twice",
          "give each request its own name");
    }
  }

  private static void checkExact(String deviceClassName, List<DeviceSelector> selectors, String allocationMode,
      Long count, String path, Findings findings) {
    if (deviceClassName == null || deviceClassName.isEmpty()) {
      findings.add(FindingCode.DEVICE_CLASS_MISSING, path + ".deviceClassName",
          "expected a device class, found none", DEVICE_CLASS_HINT);
    } else if (!Names.dns1123Subdomain(deviceClassName).isEmpty()) {
      findings.add(FindingCode.INVALID_NAME, path + ".deviceClassName",
          "expected " + Names.dns1123Subdomain(deviceClassName) + ", found '" + deviceClassName + "'",
          DEVICE_CLASS_HINT);
    }
    limit(selectors.size(), MAX_SELECTORS, path + ".selectors", "selectors", findings);
    for (int s = 0; s < selectors.size(); s++) {
      DeviceSelector selector = selectors.get(s);
      String expression = selector.getCel() == null ? null : selector.getCel().getExpression();
      if (expression == null || expression.isBlank()) {
        findings.add(FindingCode.CEL_MISSING, path + ".selectors[" + s + "].cel.expression",
            "expected a CEL expression, found none", "write e.g. " + DeviceSelectors.toCel(io.gpushare.core.model.DeviceSelectorSpec.productName("NVIDIA L4")));
      } else if (expression.length() > MAX_CEL_LENGTH) {
        findings.add(FindingCode.CEL_TOO_LONG, path + ".selectors[" + s + "].cel.expression",
            "expected at most " + MAX_CEL_LENGTH + " characters, found " + expression.length(),
            "split the expression into several selectors (all must match)");
      } else {
        DeviceSelectorCel.check(expression, path + ".selectors[" + s + "].cel.expression", findings);
      }
    }
    String mode = allocationMode == null || allocationMode.isEmpty() ? "ExactCount" : allocationMode;
    switch (mode) {
      case "ExactCount" -> {
        if (count != null && count < 0) {
          findings.add(FindingCode.ALLOCATION_MODE_COUNT, path + ".count",
              "expected a count greater than zero with allocationMode ExactCount, found " + count,
              "request at least one device");
        }
      }
      case "All" -> {
        if (count != null && count != 0) {
          findings.add(FindingCode.ALLOCATION_MODE_COUNT, path + ".count",
              "expected no count with allocationMode All, found " + count,
              "remove count, or use allocationMode ExactCount");
        }
      }
      default -> findings.add(FindingCode.ALLOCATION_MODE_COUNT, path + ".allocationMode",
          "expected ExactCount or All, found '" + allocationMode + "'", "use ExactCount with a count, or All");
    }
  }

  private static void checkReferences(List<String> requests, Set<String> known, String path, Findings findings) {
    limit(requests.size(), MAX_REQUESTS, path, "request references", findings);
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < requests.size(); r++) {
      String reference = requests.get(r);
      if (!seen.add(reference)) {
        findings.add(FindingCode.DUPLICATE_NAME, path + "[" + r + "]", "expected unique references, found '" + reference + "' twice",
            "list each request once");
      } else if (!known.contains(reference)) {
        findings.add(FindingCode.CONFIG_REQUEST_UNKNOWN, path + "[" + r + "]",
            "expected the name of a request in the claim (or request/subrequest), found '" + reference
                + "'; the claim has " + known.stream().filter(java.util.Objects::nonNull).sorted().toList(),
            "name one of the claim's requests, exactly as spec.devices.requests[].name spells it");
      }
    }
  }

  private static void checkOpaque(String driver, Object parameters, String path, Findings findings) {
    if (!Names.driverName(driver == null ? null : driver.toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
      findings.add(FindingCode.OPAQUE_DRIVER_INVALID, path + ".driver",
          "expected a driver name of at most " + MAX_DRIVER_LENGTH + " characters in DNS subdomain form, found "
              + Names.quoted(driver),
          "NVIDIA GPUs: driver: " + NvidiaDeviceConfig.DRIVER);
    }
    java.util.Optional<Map<String, Object>> object = KubeObjects.parametersAsMap(parameters);
    if (object.isEmpty()) {
      findings.add(FindingCode.OPAQUE_PARAMETERS_INVALID, path + ".parameters",
          "expected a JSON object, found " + jsonType(parameters),
          "write the driver's config object: apiVersion, kind and its fields");
      return;
    }
    int size = Json.upperBound(object.get()) <= MAX_PARAMETERS_BYTES ? 0 : Json.size(object.get());
    if (size > MAX_PARAMETERS_BYTES) {
      findings.add(FindingCode.OPAQUE_PARAMETERS_INVALID, path + ".parameters",
          "expected at most " + MAX_PARAMETERS_BYTES + " bytes of JSON, found " + size,
          "move shared settings into a DeviceClass config, or simplify the object");
    }
  }

  private static String jsonType(Object given) {
    // YAML read without a schema carries a scalar as a RawExtension around it: name the scalar
    Object value = given instanceof io.fabric8.kubernetes.api.model.runtime.RawExtension raw ? raw.getValue() : given;
    if (value == null) {
      return "nothing";
    }
    if (value instanceof List<?> || value.getClass().isArray()) {
      return "an array";
    }
    if (value instanceof CharSequence) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    return value instanceof Boolean ? "a boolean" : "a " + value.getClass().getSimpleName();
  }

  private static void limit(int found, int max, String path, String what, Findings findings) {
    if (found > max) {
      findings.add(FindingCode.LIMIT_EXCEEDED, path, "expected at most " + max + " " + what + ", found " + found,
          "the API server rejects more; split the claim");
    }
  }

  /** Compact JSON size, as the API server measures raw parameters. */
  static final class Json {

    private Json() {}

    /** A cheap bound on the JSON size (every character escaped as \\uXXXX), to skip serializing small objects. */
    static int upperBound(Object value) {
      if (value instanceof Map<?, ?> map) {
        int size = 2;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          size += upperBound(String.valueOf(entry.getKey())) + 2 + upperBound(entry.getValue());
        }
        return size;
      }
      if (value instanceof List<?> list) {
        int size = 2;
        for (Object item : list) {
          size += upperBound(item) + 1;
        }
        return size;
      }
      return value == null ? 4 : 6 * String.valueOf(value).length() + 2;
    }

    static int size(Object value) {
      return io.gpushare.core.kube.KubeJson.jsonSize(value);
    }
  }
}
