package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.model.ClaimScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The set's claims and per-pod templates as one list of device claims, each with a scope: what every
 * rule about claims loops over, instead of a loop for claims and another for templates. Claims come
 * first, then templates, each in the order of the set.
 *
 * <pre>
 * ResourceClaim[gpu-claim]                 SHARED   ResourceClaim[gpu-claim].spec.devices
 * ResourceClaimTemplate[gpu-per-pod]       PER_POD  ResourceClaimTemplate[gpu-per-pod].spec.spec.devices
 * </pre>
 */
final class DeviceClaims {
  private final List<DeviceClaimView> all;
  private final Map<ClaimScope, Map<String, List<DeviceClaimView>>> byName = new EnumMap<>(ClaimScope.class);

  private DeviceClaims(List<DeviceClaimView> all) {
    this.all = Collections.unmodifiableList(all);
    for (DeviceClaimView claim : all) {
      byName.computeIfAbsent(claim.scope(), k -> new LinkedHashMap<>())
          .computeIfAbsent(claim.name(), k -> new ArrayList<>()).add(claim);
    }
  }

  /** One view per claim and template, with what its devices are (read once, here). */
  static DeviceClaims of(Collection<ResourceClaim> claims, Collection<ResourceClaimTemplate> templates,
      Catalog catalog) {
    List<DeviceClaimView> all = new ArrayList<>(claims.size() + templates.size());
    for (ResourceClaim claim : claims) {
      DeviceClaim devices = claim.getSpec() == null ? null : claim.getSpec().getDevices();
      all.add(DeviceClaimView.of(ClaimScope.SHARED, claim, devices, ".spec.devices", catalog));
    }
    for (ResourceClaimTemplate template : templates) {
      var spec = template.getSpec() == null ? null : template.getSpec().getSpec();
      all.add(DeviceClaimView.of(ClaimScope.PER_POD, template, spec == null ? null : spec.getDevices(),
          ".spec.spec.devices", catalog));
    }
    return new DeviceClaims(all);
  }

  List<DeviceClaimView> all() {
    return all;
  }

  /**
   * The claim or template of that scope and name that a pod of {@code namespace} gets, when the set
   * has it. A pod only gets one of its own namespace; an object without {@code metadata.namespace}
   * lands in the namespace it is applied to, so it may be in any: one of the pod's namespace exactly
   * (both absent counts as exactly) comes first, then one where either namespace is absent; one whose
   * namespace is written and differs from the pod's written one is never returned.
   */
  Optional<DeviceClaimView> find(ClaimScope scope, String namespace, String name) {
    List<DeviceClaimView> named = named(scope, name);
    Optional<DeviceClaimView> exact = named.stream()
        .filter(claim -> Objects.equals(claim.namespace(), namespace)).findFirst();
    return exact.isPresent() ? exact
        : named.stream().filter(claim -> mayBeSame(claim.namespace(), namespace)).findFirst();
  }

  /** Every claim or template of that scope and name, whatever its namespace, in the order of the set. */
  List<DeviceClaimView> named(ClaimScope scope, String name) {
    if (name == null) {
      return List.of(); // a pod's resourceClaims entry that names no claim
    }
    return byName.getOrDefault(scope, Map.of()).getOrDefault(name, List.of());
  }

  /** Whether two objects may be in one namespace: both written and equal, or either left to kubectl. */
  static boolean mayBeSame(String namespace, String other) {
    return namespace == null || other == null || namespace.equals(other);
  }

  /** What the devices of the claim or template a pod of {@code namespace} gets are; unknown when the set does not have it. */
  ClaimDevices devices(ClaimScope scope, String namespace, String name) {
    return find(scope, namespace, name).map(DeviceClaimView::claimDevices).orElse(ClaimDevices.UNKNOWN);
  }

  /**
   * The claim a pod's {@code resourceClaims[]} entry names, for a pod of {@code namespace}: its
   * {@code resourceClaimName}, else its {@code resourceClaimTemplateName}.
   */
  Optional<DeviceClaimView> referencedBy(String namespace, String resourceClaimName,
      String resourceClaimTemplateName) {
    return resourceClaimName != null ? find(ClaimScope.SHARED, namespace, resourceClaimName)
        : find(ClaimScope.PER_POD, namespace, resourceClaimTemplateName);
  }

  /** What the devices of that entry's claim are; unknown when the set does not have it. */
  ClaimDevices devicesReferencedBy(String namespace, String resourceClaimName, String resourceClaimTemplateName) {
    return referencedBy(namespace, resourceClaimName, resourceClaimTemplateName).map(DeviceClaimView::claimDevices)
        .orElse(ClaimDevices.UNKNOWN);
  }

  /**
   * One claim or template.
   *
   * @param scope shared ({@code ResourceClaim}) or per pod ({@code ResourceClaimTemplate})
   * @param name its {@code metadata.name}
   * @param id {@code ResourceClaim[gpu-claim]}, the prefix of findings about it
   * @param devicesPath {@code ResourceClaim[gpu-claim].spec.devices} or
   *     {@code ResourceClaimTemplate[t].spec.spec.devices}
   * @param resource the object itself
   * @param devices its {@code devices}; null when it has none
   * @param claimDevices what its devices are, as far as the set says
   */
  record DeviceClaimView(ClaimScope scope, String name, String id, String devicesPath, HasMetadata resource,
      DeviceClaim devices, ClaimDevices claimDevices) {

    /** Its {@code metadata.namespace}, null when it has none. */
    String namespace() {
      return ValidationContext.namespace(resource);
    }

    static DeviceClaimView of(ClaimScope scope, HasMetadata resource, DeviceClaim devices, String devicesField,
        Catalog catalog) {
      String name = ValidationContext.name(resource);
      String id = HasMetadata.getKind(resource.getClass()) + "[" + Names.shown(name) + "]";
      return new DeviceClaimView(scope, name, id, id + devicesField, resource, devices,
          devices == null ? ClaimDevices.UNKNOWN : ClaimDevices.of(devices, catalog));
    }
  }
}
