package io.gpushare.cli;

import io.gpushare.core.render.FileChanges;
import io.gpushare.core.kube.ResourceApiVersion;
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
 * {@code gpushare render [--example NAME] [--out DIR] [--resource-api-version v1|v1beta2|v1beta1]}:
 * validates and renders an example's manifests (by default the GKE time-slicing tutorial) and the
 * NVIDIA DRA driver's Helm values. With {@code --out}, writes {@code DIR/claim.yaml} (or
 * {@code claim-templates.yaml}), {@code DIR/vllm.yaml} and {@code DIR/dra-driver-values.yaml}
 * atomically (all or nothing); without it, prints them to stdout as one YAML stream. The claims are
 * {@code resource.k8s.io/v1} unless {@code --resource-api-version} names an older version.
 *
 * <pre>
 * $ gpushare render --out manifests
 * wrote manifests/claim.yaml
 * wrote manifests/vllm.yaml
 * </pre>
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Validate and render an example's manifests and the NVIDIA DRA driver's Helm values.",
      "Without --out, prints the documents to stdout."
    })
public final class RenderCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Write the example's files (claim.yaml or claim-templates.yaml, vllm.yaml, dra-driver-values.yaml)"
          + " into DIR (created if missing); existing files are replaced only once every file has been written.")
  Path out;

  @Option(
      names = {"-e", "--example"},
      paramLabel = "NAME",
      defaultValue = "timeslicing",
      description = "timeslicing (the GKE time-slicing tutorial, default), mps (the GKE MPS tutorial), mig (the GKE"
          + " dynamic MIG tutorial), exclusive (a whole GPU per pod), multi-gpu (four GPUs per pod), production (time slicing in"
          + " namespace ml with resources, probes, a cache volume, an API key and Recreate).")
  String example;

  @Option(
      names = "--resource-api-version",
      paramLabel = "VERSION",
      defaultValue = "v1",
      description = "The resource.k8s.io version of the claims: v1 (Kubernetes 1.34 and later, default), v1beta2"
          + " (1.33) or v1beta1 (1.32). The manifests are validated as v1 either way.")
  String resourceApiVersion;

  @Override
  public Integer call() throws IOException {
    Example chosen = Example.byId(example).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "Unknown example '" + example + "'; expected one of " + Example.ids()));
    ResourceApiVersion version = ResourceApiVersion.of(resourceApiVersion)
        .filter(v -> v.version().equals(resourceApiVersion))
        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "Unknown resource API version '"
            + resourceApiVersion + "'; expected one of " + Arrays.stream(ResourceApiVersion.values())
                .map(ResourceApiVersion::version).toList()));
    RenderedManifests rendered = ManifestRenderer.standard().targeting(version).render(chosen.bundle());
    rendered.report().findings().forEach(finding -> spec.commandLine().getErr().println(finding));
    if (out == null) {
      spec.commandLine().getOut().print(rendered.toYamlStream());
      spec.commandLine().getOut().flush();
    } else {
      FileChanges changes = rendered.writeTo(out);
      changes.changed().forEach(path -> spec.commandLine().getErr().println("wrote " + path));
      changes.unchanged().forEach(path -> spec.commandLine().getErr().println("unchanged " + path));
    }
    return CommandLine.ExitCode.OK;
  }
}
