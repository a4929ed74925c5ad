package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.kube.ConvertedFrom;
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
  /** Every claim and template, also those whose name another namespace's object has too. */
  private final List<ResourceClaim> claimObjects = new ArrayList<>();
  private final List<ResourceClaimTemplate> templateObjects = new ArrayList<>();
  private Map<PodGroup, String> podNamespaces;
  private List<Autoscalers.Autoscaler> autoscalers;
  private final List<Workload> workloads = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final Map<PodGroup, List<VllmContainer>> vllmContainers = new java.util.IdentityHashMap<>();
  private Map<String, String> featureGates;
  private List<PodGroup> podGroups;
  private Map<Map.Entry<String, String>, List<PodGroup>> podGroupsByLabel;
  private final Map<Map<String, String>, List<PodGroup>> podGroupsBySelector = new java.util.HashMap<>();
  private DeviceClaims deviceClaims;
  private final List<String> duplicates = new ArrayList<>();
  private final List<HasMetadata> otherResourceVersions = new ArrayList<>();
  private final List<ConvertedFrom> conversions = new ArrayList<>();
  private final io.gpushare.core.kube.KubernetesVersion kubernetesVersion;

  ValidationContext(ManifestSet set, Catalog catalog) {
    this(set, catalog, null);
  }

  /** {@code kubernetesVersion}: the release the cluster runs, or null for the current ones. */
  ValidationContext(ManifestSet set, Catalog catalog, io.gpushare.core.kube.KubernetesVersion kubernetesVersion) {
    this.kubernetesVersion = kubernetesVersion;
    this.set = set;
    this.catalog = catalog;
    java.util.Set<ObjectKey> seen = new java.util.HashSet<>();
    for (Manifest given : set.manifests()) {
      // a v1beta1 or v1beta2 claim given as a fabric8 object is judged as v1, as a read one is
      Manifest manifest = given.toResourceV1();
      HasMetadata resource = manifest.resource();
      String namespace = namespace(resource);
      if (!seen.add(new ObjectKey(resource.getApiVersion(), resource.getKind(), namespace, name(resource)))) {
        duplicates.add(resource.getKind() + "[" + Names.shown(name(resource)) + "]");
        continue; // the API server keeps one object per name: judge the first
      }
      if (manifest.convertedFrom() != null) {
        conversions.add(manifest.convertedFrom());
      }
      if (resource.getApiVersion() != null && resource.getApiVersion().startsWith("resource.k8s.io/")
          && !resource.getApiVersion().equals("resource.k8s.io/v1")) {
        otherResourceVersions.add(resource);
        continue; // no rule reads other versions (removed ones are reported)
      }
      if (resource instanceof ResourceClaim claim) {
        claims.put(name(claim), claim);
        claimObjects.add(claim);
      } else if (resource instanceof ResourceClaimTemplate template) {
        templates.put(name(template), template);
        templateObjects.add(template);
      } else if (resource instanceof Service service) {
        services.add(service);
      } else {
        Workloads.of(resource).ifPresent(workloads::add);
      }
    }
  }

  /**
   * DRA objects of an API version that is not converted to resource.k8s.io/v1 (v1alpha2, a v1alpha3
   * DeviceTaintRule, a v1beta1 ResourceSlice, ...), which no rule reads.
   */
  List<HasMetadata> otherResourceVersions() {
    return otherResourceVersions;
  }

  /** How the objects judged as v1 but written in another version map back to their source, for findings. */
  List<ConvertedFrom> conversions() {
    return conversions;
  }

  /** What makes an object one object for the API server. */
  private record ObjectKey(String apiVersion, String kind, String namespace, String name) {}

  /** {@code Kind[name]} of objects that appear more than once (same apiVersion, namespace and name). */
  List<String> duplicates() {
    return duplicates;
  }

  /** The release the set is judged for ({@link Validator#forKubernetes}), null for the current ones. */
  io.gpushare.core.kube.KubernetesVersion kubernetesVersion() {
    return kubernetesVersion;
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
    if (podGroups == null) {
      podGroups = workloads.stream().flatMap(workload -> workload.podGroups().stream()).toList();
    }
    return podGroups;
  }

  /**
   * The pod groups whose labels carry every label of {@code selector}, as a Service selects pods.
   * Indexed by label once, so that N Services over N workloads cost about N lookups, not N x N matches.
   */
  List<PodGroup> podGroupsSelectedBy(Map<String, String> selector) {
    if (selector == null || selector.isEmpty()) {
      return List.of();
    }
    return podGroupsBySelector.computeIfAbsent(new java.util.HashMap<>(selector), this::select);
  }

  private List<PodGroup> select(Map<String, String> selector) {
    if (podGroupsByLabel == null) {
      podGroupsByLabel = new java.util.HashMap<>();
      for (PodGroup pods : podGroups()) {
        for (Map.Entry<String, String> label : pods.labels().entrySet()) {
          podGroupsByLabel.computeIfAbsent(Map.entry(label.getKey(), String.valueOf(label.getValue())),
              k -> new ArrayList<>()).add(pods);
        }
      }
    }
    List<PodGroup> fewest = null;
    for (Map.Entry<String, String> label : selector.entrySet()) {
      List<PodGroup> candidates = podGroupsByLabel.getOrDefault(
          Map.entry(String.valueOf(label.getKey()), String.valueOf(label.getValue())), List.of());
      if (fewest == null || candidates.size() < fewest.size()) {
        fewest = candidates;
      }
    }
    return fewest.stream().filter(p -> p.labels().entrySet().containsAll(selector.entrySet())).toList();
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

  /** Claims and templates as one list of device claims, with what their devices are; built once. */
  DeviceClaims deviceClaims() {
    if (deviceClaims == null) {
      deviceClaims = DeviceClaims.of(claimObjects, templateObjects, catalog);
    }
    return deviceClaims;
  }

  /** The HorizontalPodAutoscalers of the set that scale one of its workloads; read once. */
  List<Autoscalers.Autoscaler> autoscalers() {
    if (autoscalers == null) {
      autoscalers = Autoscalers.of(set, workloads);
    }
    return autoscalers;
  }

  /** The autoscaler that scales the workload running these pods, when the set has one. */
  java.util.Optional<Autoscalers.Autoscaler> autoscaler(PodGroup pods) {
    return autoscalers().stream().filter(a -> a.target().podGroups().stream().anyMatch(g -> g == pods)).findFirst();
  }

  /** The namespace written in the workload that runs these pods, null when it has none. */
  String namespace(PodGroup pods) {
    if (podNamespaces == null) {
      podNamespaces = new java.util.IdentityHashMap<>();
      workloads.forEach(w -> w.podGroups().forEach(group -> podNamespaces.put(group, namespace(w.resource()))));
    }
    return podNamespaces.get(pods);
  }

  static String name(HasMetadata resource) {
    return resource.getMetadata() == null ? null : resource.getMetadata().getName();
  }

  /** The namespace written in the object, null when it has none (it lands in the one it is applied to). */
  static String namespace(HasMetadata resource) {
    return resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
  }
}
