package io.gpushare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files a command's PATH arguments name: files, every *.yaml / *.yml under directories, "-" for stdin. */
final class Inputs {
  static final String STDIN = "-";

  private Inputs() {}

  /** Paths in argument order, directories expanded in sorted order; a missing path is kept, to be reported. */
  static List<String> expand(List<String> arguments) throws IOException {
    List<String> files = new ArrayList<>();
    for (String argument : arguments) {
      Path path = Path.of(argument);
      if (!argument.equals(STDIN) && Files.isDirectory(path)) {
        io.gpushare.core.yaml.ManifestReader.yamlFilesUnder(path).forEach(p -> files.add(p.toString()));
      } else {
        files.add(argument);
      }
    }
    return files;
  }

  /** What the kustomizations in the directory arguments (and under them) produce; their files are left to it. */
  static io.gpushare.core.kustomize.KustomizedFiles kustomized(List<String> arguments) throws IOException {
    List<io.gpushare.core.kustomize.KustomizedFiles> all = new ArrayList<>();
    for (String argument : arguments) {
      if (!argument.equals(STDIN) && Files.isDirectory(Path.of(argument))) {
        all.add(io.gpushare.core.kustomize.KustomizationReader.standard().readTree(Path.of(argument)));
      }
    }
    return io.gpushare.core.kustomize.KustomizedFiles.combine(all);
  }

  /** The name stdin gets in messages and output. */
  static final String STDIN_NAME = "<stdin>";

  /** The display name of an input: {@code <stdin>} for {@code -}. */
  static String name(String file) {
    return file.equals(STDIN) ? STDIN_NAME : file;
  }

  /** The text of a file or of stdin, read once and bounded (size, UTF-8) by the manifest reader. */
  static String read(String file, InputStream stdin) throws IOException {
    return file.equals(STDIN) ? io.gpushare.core.yaml.ManifestReader.readText(stdin, STDIN_NAME)
        : io.gpushare.core.yaml.ManifestReader.readText(Path.of(file));
  }
}
