package io.gpushare.cli;

import io.gpushare.core.render.AtomicWrite;
import io.gpushare.core.yaml.ManifestFormatter;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ManifestReader;
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
 * {@code gpushare fmt PATH... [--write | --check]}: the files in gpushare's canonical style (key
 * order, indentation, quoting; comments kept, see {@link ManifestFormatter}), to stdout or, with
 * {@code --write}, in place, atomically. A file that does not parse, or that fmt cannot write
 * faithfully, is left untouched and reported.
 *
 * <pre>
 * $ gpushare fmt --write manifests/
 * formatted manifests/vllm.yaml
 * unchanged manifests/claim.yaml
 * $ gpushare fmt --check manifests/
 * would change manifests/vllm.yaml
 * </pre>
 *
 * Exit 0 when every file was formatted (with {@code --check}: every file is canonical), 1 with
 * {@code --check} when a file would change, 2 when a file was left untouched (unreadable,
 * unparsable, not writable faithfully, or not writable: read-only, several hard links); the other
 * files are still formatted.
 */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Re-emit YAML manifests in gpushare's canonical style.",
      "Exit 0: all formatted (or, with --check, all canonical); 1: with --check, a file would change;",
      "2: a file could not be read, parsed, or written faithfully."
    })
public final class FmtCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML files, or directories of *.yaml and *.yml.")
  List<String> paths;

  @Option(names = "--write", description = "Rewrite the files in place (atomically) instead of printing them.")
  boolean write;

  @Option(names = "--check", description = "Write nothing; exit 1 and name the files that fmt would change.")
  boolean check;

  static final int EXIT_WOULD_CHANGE = 1;

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
    if (write && check) {
      err.println("gpushare: --write and --check exclude each other");
      return CommandLine.ExitCode.USAGE;
    }
    boolean untouched = false;
    boolean wouldChange = false;
    boolean first = true;
    for (String file : files) {
      Path path = Path.of(file);
      String text;
      String canonical;
      try {
        text = ManifestReader.readText(path);
        // the YAML as written: each object in its own API version, every comment line kept
        canonical = ManifestFormatter.standard().format(text, file);
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
      if (check) {
        if (!canonical.equals(text)) {
          out.println("would change " + file);
          wouldChange = true;
        }
      } else if (!write) {
        if (files.size() > 1) {
          out.print((first ? "" : "---\n") + "# file: " + file + "\n");
        }
        out.print(canonical);
        first = false;
      } else if (canonical.equals(text)) {
        err.println("unchanged " + file);
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
    if (untouched) {
      return LintCommand.EXIT_UNREADABLE;
    }
    return wouldChange ? EXIT_WOULD_CHANGE : CommandLine.ExitCode.OK;
  }
}
