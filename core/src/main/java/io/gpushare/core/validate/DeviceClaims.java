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
  private final Map<ClaimScope, Map<String, DeviceClaimView>> byName = new EnumMap<>(ClaimScope.class);

  private DeviceClaims(List<DeviceClaimView> all) {
    this.all = Collections.unmodifiableList(all);
    for (DeviceClaimView claim : all) {
      byName.computeIfAbsent(claim.scope(), k -> new LinkedHashMap<>()).putIfAbsent(claim.name(), claim);
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

  /** The claim or template of that scope and name, when the set has it. */
  Optional<DeviceClaimView> find(ClaimScope scope, String name) {
    if (name == null) {
      return Optional.empty(); // a pod's resourceClaims entry that names no claim
    }
    return Optional.ofNullable(byName.getOrDefault(scope, Map.of()).get(name));
  }

  /** What the devices of the claim or template of that scope and name are; unknown when the set does not have it. */
  ClaimDevices devices(ClaimScope scope, String name) {
    return find(scope, name).map(DeviceClaimView::claimDevices).orElse(ClaimDevices.UNKNOWN);
  }

  /**
   * The claim a pod's {@code resourceClaims[]} entry names: its {@code resourceClaimName}, else its
   * {@code resourceClaimTemplateName}.
   */
  Optional<DeviceClaimView> referencedBy(String resourceClaimName, String resourceClaimTemplateName) {
    return resourceClaimName != null ? find(ClaimScope.SHARED, resourceClaimName)
        : find(ClaimScope.PER_POD, resourceClaimTemplateName);
  }

  /** What the devices of that entry's claim are; unknown when the set does not have it. */
  ClaimDevices devicesReferencedBy(String resourceClaimName, String resourceClaimTemplateName) {
    return referencedBy(resourceClaimName, resourceClaimTemplateName).map(DeviceClaimView::claimDevices)
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

    static DeviceClaimView of(ClaimScope scope, HasMetadata resource, DeviceClaim devices, String devicesField,
        Catalog catalog) {
      String name = ValidationContext.name(resource);
      String id = HasMetadata.getKind(resource.getClass()) + "[" + Names.shown(name) + "]";
      return new DeviceClaimView(scope, name, id, id + devicesField, resource, devices,
          devices == null ? ClaimDevices.UNKNOWN : ClaimDevices.of(devices, catalog));
    }
  }
}
