package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import io.gpushare.core.model.Acknowledgement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks the findings each manifest acknowledges, after every rule has run: those of its spec
 * ({@link Manifest#acknowledgements()}) and those of its {@code gpushare.io/acknowledge} annotation,
 * one {@code CODE: reason} per line:
 *
 * <pre>
 * metadata:
 *   annotations:
 *     gpushare.io/acknowledge: |
 *       VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published
 *       API_KEY_MISSING: the cluster's gateway authenticates
 * </pre>
 *
 * An acknowledgement covers the findings of its code whose path names its object
 * ({@code Deployment[vllm-gpu]} or {@code Deployment[vllm-gpu].spec...}). A line without a known code
 * and a reason is {@code ACKNOWLEDGEMENT_INVALID} and acknowledges nothing; an acknowledgement that
 * covers no finding is {@code ACKNOWLEDGEMENT_UNUSED}, so that stale ones surface.
 */
final class Acknowledgements {
  /** Characters of a malformed line quoted in its finding. */
  private static final int QUOTED = 80;

  private record Entry(String objectId, Acknowledgement acknowledgement, String path) {}

  private Acknowledgements() {}

  /** {@code findings}, each acknowledged one marked, then the findings about the acknowledgements themselves. */
  static List<Finding> apply(List<Finding> findings, ManifestSet set) {
    Findings problems = new Findings();
    List<Entry> entries = new ArrayList<>();
    for (Manifest manifest : set.manifests()) {
      String id = manifest.id();
      for (Acknowledgement acknowledgement : manifest.acknowledgements()) {
        entries.add(new Entry(id, acknowledgement, id));
      }
      annotation(manifest.resource()).ifPresent(text -> read(id, text, entries, problems));
    }
    if (entries.isEmpty()) {
      List<Finding> result = new ArrayList<>(findings);
      result.addAll(problems.all());
      return result;
    }
    boolean[] used = new boolean[entries.size()];
    List<Finding> result = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      Finding marked = finding;
      for (int i = 0; i < entries.size(); i++) {
        Entry entry = entries.get(i);
        if (entry.acknowledgement().code().name().equals(finding.code()) && names(finding.path(), entry.objectId())) {
          used[i] = true;
          if (!marked.isAcknowledged()) {
            marked = finding.acknowledge(entry.acknowledgement().reason());
          }
        }
      }
      result.add(marked);
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!used[i]) {
        Entry entry = entries.get(i);
        FindingCode code = entry.acknowledgement().code();
        problems.add(FindingCode.ACKNOWLEDGEMENT_UNUSED, entry.path(),
            "expected a " + code + " finding about " + entry.objectId() + " to acknowledge, found none",
            "remove the acknowledgement of " + code + " if what it was written for is fixed; otherwise check its code"
                + " and that it is on the object the finding's path names");
      }
    }
    result.addAll(problems.all());
    return result;
  }

  /** Whether {@code path} is about the object {@code Kind[name]}: the object itself or one of its fields. */
  private static boolean names(String path, String objectId) {
    return path.equals(objectId) || path.startsWith(objectId + ".");
  }

  private static Optional<String> annotation(HasMetadata resource) {
    if (resource.getMetadata() == null) {
      return Optional.empty();
    }
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? Optional.empty() : Optional.ofNullable(annotations.get(Acknowledgement.ANNOTATION));
  }

  private static void read(String id, String text, List<Entry> entries, Findings problems) {
    String path = id + ".metadata.annotations[\"" + Acknowledgement.ANNOTATION + "\"]";
    String hint = "write one acknowledgement per line as CODE: reason, e.g. " + Acknowledgement.ANNOTATION
        + ": \"VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published\"; a finding without a reason is not acknowledged";
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).strip();
      String reason = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
      Optional<FindingCode> code = FindingCode.named(name);
      String quoted = "'" + (trimmed.length() > QUOTED ? trimmed.substring(0, QUOTED) + "..." : trimmed) + "'";
      if (code.isEmpty()) {
        problems.add(FindingCode.ACKNOWLEDGEMENT_INVALID, path,
            "expected CODE: reason with one of gpushare's finding codes, found " + quoted, hint
                + "; every code is listed in " + FindingCode.DOCS);
        continue;
      }
      Optional<String> problem = Acknowledgement.problem(code.get(), reason);
      if (problem.isPresent()) {
        problems.add(FindingCode.ACKNOWLEDGEMENT_INVALID, path,
            "expected CODE: reason, found " + quoted + ": " + problem.get(), hint);
        continue;
      }
      entries.add(new Entry(id, Acknowledgement.of(code.get(), reason), path));
    }
  }
}
