package io.gpushare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
              .map(Path::toString)
              .sorted()
              .forEach(files::add);
        }
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
