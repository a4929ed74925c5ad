package io.gpushare.core.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.kube.ResourceApiVersion;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.validate.ValidationException;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import io.gpushare.core.yaml.YamlRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a set of manifests and renders it to YAML, one text per output file, and, apart from
 * them ({@link RenderedManifests#driverValues()}), Helm values for the NVIDIA DRA driver with exactly
 * the feature gates the set needs. A set with errors
 * (or, in {@link #strict() strict} mode, with warnings) is refused with a
 * {@link ValidationException} listing every finding, before any text is produced.
 *
 * <pre>{@code
 * RenderedManifests out = ManifestRenderer.standard().render(bundle);
 * out.text("claim.yaml");            // the ResourceClaim
 * out.writeTo(Path.of("manifests")); // claim.yaml, vllm.yaml, written atomically
 * }</pre>
 *
 * <p>It validates with {@link Validator#standard()} unless given another validator, e.g. one that
 * knows your GPUs and models:
 *
 * <pre>{@code
 * ManifestRenderer.standard().withValidator(Validator.withCatalog(Catalog.standard().with(mine))).render(bundle);
 * }</pre>
 *
 * <p>DRA objects are written as {@code resource.k8s.io/v1} (Kubernetes 1.34 and later);
 * {@link #targeting(ResourceApiVersion)} writes them in an older version for an older cluster,
 * converted at the edge after validation, which always judges the v1 objects:
 *
 * <pre>{@code
 * ManifestRenderer.standard().targeting(ResourceApiVersion.V1BETA2).render(bundle); // Kubernetes 1.33
 * }</pre>
 */
public final class ManifestRenderer {
  private static final ManifestRenderer STANDARD = new ManifestRenderer(false, Validator.standard(), ResourceApiVersion.V1);
  private static final ManifestRenderer STRICT = new ManifestRenderer(true, Validator.standard(), ResourceApiVersion.V1);

  private final boolean strict;
  private final Validator validator;
  private final ResourceApiVersion resourceApiVersion;

  private ManifestRenderer(boolean strict, Validator validator, ResourceApiVersion resourceApiVersion) {
    this.strict = strict;
    this.validator = validator;
    this.resourceApiVersion = resourceApiVersion;
  }

  /** Refuses sets with errors; warnings are kept in the result's report. */
  public static ManifestRenderer standard() {
    return STANDARD;
  }

  /** Refuses sets with errors or warnings. */
  public static ManifestRenderer strict() {
    return STRICT;
  }

  /** This renderer (standard or strict alike) validating with {@code validator} instead. */
  public ManifestRenderer withValidator(Validator validator) {
    return new ManifestRenderer(strict, java.util.Objects.requireNonNull(validator, "validator"), resourceApiVersion);
  }

  /**
   * This renderer, writing {@code ResourceClaim}s, {@code ResourceClaimTemplate}s and
   * {@code DeviceClass}es in {@code version} ({@link ResourceApiVersion#V1} by default): for
   * {@link ResourceApiVersion#V1BETA2} the documents differ only in their {@code apiVersion}.
   */
  public ManifestRenderer targeting(ResourceApiVersion version) {
    return version == resourceApiVersion ? this
        : new ManifestRenderer(strict, validator, java.util.Objects.requireNonNull(version, "version"));
  }

  public RenderedManifests render(ManifestBundle bundle) {
    return render(ManifestSet.of(bundle));
  }

  public RenderedManifests render(ManifestSet set) {
    ValidationReport report = validator.validate(set);
    if (report.blocksRendering(strict)) {
      throw new ValidationException(report);
    }
    Map<String, String> files = new LinkedHashMap<>();
    YamlRenderer yaml = YamlRenderer.canonical();
    for (String file : set.files()) {
      List<HasMetadata> resources = set.resourcesIn(file);
      if (resourceApiVersion != ResourceApiVersion.V1) {
        resources = resources.stream().map(resourceApiVersion::fromV1).toList();
      }
      files.put(file, yaml.render(resources));
    }
    return new RenderedManifests(files, report, DriverValues.render(report.featureGates()));
  }
}
