package io.gpushare.core.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import io.gpushare.core.yaml.ManifestParseException;
import io.gpushare.core.yaml.ReadManifests;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizationReader_readTree_Test {
  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: vllm
      spec:
        selector:
          matchLabels: {app: vllm}
        template:
          metadata:
            labels: {app: vllm}
          spec:
            containers:
            - name: vllm
              image: vllm/vllm-openai:v0.7.2
              args: [--model=google/gemma-3-1b-it]
      """;

  @TempDir Path dir;

  /**
   * GoogleCloudPlatform/kubernetes-engine-samples at 2b5036514162a489145c5e5570bc320efbcb37bf,
   * ai-ml/llm-serving-gemma/vllm/vllm-7b-kvcache/patch.yaml over ../vllm-7b-it-tensorparallelism.yaml
   * (copied unchanged into src/test/resources/io/gpushare/core/kustomize/gke-vllm-7b-kvcache).
   */
  @Test
  void should_judge_the_merged_deployment_and_not_the_patch_when_linting_the_gke_kv_cache_sample()
      throws IOException, URISyntaxException {
    // GIVEN the sample's directory: the tensor-parallel Deployment, and a kustomization patching it
    Path vllm = Path.of(getClass().getResource("gke-vllm-7b-kvcache/vllm").toURI());
    // WHEN the tree is read and validated
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(vllm);
    ReadManifests all = ReadManifests.combine(kustomized.reads());
    ValidationReport report = Validator.standard().validate(all.set());
    // THEN the patch's args, GPU count and label are in the one Deployment, the base's image and selector too
    Deployment deployment = (Deployment) all.set().manifests().stream().map(Manifest::resource)
        .filter(Deployment.class::isInstance).findFirst().orElseThrow();
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getArgs()).containsExactly("--model=$(MODEL_ID)", "--tensor-parallel-size=1",
        "--kv-cache-dtype=fp8_e5m2", "--max-model-len=1200");
    assertThat(container.getImage()).isEqualTo("docker.io/vllm/vllm-openai:v0.10.0");
    assertThat(container.getResources().getLimits().get("nvidia.com/gpu").toString()).isEqualTo("1");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("ai.gke.io/model", "gemma-7b-kvcache").containsEntry("app", "gemma-server");
    assertThat(all.set().manifests()).extracting(Manifest::id)
        .containsExactly("Deployment[vllm-gemma-deployment]", "Service[llm-service]");
    // THEN no SELECTOR_MISMATCH: the only finding is the model the catalog lacks, read from the patch's args
    assertThat(report.findings()).extracting(Finding::code).containsExactly("MODEL_UNKNOWN");
    assertThat(all.location(report.findings().get(0).path()))
        .isEqualTo(vllm.resolve("vllm-7b-kvcache/patch.yaml") + ":29");
    // THEN the image's finding would point at the base file, which holds it
    assertThat(all.location("Deployment[vllm-gemma-deployment].spec.template.spec.containers[0].image"))
        .isEqualTo(vllm.resolve("vllm-7b-it-tensorparallelism.yaml") + ":34");
    assertThat(kustomized.findings()).isEmpty();
    assertThat(kustomized.unreadable()).isEmpty();
    assertThat(kustomized.files()).hasSize(3);
    assertThat(kustomized.consumes(vllm.resolve("vllm-7b-kvcache/patch.yaml"))).isTrue();
  }

  @Test
  void should_set_namespace_and_image_and_point_at_the_kustomization_when_it_overrides_them() throws IOException {
    // GIVEN a kustomization with namespace and images
    write("app/vllm.yaml", DEPLOYMENT);
    write("app/kustomization.yaml", """
        resources:
        - vllm.yaml
        namespace: inference
        images:
        - name: vllm/vllm-openai
          newTag: v0.11.0
        """);
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    ReadManifests all = ReadManifests.combine(kustomized.reads());
    // THEN the Deployment is in the namespace, with the new tag, and the image's line is the images entry
    Deployment deployment = (Deployment) all.set().manifests().get(0).resource();
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo("inference");
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("vllm/vllm-openai:v0.11.0");
    assertThat(all.location("Deployment[vllm].spec.template.spec.containers[0].image"))
        .isEqualTo(dir.resolve("app/kustomization.yaml") + ":5");
    assertThat(all.location("Deployment[vllm].spec.template.spec.containers[0].args[0]"))
        .isEqualTo(dir.resolve("app/vllm.yaml") + ":15");
  }

  @Test
  void should_build_the_overlay_and_not_its_base_alone_when_the_tree_holds_both() throws IOException {
    // GIVEN base/ and overlay/ (resources: ../base, a patch with a target by kind and a name pattern)
    write("base/vllm.yaml", DEPLOYMENT);
    write("base/kustomization.yaml", "resources:\n- vllm.yaml\n");
    write("overlay/replicas.yaml", "spec:\n  replicas: 3\n");
    write("overlay/kustomization.yaml", """
        resources:
        - ../base
        patches:
        - path: replicas.yaml
          target:
            kind: Deployment
            name: vll.*
        """);
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN one Deployment, the overlay's, with the patched replicas pointing at the patch
    ReadManifests all = ReadManifests.combine(kustomized.reads());
    assertThat(all.set().manifests()).hasSize(1);
    assertThat(((Deployment) all.set().manifests().get(0).resource()).getSpec().getReplicas()).isEqualTo(3);
    assertThat(all.location("Deployment[vllm].spec.replicas")).isEqualTo(dir.resolve("overlay/replicas.yaml") + ":2");
    assertThat(kustomized.findings()).isEmpty();
  }

  @Test
  void should_say_what_was_not_checked_when_a_patch_targets_nothing_in_the_kustomization() throws IOException {
    // GIVEN a patch of a Deployment the kustomization's resources do not have
    write("app/vllm.yaml", DEPLOYMENT);
    write("app/other.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\nspec:\n  replicas: 2\n");
    write("app/kustomization.yaml", "resources:\n- vllm.yaml\npatchesStrategicMerge:\n- other.yaml\n");
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN an INFO says the patch was not checked, and the patch is no object of its own
    assertThat(kustomized.findings()).extracting(Finding::code, Finding::path, Finding::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KUSTOMIZE_PATCH_NOT_APPLIED",
            dir.resolve("app/kustomization.yaml").toString(), "expected the patch " + dir.resolve("app/other.yaml")
                + " to target a resource of this kustomization, found no Deployment[other] among them: the patch was"
                + " not checked (as a partial object it is no object of its own)"));
    assertThat(ReadManifests.combine(kustomized.reads()).set().manifests()).extracting(Manifest::id)
        .containsExactly("Deployment[vllm]");
    assertThat(kustomized.consumes(dir.resolve("app/other.yaml"))).isTrue();
  }

  @Test
  void should_report_a_remote_resource_and_unapplied_fields_once_when_the_kustomization_has_them() throws IOException {
    // GIVEN a remote resource, namePrefix and replicas, and a JSON 6902 patch
    write("app/vllm.yaml", DEPLOYMENT);
    write("app/kustomization.yaml", """
        resources:
        - vllm.yaml
        - https://github.com/example/repo//deploy?ref=v1
        namePrefix: prod-
        replicas:
        - name: vllm
          count: 2
        patches:
        - target: {kind: Deployment, name: vllm}
          patch: |-
            - op: add
              path: /spec/replicas
              value: 2
        """);
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN one INFO each: the remote resource, the fields not applied (both named once)
    assertThat(kustomized.findings()).extracting(Finding::code, Finding::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("KUSTOMIZE_RESOURCE_NOT_READ", "expected a local file or directory, found"
            + " the remote resource https://github.com/example/repo//deploy?ref=v1 (line 3), which gpushare does not"
            + " fetch: its objects were not checked, nor patches aimed at them"),
        org.assertj.core.groups.Tuple.tuple("KUSTOMIZE_TRANSFORMER_NOT_APPLIED", "expected only resources, patches,"
            + " namespace and images (what gpushare applies), found namePrefix, replicas: gpushare does not apply"
            + " namePrefix, replicas, so the objects were checked without it"));
    assertThat(kustomized.findings().get(1).hint()).isEqualTo("lint `kustomize build " + dir.resolve("app")
        + "` output to check it");
    assertThat(kustomized.unreadable()).isEmpty();
    // THEN the JSON 6902 operation is applied, and its value points at the inline patch
    ReadManifests all = ReadManifests.combine(kustomized.reads());
    assertThat(((Deployment) all.set().manifests().get(0).resource()).getSpec().getReplicas()).isEqualTo(2);
    assertThat(all.location("Deployment[vllm].spec.replicas")).isEqualTo(dir.resolve("app/kustomization.yaml") + ":11");
    assertThat(all.location("Deployment[vllm].spec.template.spec.containers[0].image"))
        .isEqualTo(dir.resolve("app/vllm.yaml") + ":14");
  }

  @Test
  void should_refuse_a_duplicate_key_when_a_kustomization_reads_the_file() throws IOException {
    // GIVEN a resource with a key twice, which ManifestReader refuses when it reads the file alone
    // (one of the values would be lost); review: the kustomization path composed it without that check
    write("app/vllm.yaml", DEPLOYMENT.replaceFirst("metadata:\n", "metadata:\n  name: other\n"));
    write("app/kustomization.yaml", "resources:\n- vllm.yaml\n");
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN it is unreadable, at the second key's line, as a file read alone is
    assertThat(kustomized.unreadable()).singleElement().satisfies(e -> assertThat(e.problem())
        .startsWith("duplicate key name"));
    assertThat(kustomized.reads()).isEmpty();
  }

  @Test
  void should_apply_a_one_line_json_patch_when_patch_holds_it_inline() throws IOException {
    // GIVEN a JSON 6902 patch written on one line under patch: (kustomize reads patch: as the patch itself,
    // path: as a file name; review of the kustomize reader: it was taken for a missing file)
    write("app/vllm.yaml", DEPLOYMENT);
    write("app/kustomization.yaml", """
        resources:
        - vllm.yaml
        patches:
        - target: {kind: Deployment, name: vllm}
          patch: '[{"op": "add", "path": "/spec/replicas", "value": 3}]'
        """);
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN the operation is applied, nothing is unreadable
    assertThat(kustomized.unreadable()).isEmpty();
    ReadManifests all = ReadManifests.combine(kustomized.reads());
    assertThat(((Deployment) all.set().manifests().get(0).resource()).getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void should_report_the_line_when_a_json6902_operation_does_not_apply() throws IOException {
    // GIVEN patchesJson6902 replacing a path the Deployment does not have (RFC 6902: replace needs it)
    write("app/vllm.yaml", DEPLOYMENT);
    write("app/ops.yaml", "- op: replace\n  path: /spec/strategy/type\n  value: Recreate\n");
    write("app/kustomization.yaml", """
        resources:
        - vllm.yaml
        patchesJson6902:
        - target: {group: apps, version: v1, kind: Deployment, name: vllm}
          path: ops.yaml
        """);
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN the build is unreadable at the operations' line, as kustomize build fails
    assertThat(kustomized.unreadable()).extracting(ManifestParseException::getMessage).singleElement()
        .asString().startsWith(dir.resolve("app/kustomization.yaml") + ":1: the JSON 6902 patch "
            + dir.resolve("app/ops.yaml") + " does not apply to Deployment in " + dir.resolve("app/vllm.yaml") + ": ")
        .endsWith("; kustomize build fails on it: correct the operation's path or value to the object as written");
    assertThat(kustomized.reads()).isEmpty();
  }

  @Test
  void should_report_the_line_and_not_crash_when_a_resource_file_is_missing() throws IOException {
    // GIVEN a kustomization naming a file that does not exist
    write("app/kustomization.yaml", "resources:\n- vllm.yaml\n- missing.yaml\n");
    write("app/vllm.yaml", DEPLOYMENT);
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN it is unreadable at the kustomization's line, and the rest is still read
    assertThat(kustomized.unreadable()).extracting(ManifestParseException::getMessage).containsExactly(
        dir.resolve("app/kustomization.yaml") + ":3: resource missing.yaml: no such file or directory ("
            + dir.resolve("app/missing.yaml") + "); kustomize build fails on it: fix the path under resources:, or add"
            + " the file");
    assertThat(ReadManifests.combine(kustomized.reads()).set().manifests()).hasSize(1);
  }

  @Test
  void should_report_the_cycle_and_stop_when_two_kustomizations_include_each_other() throws IOException {
    // GIVEN a/ includes ../b and b/ includes ../a
    write("a/kustomization.yaml", "resources:\n- ../b\n");
    write("b/kustomization.yaml", "resources:\n- ../a\n");
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN one unreadable report names the cycle, and nothing else is built
    Path a = dir.resolve("a").toAbsolutePath().normalize();
    Path b = dir.resolve("b").toAbsolutePath().normalize();
    assertThat(kustomized.unreadable()).extracting(ManifestParseException::getMessage).containsExactly(
        dir.resolve("a/kustomization.yaml").normalize() + ":0: the kustomization includes itself through " + a
            + " -> " + b + " -> " + a + ": kustomize refuses a cycle; remove one of the references");
    assertThat(kustomized.reads()).isEmpty();
  }

  @Test
  void should_read_nothing_when_the_tree_has_no_kustomization() throws IOException {
    // GIVEN a directory of plain manifests
    write("vllm.yaml", DEPLOYMENT);
    // WHEN the tree is read
    KustomizedFiles kustomized = KustomizationReader.standard().readTree(dir);
    // THEN nothing is taken from the plain scan
    assertThat(kustomized.reads()).isEmpty();
    assertThat(kustomized.consumes(dir.resolve("vllm.yaml"))).isFalse();
  }

  private void write(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

}
