package io.gpushare.core.kustomize;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import io.gpushare.core.yaml.ReadManifests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sets the rules judge each on its own ({@link KustomizedFiles#setsToJudge}), judged: one report for
 * all of them ({@link ValidationReport#combine}: a finding of the base that every overlay holds once),
 * and each finding placed by the set that made it. Two overlays of one base hold objects of one name,
 * so only that set knows which file and line a finding of {@code overlays/prod} points at:
 *
 * <pre>
 * overlays/prod/replicas.yaml:6: ERROR ... Deployment[vllm-gpu].spec.replicas   (not base/vllm.yaml, dev's copy)
 * </pre>
 *
 * What {@code gpushare lint} and the Maven plugin's {@code lint} goal both print.
 */
public final class JudgedSets {
  private final ValidationReport report;
  private final Map<Finding, ReadManifests> madeBy;
  private final ReadManifests all;

  private JudgedSets(ValidationReport report, Map<Finding, ReadManifests> madeBy, ReadManifests all) {
    this.report = report;
    this.madeBy = madeBy;
    this.all = all;
  }

  /** Each of {@code sets} judged by {@code validator}; {@code all} places what no set claims. */
  public static JudgedSets judge(List<ReadManifests> sets, ReadManifests all, Validator validator) {
    Map<Finding, ReadManifests> madeBy = new HashMap<>();
    List<ValidationReport> reports = sets.stream().map(set -> {
      ValidationReport report = validator.validate(set.set());
      report.findings().forEach(finding -> madeBy.putIfAbsent(finding, set));
      return report;
    }).toList();
    return new JudgedSets(ValidationReport.combine(reports), madeBy, all);
  }

  /** Nothing judged (the rules failed): an empty report over {@code all}. */
  public static JudgedSets none(ReadManifests all) {
    return new JudgedSets(ValidationReport.empty(), Map.of(), all);
  }

  public ValidationReport report() {
    return report;
  }

  /** Where the finding's object and field are written: {@code file:line}. */
  public String location(Finding finding) {
    return madeBy.getOrDefault(finding, all).location(finding.path());
  }

  /** The same, with the column. */
  public ReadManifests.Position position(Finding finding) {
    return madeBy.getOrDefault(finding, all).position(finding.path());
  }
}
