package io.gpushare.core.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every finding about a set of manifests, never only the first one, in a stable order: errors,
 * then warnings, then infos, each with the acknowledged ones last, by path and code; and the NVIDIA DRA driver feature gates the set
 * needs.
 *
 * <pre>
 * WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update starts 1 more pod ...
 *   hint: ...
 * 0 errors, 3 warnings
 * driver feature gates needed: TimeSlicingSettings
 * </pre>
 *
 * <p>{@link #toJson()} gives the same as a stable JSON document, described in
 * {@code docs/validation.md}.
 *
 * <p>An acknowledged finding ({@link Finding#isAcknowledged()}) is listed like any other, with its
 * reason, but does not count: it is not among {@link #findings(Severity)}, does not make
 * {@link #hasErrors()} true and does not block rendering.
 *
 * <pre>
 * ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu]...
 *   hint: ...
 * 0 errors, 2 warnings, 1 acknowledged
 * </pre>
 */
public final class ValidationReport {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity).thenComparing(Finding::isAcknowledged).thenComparing(Finding::path).thenComparing(Finding::code)
          .thenComparing(Finding::message);
  /** The JSON writer, made on the first {@link #toJson()}: not when a text report loads this class. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final List<Finding> findings;
  private final Set<String> featureGates;

  ValidationReport(List<Finding> findings, Set<String> featureGates) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    this.findings = Collections.unmodifiableList(sorted);
    this.featureGates = Collections.unmodifiableSet(new LinkedHashSet<>(featureGates));
  }

  /** A report without findings, for a run whose validation could not complete (its caller says why). */
  public static ValidationReport empty() {
    return new ValidationReport(List.of(), Set.of());
  }

  /**
   * The reports of sets judged apart (each overlay of a kustomize tree: what one {@code kubectl apply
   * -k} applies) as one: every finding once (a base's finding that each overlay repeats is one
   * finding), every feature gate any set needs.
   */
  public static ValidationReport combine(List<ValidationReport> reports) {
    Set<Finding> findings = new LinkedHashSet<>();
    Set<String> gates = new LinkedHashSet<>();
    for (ValidationReport report : reports) {
      findings.addAll(report.findings);
      gates.addAll(report.featureGates);
    }
    return new ValidationReport(new ArrayList<>(findings), new java.util.TreeSet<>(gates));
  }

  public List<Finding> findings() {
    return findings;
  }

  /** The findings of {@code severity} that count: every one but the acknowledged ones. */
  public List<Finding> findings(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity && !f.isAcknowledged()).toList();
  }

  /** The findings their manifests acknowledge, with the reason; listed in every report, counted in none. */
  public List<Finding> acknowledged() {
    return findings.stream().filter(Finding::isAcknowledged).toList();
  }

  /** Whether an error counts (one that is not acknowledged). */
  public boolean hasErrors() {
    return !findings(Severity.ERROR).isEmpty();
  }

  /** Whether rendering must stop: any error, or in strict mode any warning as well; acknowledged ones never. */
  public boolean blocksRendering(boolean strict) {
    return hasErrors() || (strict && !findings(Severity.WARNING).isEmpty());
  }

  /**
   * The NVIDIA DRA driver feature gates the set needs, sorted, e.g. {@code [TimeSlicingSettings]}:
   * Helm values of the driver's installation ({@code --set featureGates.TimeSlicingSettings=true}).
   */
  public Set<String> featureGates() {
    return featureGates;
  }

  /** One finding per entry (headline and hint), then a summary line, then the feature gates, if any. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      text.append(finding).append('\n');
    }
    text.append(summary()).append('\n');
    if (!featureGates.isEmpty()) {
      text.append("driver feature gates needed: ").append(String.join(", ", featureGates)).append('\n');
    }
    return text.toString();
  }

  /**
   * The report as JSON: {@code {"errors": N, "warnings": N, "infos": N, "featureGates": [...],
   * "findings": [{"code", "severity", "path", "message", "hint", "acknowledged"}, ...], "acknowledged": N}},
   * findings in report order; a finding's {@code acknowledged} is its reason, or null. The counts
   * leave acknowledged findings out; {@code "acknowledged"} counts them.
   */
  public String toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("errors", findings(Severity.ERROR).size());
    root.put("warnings", findings(Severity.WARNING).size());
    root.put("infos", findings(Severity.INFO).size());
    ArrayNode gates = root.putArray("featureGates");
    featureGates.forEach(gates::add);
    ArrayNode array = root.putArray("findings");
    for (Finding finding : findings) {
      ObjectNode node = array.addObject();
      node.put("code", finding.code());
      node.put("severity", finding.severity().name());
      node.put("path", finding.path());
      node.put("message", finding.message());
      node.put("hint", finding.hint());
      node.put("acknowledged", finding.acknowledged().orElse(null));
    }
    root.put("acknowledged", acknowledged().size());
    try {
      return Json.MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /** E.g. {@code 1 error, 0 warnings}; with acknowledged findings {@code 0 errors, 2 warnings, 1 acknowledged}. */
  public String summary() {
    int errors = findings(Severity.ERROR).size();
    int warnings = findings(Severity.WARNING).size();
    return errors + (errors == 1 ? " error, " : " errors, ") + warnings
        + (warnings == 1 ? " warning" : " warnings") + acknowledgedSummary();
  }

  /** {@code ", N acknowledged"} when some findings are acknowledged, else nothing; for summaries of lint. */
  public String acknowledgedSummary() {
    int count = acknowledged().size();
    return count == 0 ? "" : ", " + count + " acknowledged";
  }

  @Override
  public String toString() {
    return toText();
  }
}
