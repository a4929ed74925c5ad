package io.gpushare.core.render;

import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.validate.ValidationException;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import io.gpushare.core.yaml.YamlRenderer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validates a set of manifests and renders it to YAML, one text per output file, plus
 * {@code dra-driver-values.yaml}: Helm values for the NVIDIA DRA driver with exactly the feature
 * gates the set needs. A set with errors
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
 */
public final class ManifestRenderer {
  private static final ManifestRenderer STANDARD = new ManifestRenderer(false, Validator.standard());
  private static final ManifestRenderer STRICT = new ManifestRenderer(true, Validator.standard());

  private final boolean strict;
  private final Validator validator;

  private ManifestRenderer(boolean strict, Validator validator) {
    this.strict = strict;
    this.validator = validator;
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
    return new ManifestRenderer(strict, java.util.Objects.requireNonNull(validator, "validator"));
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
      files.put(file, yaml.render(set.resourcesIn(file)));
    }
    files.putIfAbsent(DriverValues.FILE, DriverValues.render(report.featureGates()));
    return new RenderedManifests(files, report);
  }
}
