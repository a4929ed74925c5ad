package io.gpushare.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.FindingCode;
import io.gpushare.core.validate.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code gpushare lint --format sarif}: the findings as a SARIF 2.1.0 log for code-scanning dashboards,
 * one run whose driver lists every finding code as a rule (its summary, the failing example and the fix
 * of docs/validation.md, a link to its section) and one result per finding, with the file, line and
 * column. An acknowledged finding is a result with an in-source suppression that gives the reason;
 * a file that cannot be read is a tool execution notification, and the invocation then unsuccessful.
 *
 * <pre>
 * {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "gpushare", "rules": [{"id": "INVALID_NAME", ...}]}},
 *   "results": [{"ruleId": "VLLM_IMAGE_TOO_OLD", "level": "error", "message": {"text": "..."},
 *     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "manifests/vllm.yaml"},
 *       "region": {"startLine": 24, "startColumn": 16}}}]}]}]}
 * </pre>
 */
final class Sarif {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** A finding where it is: the file as named on the command line, line and column from 1 (line 0: unknown). */
  record Result(Finding finding, String file, int line, int column) {}

  /** A file that could not be read, and why. */
  record Notification(String file, int line, String message) {}

  private Sarif() {}

  /** The SARIF log, indented, ending with a newline. */
  static String write(List<Result> results, List<Notification> unreadable, Path workingDirectory) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "gpushare");
    driver.put("version", version());
    driver.put("informationUri", CodeDocs.REPOSITORY);
    ArrayNode rules = driver.putArray("rules");
    for (FindingCode code : FindingCode.values()) {
      rule(rules.addObject(), code);
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", unreadable.isEmpty());
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (Notification problem : unreadable) {
      ObjectNode notification = notifications.addObject();
      notification.put("level", "error");
      notification.putObject("message").put("text", "UNREADABLE: " + problem.message()); // as the text output says it
      location(notification.putArray("locations").addObject(), problem.file(), problem.line(), 1, workingDirectory);
    }
    run.put("columnKind", "unicodeCodePoints");
    ArrayNode resultArray = run.putArray("results");
    for (Result result : results) {
      result(resultArray.addObject(), result, workingDirectory);
    }
    return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
  }

  private static void rule(ObjectNode rule, FindingCode code) {
    rule.put("id", code.name());
    rule.putObject("shortDescription").put("text", code.summary());
    Optional<CodeDocs.Entry> entry = CodeDocs.entry(code.name());
    String group = entry.map(CodeDocs.Entry::group).orElse(code.group().title());
    rule.putObject("fullDescription").put("text",
        entry.map(e -> code.summary() + ". Failing example: " + e.example()).orElse(code.summary()));
    ObjectNode help = rule.putObject("help");
    String url = CodeDocs.url(code);
    entry.ifPresentOrElse(e -> {
      help.put("text", "Fix: " + e.fix() + " (severity " + e.severity() + "; " + url + ")");
      help.put("markdown", "**Failing example:** " + e.example() + "\n\n**Fix:** " + e.fix()
          + "\n\n[docs/validation.md, " + group + "](" + url + ")");
    }, () -> help.put("text", code.summary() + " (" + url + ")"));
    rule.put("helpUri", url);
    rule.putObject("defaultConfiguration").put("level", level(code.severity()));
    rule.putObject("properties").putArray("tags").add(group);
  }

  private static void result(ObjectNode node, Result result, Path workingDirectory) {
    Finding finding = result.finding();
    node.put("ruleId", finding.code());
    FindingCode.named(finding.code()).ifPresent(code -> node.put("ruleIndex", code.ordinal()));
    node.put("level", level(finding.severity()));
    node.putObject("message").put("text", finding.path() + ": " + finding.message() + "\nhint: " + finding.hint());
    ObjectNode location = node.putArray("locations").addObject();
    location(location, result.file(), result.line(), result.column(), workingDirectory);
    location.putArray("logicalLocations").addObject().put("fullyQualifiedName", finding.path());
    finding.acknowledged().ifPresent(reason ->
        node.putArray("suppressions").addObject().put("kind", "inSource").put("justification", reason));
  }

  private static void location(ObjectNode location, String file, int line, int column, Path workingDirectory) {
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(file, workingDirectory));
    if (line > 0) {
      physical.putObject("region").put("startLine", line).put("startColumn", Math.max(1, column));
    }
  }

  /** SARIF's levels: error, warning, note. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * The file as a URI reference: relative (with {@code /}) when it is under the working directory,
   * {@code file:} for another absolute path, {@code stdin} for standard input.
   */
  static String uri(String file, Path workingDirectory) {
    if (file.equals(Inputs.STDIN_NAME) || file.equals(Inputs.STDIN)) {
      return "stdin";
    }
    try {
      Path base = workingDirectory.toAbsolutePath().normalize();
      Path absolute = base.resolve(Path.of(file)).normalize();
      if (absolute.startsWith(base)) {
        String relative = base.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
        return new URI(null, null, relative, null).toASCIIString();
      }
      return absolute.toUri().toASCIIString();
    } catch (InvalidPathException | URISyntaxException e) {
      return file;
    }
  }

  private static String version() {
    String version = Sarif.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
