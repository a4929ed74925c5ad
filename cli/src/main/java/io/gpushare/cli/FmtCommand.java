package io.gpushare.cli;

import io.gpushare.core.render.AtomicWrite;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ManifestReader;
import io.gpushare.core.yaml.ReadManifests;
import io.gpushare.core.yaml.YamlRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gpushare fmt PATH... [--write]}: the files in gpushare's canonical style (key order,
 * indentation, quoting), to stdout or, with {@code --write}, in place, atomically. A file that does
 * not parse is left untouched and reported; so is a file with comments under {@code --write}, since
 * the canonical text would drop them.
 *
 * <pre>
 * $ gpushare fmt --write manifests/
 * formatted manifests/vllm.yaml
 * unchanged manifests/claim.yaml
 * </pre>
 *
 * Exit 0 when every file was formatted, 2 when one was left untouched (unreadable, unparsable, with
 * comments, or not writable: read-only, several hard links); the other files are still formatted.
 */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Re-emit YAML manifests in gpushare's canonical style.",
      "Exit 0: all formatted; 2: a file could not be read, parsed, or (with comments) rewritten."
    })
public final class FmtCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML files, or directories of *.yaml and *.yml.")
  List<String> paths;

  @Option(names = "--write", description = "Rewrite the files in place (atomically) instead of printing them.")
  boolean write;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> files;
    try {
      files = Inputs.expand(paths);
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("gpushare: cannot list the files: " + e.getMessage());
      return LintCommand.EXIT_UNREADABLE;
    }
    boolean untouched = false;
    boolean first = true;
    for (String file : files) {
      Path path = Path.of(file);
      String text;
      String canonical;
      try {
        text = ManifestReader.readText(path);
        ReadManifests read = ManifestReader.standard().read(text, file);
        // each object in the API version the file has it in: a v1beta1 claim stays v1beta1
        canonical = YamlRenderer.canonical().render(read.asWritten(path.getFileName().toString()));
      } catch (ManifestParseException e) {
        err.println(e.getMessage() + " (left untouched)");
        untouched = true;
        continue;
      } catch (IOException e) {
        err.println(file + ": cannot read: " + e.getMessage() + " (left untouched)");
        untouched = true;
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        err.println(LintCommand.internalError(file, e) + " (left untouched)");
        untouched = true;
        continue;
      }
      if (!write) {
        if (files.size() > 1) {
          out.print((first ? "" : "---\n") + "# file: " + file + "\n");
        }
        out.print(canonical);
        first = false;
      } else if (canonical.equals(text)) {
        err.println("unchanged " + file);
      } else if (ManifestReader.hasComments(text)) {
        err.println(file + ": has comments, which the canonical text would drop (left untouched)");
        untouched = true;
      } else {
        try {
          AtomicWrite.replace(path, canonical);
          err.println("formatted " + file);
        } catch (IOException e) {
          err.println(e.getMessage() + " (left untouched)");
          untouched = true;
        }
      }
    }
    out.flush();
    err.flush();
    return untouched ? LintCommand.EXIT_UNREADABLE : CommandLine.ExitCode.OK;
  }
}
