import io.gpushare.cli.GpuShareCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code gpushare lint [--kubernetes-version X.Y] FILE} once per file, each alone, in one JVM
 * (148 JVMs took minutes), through the same command line the launcher runs. Reads lines
 * {@code FILE<TAB>VERSION} (VERSION {@code -} for none) from the file given first, and writes what each
 * lint printed (stdout, then stderr) to {@code OUTDIR/NAME.out} and its exit code to {@code OUTDIR/NAME.rc}.
 * Run by scripts/corpus-check.sh: {@code java -cp cli/target/gpushare.jar scripts/CorpusLint.java LIST OUTDIR}.
 */
public final class CorpusLint {
  private CorpusLint() {}

  public static void main(String[] args) throws Exception {
    Path outDir = Path.of(args[1]);
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t", -1);
      List<String> command = new ArrayList<>(List.of("lint"));
      if (!fields[1].equals("-")) {
        command.addAll(List.of("--kubernetes-version", fields[1]));
      }
      command.add(fields[0]);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      // only the lint subcommand: building all seven for each of the 148 files costs seconds
      int rc = GpuShareCommand.commandLineFor(command.toArray(String[]::new))
          .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
          .execute(command.toArray(String[]::new));
      String name = Path.of(fields[0]).getFileName().toString();
      Files.writeString(outDir.resolve(name + ".out"), out.toString() + err, StandardCharsets.UTF_8);
      Files.writeString(outDir.resolve(name + ".rc"), rc + "\n", StandardCharsets.UTF_8);
    }
  }
}
