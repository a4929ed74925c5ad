package io.gpushare.core.kustomize;

import io.gpushare.core.validate.Finding;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ReadManifests;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@link KustomizationReader} made of the kustomizations of a directory: the objects they
 * produce (resources with their patches applied, each finding pointing at the file and line that
 * holds its field), what could not be checked (INFO findings, on the kustomization file), what
 * kustomize itself would refuse, and every file they read, which a directory scan then leaves out.
 *
 * <pre>
 * vllm-7b-kvcache/kustomization.yaml   resources: [../vllm-7b-it-tensorparallelism.yaml]  patches: [patch.yaml]
 *   reads()      the Deployment with the patch's args and resources, and the Service
 *   builds()     one: those objects together, as `kubectl apply -k vllm-7b-kvcache` applies them
 *   files()      kustomization.yaml, patch.yaml, ../vllm-7b-it-tensorparallelism.yaml
 * </pre>
 *
 * @param reads the objects, one read per resource file, for {@link ReadManifests#combine}
 * @param builds the objects of each kustomization built on its own (each overlay of a tree; a base that
 *     an overlay includes is built with it, not alone), each the combination of its reads: what one
 *     {@code kubectl apply -k} applies, so what the rules judge together. Two overlays of one base
 *     hold the same objects, which are no duplicates: each goes to its own cluster or namespace
 * @param findings INFO findings: remote resources, patches not applied, transformers not applied
 * @param unreadable what kustomize build would fail on: a missing file, a cycle, YAML that does not parse
 * @param files every file the kustomizations read, absolute and normalized
 */
public record KustomizedFiles(List<ReadManifests> reads, List<ReadManifests> builds, List<Finding> findings,
    List<ManifestParseException> unreadable, Set<Path> files) {
  public KustomizedFiles {
    reads = List.copyOf(reads);
    builds = List.copyOf(builds);
    findings = List.copyOf(findings);
    unreadable = List.copyOf(unreadable);
    files = Set.copyOf(files);
  }

  /** Several directories' kustomizations as one. */
  public static KustomizedFiles combine(List<KustomizedFiles> all) {
    List<ReadManifests> reads = new java.util.ArrayList<>();
    List<ReadManifests> builds = new java.util.ArrayList<>();
    List<Finding> findings = new java.util.ArrayList<>();
    List<ManifestParseException> unreadable = new java.util.ArrayList<>();
    Set<Path> files = new java.util.LinkedHashSet<>();
    for (KustomizedFiles one : all) {
      reads.addAll(one.reads);
      builds.addAll(one.builds);
      findings.addAll(one.findings);
      unreadable.addAll(one.unreadable);
      files.addAll(one.files);
    }
    return new KustomizedFiles(reads, builds, findings, unreadable, files);
  }

  /**
   * The sets the rules judge, each on its own, given {@code all} the objects read (the kustomizations'
   * with the {@code loose} files no kustomization reads): everything together, unless two kustomizations
   * or more are built apart (the overlays of one base, each applied with its own {@code kubectl apply -k},
   * hold the same objects, which are no duplicates); then each build, and the loose files together.
   * What {@code gpushare lint} and the Maven plugin's {@code lint} goal both judge ({@link JudgedSets}).
   */
  public List<ReadManifests> setsToJudge(ReadManifests all, List<ReadManifests> loose) {
    if (builds.size() < 2) {
      return List.of(all);
    }
    List<ReadManifests> sets = new java.util.ArrayList<>();
    if (!loose.isEmpty()) {
      sets.add(ReadManifests.combine(loose));
    }
    sets.addAll(builds);
    return sets;
  }

  /** Whether a kustomization read {@code file}, so that a scan does not lint it again on its own. */
  public boolean consumes(Path file) {
    return files.contains(file.toAbsolutePath().normalize());
  }
}
