package io.gpushare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

  static String read(String file, InputStream stdin) throws IOException {
    if (file.equals(STDIN)) {
      return new String(stdin.readNBytes(io.gpushare.core.yaml.ManifestReader.MAX_BYTES + 1), StandardCharsets.UTF_8);
    }
    return null;
  }
}
