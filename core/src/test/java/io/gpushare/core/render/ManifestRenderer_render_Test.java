package io.gpushare.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.validate.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRenderer_render_Test {

  @TempDir Path dir;

  @Test
  void should_render_one_text_per_file_in_document_order() {
    // WHEN
    RenderedManifests out = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));
    // THEN
    assertThat(out.fileNames()).containsExactly("claim.yaml", "vllm.yaml");
    assertThat(out.text("vllm.yaml")).startsWith("apiVersion: apps/v1\nkind: Deployment\n")
        .contains("\n---\napiVersion: v1\nkind: Service\n");
    assertThat(out.toYamlStream()).startsWith("# file: claim.yaml\napiVersion: resource.k8s.io/v1\n")
        .contains("      interval: Long\n---\n# file: vllm.yaml\napiVersion: apps/v1\n");
  }

  @Test
  void should_refuse_an_overcommitted_claim_with_every_contributor_and_write_nothing() throws IOException {
    // GIVEN: earlier good output in the directory
    ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42")).writeTo(dir);
    byte[] claimBefore = Files.readAllBytes(dir.resolve("claim.yaml"));
    byte[] vllmBefore = Files.readAllBytes(dir.resolve("vllm.yaml"));
    // WHEN
    assertThatThrownBy(() -> ManifestRenderer.standard().render(TutorialSpecs.bundle(3, "0.42")).writeTo(dir))
        // THEN
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("""
            manifests not rendered, 1 error, 1 warning, 1 acknowledged:
            ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested \
            (limit 1.00): Deployment[vllm-gpu] 3 x 0.42
              hint: every pod that references this claim shares one GPU; lower --gpu-memory-utilization \
            or replicas so that the sum is at most 1.00, or give each pod its own GPU with a ResourceClaimTemplate
            ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD \
            Deployment[vllm-gpu].spec.template.spec.containers[0].image: """)
        .hasMessageContaining("\nWARNING API_KEY_MISSING Service[vllm-service].spec.type: ");
    assertThat(dir.resolve("claim.yaml")).hasBinaryContent(claimBefore);
    assertThat(dir.resolve("vllm.yaml")).hasBinaryContent(vllmBefore);
    assertThat(listing(dir)).containsExactly("claim.yaml", "vllm.yaml");
  }

  @Test
  void should_leave_earlier_files_untouched_and_no_temp_files_when_a_target_cannot_be_replaced()
      throws IOException {
    // GIVEN: claim.yaml from an earlier run, and a directory where vllm.yaml should go
    Files.writeString(dir.resolve("claim.yaml"), "earlier\n");
    Files.setLastModifiedTime(dir.resolve("claim.yaml"), FileTime.fromMillis(0));
    Files.createDirectory(dir.resolve("vllm.yaml"));
    Files.writeString(dir.resolve("vllm.yaml").resolve("keep"), "x");
    RenderedManifests out = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));
    // WHEN
    assertThatThrownBy(() -> out.writeTo(dir))
        // THEN
        .isInstanceOf(IOException.class)
        .hasMessageContaining("vllm.yaml");
    assertThat(dir.resolve("claim.yaml")).hasContent("earlier");
    assertThat(listing(dir)).containsExactly("claim.yaml", "vllm.yaml");
  }

  @Test
  void should_create_the_directory_and_write_exact_utf8_bytes() throws IOException {
    // GIVEN
    Path target = dir.resolve("nested/manifests");
    RenderedManifests out = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));
    // WHEN
    out.writeTo(target);
    // THEN
    assertThat(Files.readString(target.resolve("claim.yaml"), StandardCharsets.UTF_8)).isEqualTo(out.text("claim.yaml"));
    assertThat(Files.readString(target.resolve("vllm.yaml"), StandardCharsets.UTF_8)).isEqualTo(out.text("vllm.yaml"));
  }

  @Test
  void should_give_written_files_the_permissions_of_an_ordinary_new_file() throws IOException {
    // GIVEN
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path ordinary = Files.createFile(dir.resolve("ordinary"));
    RenderedManifests out = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));
    // WHEN
    out.writeTo(dir);
    // THEN
    assertThat(Files.getPosixFilePermissions(dir.resolve("claim.yaml")))
        .isEqualTo(Files.getPosixFilePermissions(ordinary));
  }

  @Test
  void should_name_the_files_there_are_when_asked_for_an_unknown_one() {
    RenderedManifests out = ManifestRenderer.standard().render(TutorialSpecs.bundle(2, "0.42"));
    assertThatThrownBy(() -> out.text("other.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no file named 'other.yaml'; the files are [claim.yaml, vllm.yaml]");
  }

  private static Stream<String> listingStream(Path dir) throws IOException {
    return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
  }

  private static java.util.List<String> listing(Path dir) throws IOException {
    try (Stream<String> names = listingStream(dir)) {
      return names.toList();
    }
  }
}
