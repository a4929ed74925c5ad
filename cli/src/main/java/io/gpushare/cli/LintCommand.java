package io.gpushare.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.kube.KubernetesVersion;
import io.gpushare.core.kustomize.JudgedSets;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.Severity;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import io.gpushare.core.yaml.FileRead;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ManifestReader;
import io.gpushare.core.yaml.ReadManifests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gpushare lint PATH... [--catalog FILE]... [--format text|json|sarif] [--color WHEN] [--strict]
 * [--kubernetes-version X.Y]}: the full
 * validator over every manifest given, together (the claim in one file, the Deployment in another),
 * with the built-in GPU and model catalog and the catalog files given laid over it.
 *
 * <pre>
 * $ gpushare lint manifests/
 * manifests/vllm.yaml:5: WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update ...
 *   hint: the new pod cannot start while the old ones hold the GPU; set spec.strategy.type: Recreate, ...
 * 0 errors, 4 warnings, 0 infos in 2 files
 * </pre>
 *
 * Each finding is one line, then its hint on an indented second line ({@code   hint: ...}); on a
 * terminal the severity is coloured ({@link Colors}: {@code --color=auto|always|never}, {@code NO_COLOR}).
 * {@code --format json} writes the documented JSON, {@code --format sarif} a SARIF 2.1.0 log ({@link Sarif}).
 *
 * A finding the manifests acknowledge (annotation {@code gpushare.io/acknowledge: "CODE: reason"} on the
 * object its path names) is printed as {@code ERROR (acknowledged: reason) CODE ...}, counted apart
 * ({@code 0 errors, 2 warnings, 0 infos, 1 acknowledged in 2 files}) and fails nothing.
 *
 * Exit 0 without errors, 1 with an error (or, with {@code --strict}, a warning), 2 when a file
 * cannot be read or parsed, or a catalog file is not a valid catalog (then nothing is linted).
 *
 * <p>A file found in a directory that holds no Kubernetes API object (Helm values, a tool's
 * configuration, a kustomize {@code Kustomization}) is skipped with an INFO
 * {@code NOT_A_KUBERNETES_OBJECT}; a file named on the command line is linted as given (unreadable
 * when it is no object). A template ({@code {{ .Values.x }}}) is unreadable, with a message that says
 * to run {@code helm template} first.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Validate Kubernetes manifests with every gpushare rule, across the files given.",
      "Exit 0: no error; 1: an error (or a warning with --strict); 2: a file or a catalog cannot be read or parsed."
    })
public final class LintCommand implements Callable<Integer> {
  static final int EXIT_FINDINGS = 1;
  static final int EXIT_UNREADABLE = 2;

