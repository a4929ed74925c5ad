package io.gpushare.maven;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.CatalogParseException;
import io.gpushare.core.catalog.CatalogReader;
import io.gpushare.core.kube.KubernetesVersion;
import io.gpushare.core.kustomize.JudgedSets;
import io.gpushare.core.kustomize.KustomizationReader;
import io.gpushare.core.kustomize.KustomizedFiles;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.Severity;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ManifestReader;
import io.gpushare.core.yaml.ReadManifests;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code gpushare:lint}: validates every {@code *.yaml} and {@code *.yml} file under
 * {@code directories} (default {@code src/main/k8s}) with every gpushare rule, across files, and
 * kustomize-aware as {@code gpushare lint} is (each kustomization's resources with their patches applied,
 * overlays of one base judged apart), and fails the build listing every finding when there is an error (or, with {@code strict}, a warning).
 * {@code catalogs} lists YAML catalogs of your own GPUs and models, laid over the built-in one in
 * order (see {@link CatalogReader}); one that cannot be read fails the build before anything is
 * linted. {@code kubernetesVersion} (e.g. {@code 1.32}) judges DRA API versions by the release the
 * cluster runs ({@link Validator#forKubernetes}).
 *
 * <pre>
 * [ERROR] gpushare: src/main/k8s/claim.yaml:1: ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of ...
 * </pre>
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends GpuShareMojo {

  /** Directories of YAML manifests; default src/main/k8s. */
  @Parameter
  List<File> directories = new ArrayList<>();

  /** YAML catalogs of your GPUs and models, laid over the built-in one; later files win. */
  @Parameter
  List<File> catalogs = new ArrayList<>();

  /**
   * The Kubernetes minor release the cluster runs (e.g. 1.32): DRA API versions and pod claim entries are
   * judged by what it serves; by default, by the current releases.
   */
  @Parameter(property = "gpushare.kubernetesVersion")
  String kubernetesVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("gpushare: lint skipped (gpushare.skip)");
      return;
    }
    KubernetesVersion target = target();
    Catalog catalog = catalog();
    List<File> roots = directories.isEmpty() ? List.of(new File(project.getBasedir(), "src/main/k8s")) : directories;
    List<Path> files = new ArrayList<>();
    List<KustomizedFiles> kustomizations = new ArrayList<>();
    for (File root : roots) {
      if (!root.isDirectory()) {
        if (directories.isEmpty()) {
          getLog().info("gpushare: no directory " + root + ", nothing to lint there");
        } else {
          getLog().warn("gpushare: the configured directory " + root + " does not exist; nothing linted there");
        }
        continue;
      }
      try {
        files.addAll(ManifestReader.yamlFilesUnder(root.toPath()));
        kustomizations.add(KustomizationReader.standard().readTree(root.toPath()));
      } catch (IOException e) {
        throw new MojoExecutionException("gpushare: cannot list " + root + ": " + e.getMessage(), e);
      }
    }
    // as gpushare lint does: a file a kustomization reads is left to it (a patch is a partial object,
    // judged merged into its target), and overlays built apart are judged apart
    KustomizedFiles kustomized = KustomizedFiles.combine(kustomizations);
    List<ReadManifests> reads = new ArrayList<>();
    int unreadable = 0;
    for (Path file : files) {
      if (kustomized.consumes(file)) {
        continue;
      }
      try {
        String text = ManifestReader.readText(file);
        // every file here was found in a directory: YAML that is no Kubernetes object is skipped,
        // decided from the one parse that reads the objects
        var read = ManifestReader.standard().readOrSkip(text, file.toString());
        if (read.skipped().isPresent()) {
          getLog().info("gpushare: " + file + ":1: " + read.skipped().get().headline());
          continue;
        }
        read.read().ifPresent(reads::add);
      } catch (ManifestParseException e) {
        getLog().error("gpushare: " + e.getMessage());
        unreadable++;
      } catch (IOException e) {
        getLog().error("gpushare: " + file + ": cannot read: " + e.getMessage());
        unreadable++;
      } catch (RuntimeException | StackOverflowError e) {
        // as gpushare lint: a defect of the reader is one unreadable file, not a stack trace of the build
        getLog().error(internalError(file.toString(), e));
        unreadable++;
      }
    }
    List<ReadManifests> loose = List.copyOf(reads);
    reads.addAll(kustomized.reads());
    for (Finding finding : kustomized.findings()) {
      log(finding.path() + ":1", finding);
    }
    for (ManifestParseException e : kustomized.unreadable()) {
      getLog().error("gpushare: " + e.getMessage());
      unreadable++;
    }
    ReadManifests all = ReadManifests.combine(reads);
    Validator base = Validator.withCatalog(catalog);
    Validator validator = target == null ? base : base.forKubernetes(target);
    JudgedSets judged;
    try {
      judged = JudgedSets.judge(kustomized.setsToJudge(all, loose), all, validator);
    } catch (RuntimeException | StackOverflowError e) {
      // as gpushare lint: a defect of the rules is reported as one, not as a stack trace of the build
      throw new MojoExecutionException(internalError("the files together", e), e);
    }
    ValidationReport report = judged.report();
    for (Finding finding : report.findings()) {
      log(judged.location(finding), finding);
    }
    getLog().info("gpushare: " + report.summary() + " in " + files.size() + " file(s)");
    if (unreadable > 0) {
      throw new MojoFailureException("gpushare: " + unreadable + " file(s) could not be read or parsed");
    }
    if (report.blocksRendering(strict)) {
      throw new MojoFailureException("gpushare: lint found " + report.summary()
          + (strict ? " (strict: warnings fail too)" : ""));
    }
  }

  /** What a defect of gpushare says instead of a stack trace, as {@code gpushare lint} says it. */
  private static String internalError(String where, Throwable e) {
    return "gpushare: internal error on " + where + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + " (please report)";
  }

  /** One finding at its file and line, at the build log's level of its severity (acknowledged: info). */
  private void log(String location, Finding finding) {
    String line = "gpushare: " + location + ": " + finding.headline();
    if (finding.isAcknowledged()) {
      getLog().info(line); // reported with its reason, fails nothing
    } else if (finding.severity() == Severity.ERROR) {
      getLog().error(line);
      getLog().error("  hint: " + finding.hint());
    } else if (finding.severity() == Severity.WARNING) {
      getLog().warn(line);
    } else {
      getLog().info(line);
    }
  }

  /** The release of {@code kubernetesVersion}, null without it; a malformed one fails the build. */
  private KubernetesVersion target() throws MojoExecutionException {
    if (kubernetesVersion == null) {
      return null;
    }
    try {
      return KubernetesVersion.of(kubernetesVersion);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("gpushare: kubernetesVersion: " + e.getMessage());
    }
  }

  /** The built-in catalog with each of {@code catalogs} over it. */
  private Catalog catalog() throws MojoFailureException {
    Catalog catalog = Catalog.standard();
    for (File file : catalogs) {
      try {
        catalog = catalog.with(CatalogReader.standard().read(file.toPath()));
      } catch (CatalogParseException e) {
        throw new MojoFailureException("gpushare: catalog " + e.getMessage());
      } catch (IOException e) {
        throw new MojoFailureException("gpushare: catalog " + file + ": cannot read: " + e.getMessage());
      }
    }
    return catalog;
  }
}
