package io.gpushare.cli;

import io.gpushare.core.kube.ResourceApiVersion;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.render.FileChanges;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.examples.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gpushare render [--example NAME | --source CLASS [--classpath PATH]] [--out DIR]
 * [--driver-values FILE] [--resource-api-version v1|v1beta2|v1beta1]}: validates and renders an
 * example's manifests (by default the GKE time-slicing tutorial), or those of the user's own
 * {@link io.gpushare.core.render.ManifestSource} (the Maven plugin's contract: a public no-argument
 * constructor). With {@code --out}, writes {@code DIR/claim.yaml} (or {@code claim-templates.yaml})
 * and {@code DIR/vllm.yaml} atomically (all or nothing); without it, prints them to stdout as one
 * YAML stream, every document a Kubernetes object. The NVIDIA DRA driver's Helm values are written
 * only with {@code --driver-values FILE}. The claims are {@code resource.k8s.io/v1} unless
 * {@code --resource-api-version} names an older version.
 *
 * <pre>
 * $ gpushare render --out manifests --driver-values dra-driver-values.yaml
 * wrote manifests/claim.yaml
 * wrote manifests/vllm.yaml
 * wrote dra-driver-values.yaml
 * </pre>
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Validate and render an example's manifests, or those of your own ManifestSource (--source).",
      "Without --out, prints the documents to stdout; the NVIDIA DRA driver's Helm values only with --driver-values."
    })
public final class RenderCommand implements Callable<Integer> {
  private static final String DEFAULT_EXAMPLE = "timeslicing";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Write the manifest files (claim.yaml or claim-templates.yaml, vllm.yaml, or the files your"
          + " source names) into DIR (created if missing); existing files are replaced only once every file has been"
          + " written.")
  Path out;

  @Option(
      names = "--driver-values",
      paramLabel = "FILE",
      description = "Also write Helm values for the NVIDIA DRA driver chart, with exactly the feature gates the"
          + " manifests need, to FILE (e.g. dra-driver-values.yaml, outside the manifest directory); with --out,"
          + " together with the manifests, all or nothing.")
  Path driverValues;

  @Option(
      names = {"-e", "--example"},
      paramLabel = "NAME",
      description = "timeslicing (the GKE time-slicing tutorial, default), mps (the GKE MPS tutorial), mig (the GKE"
          + " dynamic MIG tutorial), exclusive (a whole GPU per pod), multi-gpu (four GPUs per pod), production (time slicing in"
          + " namespace ml with resources, probes, a cache volume, an API key and Recreate), timeslicing-corrected (the"
          + " time-slicing tutorial without its mistakes).")
  String example;

  @Option(
      names = "--source",
      paramLabel = "CLASS",
      description = "Render your own io.gpushare.core.render.ManifestSource instead of an example: the fully"
          + " qualified name of a public class with a public no-argument constructor.")
  String source;

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description = "Where --source's class and its dependencies are: jars and class directories separated by"
          + " the platform's path separator (':' on Linux and macOS, ';' on Windows).")
  String classpath;

  @Option(
      names = "--resource-api-version",
      paramLabel = "VERSION",
      defaultValue = "v1",
      description = "The resource.k8s.io version of the claims: v1 (Kubernetes 1.34 and later, default), v1beta2"
          + " (1.33) or v1beta1 (1.32). The manifests are validated as v1 either way.")
  String resourceApiVersion;

  @Override
  public Integer call() throws IOException {
    if (source != null && example != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--example and --source exclude each other: give"
          + " --example NAME to render an example, or --source CLASS to render your own");
    }
    if (source == null && classpath != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--classpath is read only with --source CLASS: add"
          + " --source with the class to render, or drop --classpath");
    }
    ResourceApiVersion version = ResourceApiVersion.of(resourceApiVersion)
        .filter(v -> v.version().equals(resourceApiVersion))
        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "Unknown resource API version '"
            + resourceApiVersion + "'; expected one of " + Arrays.stream(ResourceApiVersion.values())
                .map(ResourceApiVersion::version).toList()));
    ManifestRenderer renderer = ManifestRenderer.standard().targeting(version);
    if (source == null) {
      String id = example == null ? DEFAULT_EXAMPLE : example;
      Example chosen = Example.byId(id).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
          "Unknown example '" + id + "'; expected one of " + Example.ids()));
      return write(renderer.render(chosen.bundle()));
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (SourceLoader loader = SourceLoader.over(classpath)) {
      Thread.currentThread().setContextClassLoader(loader.classLoader());
      ManifestBundle bundle = loader.bundle(source);
      RenderedManifests rendered;
      try {
        rendered = renderer.render(bundle);
      } catch (IllegalArgumentException e) {
        // a hook of the source failed, or returned nothing
        spec.commandLine().getErr().println("gpushare: manifests not rendered: " + e.getMessage());
        return GpuShareCommand.EXIT_NOT_WRITTEN;
      }
      return write(rendered);
    } catch (SourceLoader.UnusableSource e) {
      spec.commandLine().getErr().println("gpushare: --source " + source + ": " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private int write(RenderedManifests rendered) throws IOException {
    rendered.report().findings().forEach(finding -> spec.commandLine().getErr().println(finding));
    FileChanges changes;
    if (out == null) {
      spec.commandLine().getOut().print(rendered.toYamlStream());
      spec.commandLine().getOut().flush();
      if (driverValues == null) {
        return CommandLine.ExitCode.OK;
      }
      changes = rendered.writeDriverValuesTo(driverValues);
    } else {
      changes = driverValues == null ? rendered.writeTo(out) : rendered.writeTo(out, driverValues);
    }
    changes.changed().forEach(path -> spec.commandLine().getErr().println("wrote " + path));
    changes.unchanged().forEach(path -> spec.commandLine().getErr().println("unchanged " + path));
    return CommandLine.ExitCode.OK;
  }
}
