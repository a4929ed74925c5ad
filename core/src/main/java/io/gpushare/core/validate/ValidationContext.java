package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The set being judged, indexed once for every rule: claims, templates, workloads, Services. */
final class ValidationContext {
  private final ManifestSet set;
  private final Catalog catalog;
  private final Map<String, ResourceClaim> claims = new LinkedHashMap<>();
  private final Map<String, ResourceClaimTemplate> templates = new LinkedHashMap<>();
  private final List<Workload> workloads = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final Map<String, ClaimDevices> claimDevices = new java.util.HashMap<>();
  private final Map<String, ClaimDevices> templateDevices = new java.util.HashMap<>();
  private final Map<PodGroup, List<VllmContainer>> vllmContainers = new java.util.IdentityHashMap<>();
  private Map<String, String> featureGates;
  private final List<String> duplicates = new ArrayList<>();
  private final List<HasMetadata> otherResourceVersions = new ArrayList<>();

  ValidationContext(ManifestSet set, Catalog catalog) {
    this.set = set;
    this.catalog = catalog;
    java.util.Set<ObjectKey> seen = new java.util.HashSet<>();
    for (Manifest manifest : set.manifests()) {
      HasMetadata resource = manifest.resource();
      String namespace = resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
      if (!seen.add(new ObjectKey(resource.getApiVersion(), resource.getKind(), namespace, name(resource)))) {
        duplicates.add(resource.getKind() + "[" + name(resource) + "]");
        continue; // the API server keeps one object per name: judge the first
      }
      if (resource.getApiVersion() != null && resource.getApiVersion().startsWith("resource.k8s.io/")
          && !resource.getApiVersion().equals("resource.k8s.io/v1")) {
        otherResourceVersions.add(resource);
        continue; // no rule reads other versions: it is reported, not judged as v1
      }
      if (resource instanceof ResourceClaim claim) {
        claims.put(name(claim), claim);
      } else if (resource instanceof ResourceClaimTemplate template) {
        templates.put(name(template), template);
      } else if (resource instanceof Service service) {
        services.add(service);
      } else {
        Workloads.of(resource).ifPresent(workloads::add);
      }
    }
  }

  /** DRA objects of another API version than resource.k8s.io/v1 (v1beta1, v1beta2, ...), which no rule reads. */
  List<HasMetadata> otherResourceVersions() {
    return otherResourceVersions;
  }

  /** What makes an object one object for the API server. */
  private record ObjectKey(String apiVersion, String kind, String namespace, String name) {}

  /** {@code Kind[name]} of objects that appear more than once (same apiVersion, namespace and name). */
  List<String> duplicates() {
    return duplicates;
  }

  ManifestSet set() {
    return set;
  }

  Catalog catalog() {
    return catalog;
  }

  Map<String, ResourceClaim> claims() {
    return claims;
  }

  Map<String, ResourceClaimTemplate> templates() {
    return templates;
  }

  List<Workload> workloads() {
    return workloads;
  }

  /** The pods of every workload, one group per pod template. */
  List<PodGroup> podGroups() {
    return workloads.stream().flatMap(workload -> workload.podGroups().stream()).toList();
  }

  List<Service> services() {
    return services;
  }

  /** The vLLM containers of a pod group, found once per validation. */
  List<VllmContainer> vllmContainers(PodGroup pods) {
    return vllmContainers.computeIfAbsent(pods, VllmContainer::of);
  }

  /** The driver feature gates the set needs, with the first object needing each; computed once. */
  Map<String, String> featureGates() {
    if (featureGates == null) {
      featureGates = FeatureGates.required(this);
    }
    return featureGates;
  }

  /** What the devices of a claim ({@code claim:NAME}) or template ({@code template:NAME}) are, as far as the set says. */
  ClaimDevices devicesOfClaim(String claimName) {
    return claimDevices.computeIfAbsent(claimName, k -> {
      ResourceClaim claim = claims.get(claimName);
      return claim == null || claim.getSpec() == null ? ClaimDevices.UNKNOWN
          : ClaimDevices.of(claim.getSpec().getDevices(), catalog);
    });
  }

  ClaimDevices devicesOfTemplate(String templateName) {
    return templateDevices.computeIfAbsent(templateName, k -> {
      ResourceClaimTemplate template = templates.get(templateName);
      return template == null || template.getSpec() == null || template.getSpec().getSpec() == null
          ? ClaimDevices.UNKNOWN : ClaimDevices.of(template.getSpec().getSpec().getDevices(), catalog);
    });
  }

  static String name(HasMetadata resource) {
    return resource.getMetadata() == null ? null : resource.getMetadata().getName();
  }
}