  /** Output formats. */
  enum Format { text, json, sarif }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "YAML files, directories (every *.yaml and *.yml in them), or - for stdin.")
  List<String> paths;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (FILE:LINE: SEVERITY CODE PATH: message, then the hint indented), json, or sarif (SARIF 2.1.0).")
  Format format;

  @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
      description = "Colour the text: auto (on a terminal, unless NO_COLOR is set), always, or never.")
  Colors.Mode color;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "A YAML catalog of your GPUs and models, laid over the built-in one; repeatable, later files win.")
  List<Path> catalogs = new ArrayList<>();

  @Option(names = "--kubernetes-version", paramLabel = "VERSION",
      description = "The Kubernetes minor release the cluster runs (e.g. 1.32): DRA API versions and pod claim"
          + " entries are judged by what it serves. Default: the current releases.")
  String kubernetesVersion;

  private record Problem(String file, int line, String message) {}

  @Override
  public Integer call() throws IOException {
    KubernetesVersion target = target();
    Optional<Catalog> catalog = readCatalogs();
    if (catalog.isEmpty()) {
      return EXIT_UNREADABLE;
    }
    List<String> files;
    io.gpushare.core.kustomize.KustomizedFiles kustomized;
    try {
      files = Inputs.expand(paths);
      kustomized = Inputs.kustomized(paths);
    } catch (IOException | java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("gpushare: cannot list the files: " + e.getMessage());
      return EXIT_UNREADABLE;
    }
    List<ReadManifests> reads = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Finding> skipped = new ArrayList<>();
    java.util.Set<String> named = new java.util.HashSet<>(paths);
    // read on every core, each file parsed once; gathered in the order of the files. A file a
    // kustomization reads is left to it: a patch is a partial object, judged merged into its target
    List<String> own = files.stream()
        .filter(file -> named.contains(file) || !kustomized.consumes(Path.of(file))).toList();
    for (Outcome outcome : ParallelReads.map(own, file -> readFile(file, named.contains(file)))) {
      if (outcome.read() != null) {
        reads.add(outcome.read());
      } else if (outcome.skipped() != null) {
        skipped.add(outcome.skipped());
      } else {
        problems.add(outcome.problem());
      }
    }
    List<ReadManifests> loose = List.copyOf(reads);
    reads.addAll(kustomized.reads());
    skipped.addAll(kustomized.findings());
    kustomized.unreadable().forEach(e -> problems.add(new Problem(e.source(), e.line(), e.problem())));
    ReadManifests all = ReadManifests.combine(reads);
    JudgedSets judged;
    try {
      Validator base = Validator.withCatalog(catalog.get());
      Validator validator = target == null ? base : base.forKubernetes(target);
      judged = JudgedSets.judge(kustomized.setsToJudge(all, loose), all, validator);
    } catch (RuntimeException | StackOverflowError e) {
      // the rules judge the files together: a defect there is reported, and the JSON still written
      problems.add(new Problem(String.join(" ", files), 0, internalError("the files together", e)));
      judged = JudgedSets.none(all);
    }
    ValidationReport report = judged.report();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.print(json(files, problems, judged, skipped));
    } else if (format == Format.sarif) {
      out.print(sarif(problems, judged, skipped));
    } else {
      Colors colors = Colors.of(color, GpuShareCommand.printsToTerminal(spec.commandLine()), System.getenv("NO_COLOR"));
      for (Problem problem : problems) {
        out.println(problem.file() + ":" + problem.line() + ": "
            + colors.severityFirst(Severity.ERROR, "ERROR UNREADABLE: " + problem.message()));
      }
      for (Finding finding : skipped) {
        print(out, colors, finding.path() + ":1", finding);
      }
      for (Finding finding : report.findings()) {
        print(out, colors, judged.location(finding), finding);
      }
      out.println(summary(report, skipped.size(), files.size())
          + (problems.isEmpty() ? "" : ", " + problems.size() + " unreadable"));
    }
    out.flush();
    if (!problems.isEmpty()) {
      return EXIT_UNREADABLE;
    }
    return report.blocksRendering(strict) ? EXIT_FINDINGS : CommandLine.ExitCode.OK;
  }

  /** The release of {@code --kubernetes-version}, null without it; a usage error (exit 2) when malformed. */
  private KubernetesVersion target() {
    if (kubernetesVersion == null) {
      return null;
    }
    try {
      return KubernetesVersion.of(kubernetesVersion);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--kubernetes-version: " + e.getMessage());
    }
  }

  /** {@code FILE:LINE: SEVERITY CODE PATH: message}, then {@code   hint: ...} when the finding has a hint. */
  private static void print(PrintWriter out, Colors colors, String location, Finding finding) {
    out.println(location + ": " + colors.severityFirst(finding.severity(), finding.headline()));
    if (!finding.hint().isBlank()) {
      out.println(colors.dim("  hint: " + finding.hint()));
    }
  }

  /** The SARIF log of the findings, each with its file, line and column; unreadable files as notifications. */
  private static String sarif(List<Problem> problems, JudgedSets judged, List<Finding> skipped) throws IOException {
    List<Sarif.Result> results = new ArrayList<>();
    for (Finding finding : skipped) {
      results.add(new Sarif.Result(finding, finding.path(), 1, 1));
    }
    for (Finding finding : judged.report().findings()) {
      ReadManifests.Position position = judged.position(finding);
      results.add(new Sarif.Result(finding, position.file(), position.line(), position.column()));
    }
    List<Sarif.Notification> unreadable = problems.stream()
        .map(problem -> new Sarif.Notification(problem.file(), problem.line(), problem.message())).toList();
    return Sarif.write(results, unreadable, Path.of(""));
  }

  /** One file: its objects, the finding that skips it, or why it cannot be read. */
  private record Outcome(ReadManifests read, Finding skipped, Problem problem) {}

  /** Reads one file; a file found in a directory (not {@code named}) that holds no object is skipped. */
  private static Outcome readFile(String file, boolean named) {
    try {
      String text = Inputs.read(file, System.in);
      if (named) {
        return new Outcome(ManifestReader.standard().read(text, Inputs.name(file)), null, null);
      }
      FileRead read = ManifestReader.standard().readOrSkip(text, Inputs.name(file));
      return new Outcome(read.read().orElse(null), read.skipped().orElse(null), null);
    } catch (ManifestParseException e) {
      return problem(new Problem(e.source(), e.line(), e.problem()));
    } catch (NoSuchFileException e) {
      return problem(new Problem(file, 0, "no such file"));
    } catch (IOException e) {
      return problem(new Problem(file, 0, "cannot read: " + e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      return problem(new Problem(Inputs.name(file), 0, internalError(Inputs.name(file), e)));
    }
  }

  private static Outcome problem(Problem problem) {
    return new Outcome(null, null, problem);
  }

  /** What a defect of gpushare says instead of a stack trace: the file, the exception, and to report it. */
  static String internalError(String where, Throwable e) {
    return "gpushare: internal error on " + where + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + " (please report)";
  }

  /** The built-in catalog with each {@code --catalog} file over it; empty, with a message, when one cannot be read. */
  private Optional<Catalog> readCatalogs() {
    return Catalogs.read(catalogs, spec.commandLine().getErr());
  }

  private static String summary(ValidationReport report, int skipped, int files) {
    int errors = report.findings(Severity.ERROR).size();
    int warnings = report.findings(Severity.WARNING).size();
    int infos = report.findings(Severity.INFO).size() + skipped;
    return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning, " : " warnings, ")
        + infos + (infos == 1 ? " info" : " infos") + report.acknowledgedSummary()
        + " in " + files + (files == 1 ? " file" : " files");
  }

  /** The JSON the README documents: files, counts, feature gates, unreadable files, findings with file and line. */
  private static String json(List<String> files, List<Problem> problems, JudgedSets judged, List<Finding> skipped)
      throws IOException {
    ValidationReport report = judged.report();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode fileArray = root.putArray("files");
    files.forEach(file -> fileArray.add(Inputs.name(file)));
    root.put("errors", report.findings(Severity.ERROR).size());
    root.put("warnings", report.findings(Severity.WARNING).size());
    root.put("infos", report.findings(Severity.INFO).size() + skipped.size());
    ArrayNode gates = root.putArray("featureGates");
    report.featureGates().forEach(gates::add);
    ArrayNode unreadable = root.putArray("unreadable");
    for (Problem problem : problems) {
      unreadable.addObject().put("file", problem.file()).put("line", problem.line()).put("message", problem.message());
    }
    ArrayNode findings = root.putArray("findings");
    List<Finding> every = new ArrayList<>(skipped);
    every.addAll(report.findings());
    for (Finding finding : every) {
      // a skipped file's finding names the file as its path
      ReadManifests.Position position = skipped.contains(finding) ? new ReadManifests.Position(finding.path(), 1, 1)
          : judged.position(finding);
      ObjectNode node = findings.addObject();
      node.put("file", position.file());
      node.put("line", position.line());
      FindingJson.write(node, finding);
    }
    root.put("acknowledged", report.acknowledged().size());
    return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
  }
}
