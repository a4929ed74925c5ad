package io.gpushare.cli;

import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.examples.TimeSlicingTutorial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gpushare render [--out DIR]}: validates and renders the GKE time-slicing tutorial's
 * manifests. With {@code --out}, writes {@code DIR/claim.yaml} and {@code DIR/vllm.yaml} atomically
 * (all or nothing); without it, prints them to stdout as one YAML stream.
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
      "Validate and render the GKE time-slicing tutorial: a ResourceClaim shared by two vLLM replicas.",
      "Without --out, prints the documents to stdout."
    })
public final class RenderCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description = "Write claim.yaml and vllm.yaml into DIR (created if missing); existing files are replaced only when every file could be written.")
  Path out;

  @Override
  public Integer call() throws IOException {
    RenderedManifests rendered = ManifestRenderer.standard().render(TimeSlicingTutorial.bundle());
    rendered.report().findings().forEach(finding -> spec.commandLine().getErr().println(finding));
    if (out == null) {
      spec.commandLine().getOut().print(rendered.toYamlStream());
      spec.commandLine().getOut().flush();
    } else {
      for (Path written : rendered.writeTo(out)) {
        spec.commandLine().getErr().println("wrote " + written);
      }
    }
    return CommandLine.ExitCode.OK;
  }
}
