package io.gpushare.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import io.gpushare.core.yaml.YamlRenderer;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on a set of manifests: navigate to one object, validate the whole set, or compare it
 * with expected YAML. Created by {@link GpuShareAssertions#assertThat} (or the older
 * {@link ManifestAssertions#assertThat}).
 *
 * <pre>{@code
 * assertThat(bundle).isValid().deployment("vllm-gpu").hasReplicas(2);
 * assertThat(bundle).hasNoFinding("API_KEY_MISSING");
 * assertThat(bundle).hasAcknowledgedFinding("VLLM_IMAGE_TOO_OLD", "reproduces the GKE tutorial as published");
 * assertThat(bundle).service("vllm").extracting(s -> s.getSpec().getType()).isEqualTo("ClusterIP");
 * assertThat(bundle).statefulSet("vllm").satisfies(s -> assertThat(s.getSpec().getServiceName()).isEqualTo("vllm"));
 * }</pre>
 *
 * <p>The navigation to kinds gpushare has no domain assertions for ({@link #service},
 * {@link #statefulSet}, {@link #job}, {@link #resourceClaimTemplate}) gives AssertJ's own
 * {@link ObjectAssert} on the fabric8 object: {@code extracting}, {@code satisfies},
 * {@code returns}.
 */
public final class ManifestSetAssert extends AbstractAssert<ManifestSetAssert, ManifestSet> {

  ManifestSetAssert(ManifestSet actual) {
    super(actual, ManifestSetAssert.class);
  }

  /** The {@code ResourceClaim} named {@code name}; fails, listing the claims there are, when none is. */
  public ResourceClaimAssert resourceClaim(String name) {
    return new ResourceClaimAssert(find(ResourceClaim.class, name));
  }

  /** The {@code Deployment} named {@code name}; fails, listing the Deployments there are, when none is. */
  public DeploymentAssert deployment(String name) {
    return new DeploymentAssert(find(Deployment.class, name));
  }

  /** The {@code ResourceClaimTemplate} named {@code name}; fails, listing the templates there are, when none is. */
  public ObjectAssert<ResourceClaimTemplate> resourceClaimTemplate(String name) {
    return Assertions.assertThat(find(ResourceClaimTemplate.class, name));
  }

  /** The {@code Service} named {@code name}; fails, listing the Services there are, when none is. */
  public ObjectAssert<Service> service(String name) {
    return Assertions.assertThat(find(Service.class, name));
  }

  /** The {@code StatefulSet} named {@code name}; fails, listing the StatefulSets there are, when none is. */
  public ObjectAssert<StatefulSet> statefulSet(String name) {
    return Assertions.assertThat(find(StatefulSet.class, name));
  }

  /** The {@code batch/v1} {@code Job} named {@code name}; fails, listing the Jobs there are, when none is. */
  public ObjectAssert<Job> job(String name) {
    return Assertions.assertThat(find(Job.class, name));
  }

  private <T extends HasMetadata> T find(Class<T> type, String name) {
    isNotNull();
    List<T> objects = actual.resources(type);
    for (T object : objects) {
      if (object.getMetadata() != null && name.equals(object.getMetadata().getName())) {
        return object;
      }
    }
    throw assertionError(ManifestErrors.shouldContainObject(HasMetadata.getKind(type), name,
        objects.stream().map(o -> o.getMetadata() == null ? null : o.getMetadata().getName()).toList()));
  }

  /** Expected manifests in canonical key order, so both sides are compared alike; other YAML as it is. */
  private static String canonical(String yaml) {
    try {
      var read = io.gpushare.core.yaml.ManifestReader.standard().read(yaml, "expected.yaml");
      return YamlRenderer.canonical().render(read.set().manifests().stream().map(Manifest::resource).toList());
    } catch (RuntimeException e) {
      return yaml;
    }
  }

  /** No ERROR finding from gpushare's validator but acknowledged ones; the failure lists every finding. */
  public ManifestSetAssert isValid() {
    isNotNull();
    ValidationReport report = Validator.standard().validate(actual);
    if (report.hasErrors()) {
      StringBuilder findings = new StringBuilder();
      for (Finding finding : report.findings()) {
        findings.append("  ").append(finding.headline()).append('\n');
      }
      throwAssertionError(ManifestErrors.shouldBeValid(findings.toString().stripTrailing()));
    }
    return myself;
  }

  /** A finding with this code, of any severity. */
  public ManifestSetAssert hasFinding(String code) {
    isNotNull();
    List<String> codes = Validator.standard().validate(actual).findings().stream()
        .map(f -> f.severity() + " " + f.code()).toList();
    if (codes.stream().noneMatch(c -> c.endsWith(" " + code))) {
      throwAssertionError(ManifestErrors.shouldHaveFinding(code, codes));
    }
    return myself;
  }

  /**
   * A finding with this code that the manifests acknowledge for exactly {@code reason} (a spec's
   * {@code acknowledge(code, reason)} or a {@code gpushare.io/acknowledge} annotation); the failure lists
   * the findings with the code, acknowledged or not.
   */
  public ManifestSetAssert hasAcknowledgedFinding(String code, String reason) {
    isNotNull();
    List<Finding> found = Validator.standard().validate(actual).findings().stream()
        .filter(f -> f.code().equals(code)).toList();
    if (found.stream().noneMatch(f -> f.acknowledged().filter(reason::equals).isPresent())) {
      StringBuilder findings = new StringBuilder();
      for (Finding finding : found) {
        findings.append("  ").append(finding.headline()).append('\n');
      }
      throwAssertionError(ManifestErrors.shouldHaveAcknowledgedFinding(code, reason,
          found.isEmpty() ? "  (none)" : findings.toString().stripTrailing()));
    }
    return myself;
  }

  /** No finding with this code, of any severity; the failure lists the findings with it. */
  public ManifestSetAssert hasNoFinding(String code) {
    isNotNull();
    List<Finding> found = Validator.standard().validate(actual).findings().stream()
        .filter(f -> f.code().equals(code)).toList();
    if (!found.isEmpty()) {
      StringBuilder findings = new StringBuilder();
      for (Finding finding : found) {
        findings.append("  ").append(finding.headline()).append('\n');
      }
      throwAssertionError(ManifestErrors.shouldNotHaveFinding(code, findings.toString().stripTrailing()));
    }
    return myself;
  }

  /**
   * The same documents as {@code expectedYaml}, compared as ordered trees (same keys in the same
   * order, same values and types); the failure lists each differing path.
   */
  public ManifestSetAssert isEquivalentTo(String expectedYaml) {
    isNotNull();
    List<HasMetadata> resources = actual.manifests().stream().map(Manifest::resource).toList();
    String actualYaml = YamlRenderer.canonical().render(resources);
    List<String> differences = YamlTrees.differences(canonical(expectedYaml), actualYaml);
    if (!differences.isEmpty()) {
      StringBuilder text = new StringBuilder();
      differences.forEach(d -> text.append("  ").append(d).append('\n'));
      throwAssertionError(ManifestErrors.shouldBeEquivalent(text.toString().stripTrailing()));
    }
    return myself;
  }
}
