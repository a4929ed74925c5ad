package io.gpushare.core.validate;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.kube.ConvertedFrom;
import io.gpushare.core.kube.KubernetesVersion;
import io.gpushare.core.kube.ManifestSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a whole {@link ManifestSet}, generated or read from files, and reports every finding at
 * once. The rules are grouped by who would otherwise find the problem on the cluster:
 *
 * <ul>
 *   <li>the Kubernetes API server: names, limits, references between pods and claims, tolerations,
 *       selectors, ports;
 *   <li>the NVIDIA DRA driver: config kinds, strategy, interval, MPS settings, unknown fields, the
 *       feature gates the set needs;
 *   <li>the sharing budget: pods x {@code --gpu-memory-utilization} per shared GPU, rollout surge,
 *       MPS pinned memory, CUDA-context headroom;
 *   <li>capacity: model weights against the device, MIG profiles against the GPU (from the catalogs);
 *   <li>vLLM: duplicated flags, parallelism against devices, ports, image age;
 *   <li>security: literal credentials, unauthenticated LoadBalancers.
 * </ul>
 *
 * <p>The pods of every kind that carries a pod template are judged alike: Pod, Deployment,
 * ReplicaSet, ReplicationController, StatefulSet, DaemonSet, Job, CronJob and LeaderWorkerSet, each
 * counted by how many pods it runs at once.
 *
 * <p>A finding its manifest acknowledges (a spec's {@code acknowledgements()}, or the annotation
 * {@code gpushare.io/acknowledge: "CODE: reason"} on the object the finding's path names) is still
 * reported, with the reason, but does not count ({@link ValidationReport#acknowledged()}).
 *
 * <p>Every code, with a failing example and the fix, is listed in {@code docs/validation.md}. What
 * it cannot know (the cluster's DeviceClasses, the driver version installed, what the node really
 * has) is left to the API server, the driver and vLLM.
 *
 * <pre>{@code
 * ValidationReport report = Validator.standard().validate(ManifestSet.of(bundle));
 * report.hasErrors();
 * report.featureGates();  // [TimeSlicingSettings]
 * }</pre>
 *
 * <p>Capacity and image age are judged from a {@link Catalog} of GPUs and models, the built-in
 * one unless you give yours; every rule reads it from the validator, none from a default:
 *
 * <pre>{@code
 * Catalog mine = CatalogReader.standard().read(Path.of("gpus.yaml"));
 * Validator.withCatalog(Catalog.standard().with(mine)).validate(set);
 * }</pre>
 */
public final class Validator {
  private static final List<Rule> RULES = List.of(
      new DuplicateObjectsRule(), new MetadataApiRule(), new ClaimApiRule(), new ClaimNamespaceRule(), new PodApiRule(), new ServiceApiRule(), new NvidiaDriverRule(),
      new SharingBudgetRule(), new CapacityRule(), new VllmRule(), new SecurityRule(),
      new VllmMemoryRule(), new VllmParallelismRule(), new VllmPodRule(),
      new SharedClaimPlacementRule());
  private static final Validator STANDARD = new Validator(RULES, Catalog.standard(), null);

  private final List<Rule> rules;
  private final Catalog catalog;
  private final KubernetesVersion kubernetesVersion;

  private Validator(List<Rule> rules, Catalog catalog, KubernetesVersion kubernetesVersion) {
    this.rules = rules;
    this.catalog = catalog;
    this.kubernetesVersion = kubernetesVersion;
  }

  /** Every rule, with the built-in catalog. */
  public static Validator standard() {
    return STANDARD;
  }

  /**
   * Every rule, with exactly {@code catalog}: to keep the built-in GPUs and models, pass
   * {@code Catalog.standard().with(yours)}.
   */
  public static Validator withCatalog(Catalog catalog) {
    return new Validator(RULES, java.util.Objects.requireNonNull(catalog, "catalog"), null);
  }

  /**
   * This validator for a cluster of {@code version}: DRA API versions are judged by whether that
   * release serves them (a removed or not yet served one is an error, one it serves that gpushare
   * does not model is an INFO), and a pod's claim entries are read as that release reads them
   * ({@code source:} up to 1.30). Without it, by the current releases.
   *
   * <pre>{@code
   * Validator.withCatalog(catalog).forKubernetes(KubernetesVersion.of("1.32")).validate(set);
   * }</pre>
   */
  public Validator forKubernetes(KubernetesVersion version) {
    return new Validator(rules, catalog, java.util.Objects.requireNonNull(version, "version"));
  }

  /** The release this validator judges for; empty for the current ones. */
  public java.util.Optional<KubernetesVersion> kubernetesVersion() {
    return java.util.Optional.ofNullable(kubernetesVersion);
  }

  /** The GPUs and models this validator judges capacity with. */
  public Catalog catalog() {
    return catalog;
  }

  /** Single objects, judged together as one set (e.g. a claim and the Deployment that uses it). */
  public ValidationReport validate(io.fabric8.kubernetes.api.model.HasMetadata... resources) {
    java.util.List<io.gpushare.core.kube.Manifest> manifests = new java.util.ArrayList<>();
    for (io.fabric8.kubernetes.api.model.HasMetadata resource : resources) {
      manifests.add(new io.gpushare.core.kube.Manifest(resource, "objects.yaml", "object"));
    }
    return validate(ManifestSet.of(manifests));
  }

  public ValidationReport validate(ManifestSet set) {
    ValidationContext context = new ValidationContext(set, catalog, kubernetesVersion);
    Findings findings = new Findings();
    for (Rule rule : rules) {
      rule.check(context, findings);
    }
    List<Finding> judged = inSource(findings.all(), context.conversions());
    return new ValidationReport(Acknowledgements.apply(judged, set), FeatureGates.names(context));
  }

  /**
   * Rules judge v1 objects; a finding about an object written in {@code resource.k8s.io/v1beta1}
   * names its fields as the file does ({@code requests[0].deviceClassName}, not
   * {@code requests[0].exactly.deviceClassName}).
   */
  private static List<Finding> inSource(List<Finding> findings, List<ConvertedFrom> conversions) {
    if (conversions.stream().allMatch(c -> c.movedPaths().isEmpty())) {
      return findings;
    }
    List<Finding> result = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      String path = finding.path();
      String message = finding.message();
      String hint = finding.hint();
      for (ConvertedFrom conversion : conversions) {
        path = conversion.inSource(path);
        message = conversion.inSource(message);
        hint = conversion.inSource(hint);
      }
      result.add(new Finding(finding.code(), finding.severity(), path, message, hint));
    }
    return result;
  }
}
