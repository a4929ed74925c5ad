package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.testing.ReferenceDocuments;
import io.gpushare.testing.YamlTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FmtCommand_Test extends CliTest {
  @TempDir Path dir;

  @Test
  void should_print_the_published_mps_guide_in_canonical_style() throws IOException {
    // GIVEN: the guide's own indentation and blank lines
    Path vllm = Files.writeString(dir.resolve("vllm.yaml"), ReferenceDocuments.read("mps/vllm.yaml"));
    // WHEN
    int exit = run("fmt", vllm.toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("  ports:\n  - name: http\n    protocol: TCP\n")
        .doesNotContain("\n\n");
    assertThat(YamlTrees.differences(ReferenceDocuments.read("mps/vllm.yaml"), out.toString())).isEmpty();
  }

  @Test
  void should_rewrite_in_place_and_leave_canonical_files_unchanged() throws IOException {
    // GIVEN
    Path guide = Files.writeString(dir.resolve("vllm.yaml"), ReferenceDocuments.read("mps/vllm.yaml"));
    Path canonical = Files.writeString(dir.resolve("claim.yaml"), ReferenceDocuments.timeSlicingClaim());
    // WHEN
    int exit = run("fmt", "--write", dir.toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(err.toString()).isEqualTo("unchanged " + canonical + "\nformatted " + guide + "\n");
    assertThat(YamlTrees.differences(ReferenceDocuments.read("mps/vllm.yaml"), Files.readString(guide))).isEmpty();
    // a fixed point: formatting again changes nothing
    StringWriter again = new StringWriter();
    CommandLine second = GpuShareCommand.commandLine();
    second.setErr(new PrintWriter(again, true));
    assertThat(second.execute("fmt", "--write", guide.toString())).isZero();
    assertThat(again.toString()).isEqualTo("unchanged " + guide + "\n");
  }

  @Test
  void should_leave_a_file_that_does_not_parse_untouched() throws IOException {
    // GIVEN
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: [\n");
    // WHEN
    int exit = run("fmt", "--write", broken.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(Files.readString(broken)).isEqualTo("apiVersion: v1\nkind: [\n");
    assertThat(err.toString()).startsWith(broken + ":3: ").endsWith(" (left untouched)\n");
  }

  @Test
  void should_rewrite_a_commented_file_keeping_every_comment_line() throws IOException {
    // GIVEN: the NVIDIA demo starts with comments
    String demo = ReferenceDocuments.read("nvidia-demo/gpu-test3.yaml");
    Path file = Files.writeString(dir.resolve("gpu-test3.yaml"), demo);
    // WHEN
    int exit = run("fmt", "--write", file.toString());
    // THEN: it is rewritten, every comment line still in it
    assertThat(exit).isZero();
    assertThat(err.toString()).isEqualTo("formatted " + file + "\n");
    assertThat(commentLines(Files.readString(file))).containsExactlyInAnyOrderElementsOf(commentLines(demo))
        .isNotEmpty();
  }

  @Test
  void should_exit_1_and_name_the_file_when_check_finds_one_that_would_change() throws IOException {
    // GIVEN: one canonical file and one in another key order
    Path canonical = Files.writeString(dir.resolve("a.yaml"), CONFIG_MAP);
    String reordered = "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: x\n";
    Path other = Files.writeString(dir.resolve("b.yaml"), reordered);
    // WHEN
    int exit = run("fmt", "--check", canonical.toString(), other.toString());
    // THEN: exit 1, the file named, nothing written
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("would change " + other + "\n");
    assertThat(Files.readString(other)).isEqualTo(reordered);
  }

  @Test
  void should_exit_0_when_check_finds_every_file_canonical() throws IOException {
    // GIVEN
    Path canonical = Files.writeString(dir.resolve("a.yaml"), CONFIG_MAP);
    // WHEN
    int exit = run("fmt", "--check", canonical.toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_exit_2_when_check_meets_an_unreadable_file() throws IOException {
    // GIVEN
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: [\n");
    // WHEN
    int exit = run("fmt", "--check", broken.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith(broken + ":3: ").endsWith(" (left untouched)\n");
  }

  // The issue's "Rewritten values": each reproducer, its exit code and message, the file before and after.

  @Test
  void should_keep_sexagesimal_and_octal_lookalikes_when_writing() throws IOException {
    // GIVEN: t: 12:30:00 (a string to go-yaml, 45000 to YAML 1.1) and x: 012 (Go reads the integer 10)
    Path file = Files.writeString(dir.resolve("v.yaml"), CONFIG_MAP + "data:\n  t: 12:30:00\n  x: 012\n  o: 0o12\n");
    // WHEN
    int exit = run("fmt", "--write", file.toString());
    // THEN: the string is quoted, never "45000"; the integers keep their text, never "10" (and the
    // keys of data, a free-form map, come sorted)
    assertThat(exit).isZero();
    assertThat(err.toString()).isEqualTo("formatted " + file + "\n");
    assertThat(Files.readString(file)).isEqualTo(CONFIG_MAP + "data:\n  o: 0o12\n  t: \"12:30:00\"\n  x: 012\n");
  }

  @Test
  void should_write_a_key_with_a_newline_double_quoted() throws IOException {
    // GIVEN: a key with a line break, which fmt used to write as an unreadable literal block
    Path file = Files.writeString(dir.resolve("k.yaml"), CONFIG_MAP + "data: {\"a\\nb\": c}\n");
    // WHEN
    int exit = run("fmt", "--write", file.toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(Files.readString(file)).isEqualTo(CONFIG_MAP + "data:\n  \"a\\nb\": c\n");
  }

  @Test
  void should_leave_a_file_with_a_complex_key_untouched() throws IOException {
    // GIVEN: a key that is a sequence, which fmt used to write as Java toString text
    String text = CONFIG_MAP + "data:\n  ? [a, b]\n  : c\n";
    Path file = Files.writeString(dir.resolve("c.yaml"), text);
    // WHEN
    int exit = run("fmt", "--write", file.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(file + ":6: a key is a sequence, not a string; fmt writes only string"
        + " keys, as Kubernetes objects have (left untouched)\n");
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void should_leave_a_file_with_a_lone_surrogate_untouched() throws IOException {
    // GIVEN: an escaped lone surrogate, which fmt used to write as ?
    String text = CONFIG_MAP + "data:\n  s: \"\\ud800\"\n";
    Path file = Files.writeString(dir.resolve("s.yaml"), text);
    // WHEN
    int exit = run("fmt", "--write", file.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(file + ":6: the text has a lone UTF-16 surrogate \\ud800, which no UTF-8"
        + " file can hold; write the character it was meant to be (left untouched)\n");
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

  private static List<String> commentLines(String text) {
    return text.lines().filter(l -> l.contains("#")).map(l -> l.substring(l.indexOf('#')).trim()).toList();
  }

  @Test
  void should_keep_a_v1beta1_claim_in_v1beta1() throws IOException {
    // GIVEN: a v1beta1 claim in another key order
    Path claim = Files.writeString(dir.resolve("claim.yaml"), """
        apiVersion: resource.k8s.io/v1beta1
        kind: ResourceClaim
        metadata:
          name: two-gpus
        spec:
          devices:
            requests:
            - count: 2
              allocationMode: ExactCount
              deviceClassName: gpu.nvidia.com
              name: gpu
        """);
    // WHEN
    int exit = run("fmt", claim.toString());
    // THEN: the fields stay on the request, in the order v1 has them under exactly:
    assertThat(exit).isZero();
    assertThat(out.toString()).isEqualTo("""
        apiVersion: resource.k8s.io/v1beta1
        kind: ResourceClaim
        metadata:
          name: two-gpus
        spec:
          devices:
            requests:
            - name: gpu
              deviceClassName: gpu.nvidia.com
              allocationMode: ExactCount
              count: 2
        """);
  }

  @Test
  void should_keep_the_meaning_of_every_nvidia_demo_manifest() throws IOException {
    for (String demo : List.of("gpu-test2.yaml", "gpu-test3.yaml", "gpu-test4.yaml", "gpu-test5.yaml", "gpu-test6.yaml",
        "gpu-test-mps.yaml", "bats-gpu-timeslicing.yaml", "bats-gpu-simple-mig.yaml", "bats-gpu-simple-mig-ts.yaml")) {
      // GIVEN
      String original = ReferenceDocuments.read("nvidia-demo/" + demo);
      Path file = Files.writeString(dir.resolve(demo), original);
      StringWriter formatted = new StringWriter();
      CommandLine commandLine = GpuShareCommand.commandLine();
      commandLine.setOut(new PrintWriter(formatted, true));
      // WHEN
      int exit = commandLine.execute("fmt", file.toString());
      // THEN
      assertThat(exit).as(demo).isZero();
      assertThat(YamlTrees.differencesIgnoringKeyOrder(original, formatted.toString())).as(demo).isEmpty();
    }
  }

  @Test
  void should_go_on_past_a_read_only_file_and_exit_2() throws IOException {
    // GIVEN: a read-only file before a writable one, both not canonical
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    String guideText = ReferenceDocuments.read("mps/vllm.yaml");
    Path readOnly = Files.writeString(dir.resolve("a-read-only.yaml"), guideText);
    Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
    Path writable = Files.writeString(dir.resolve("b-writable.yaml"), guideText);
    // WHEN
    int exit = run("fmt", "--write", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("cannot write " + readOnly + ": it is read-only (mode 0444); make it"
        + " writable to replace it (nothing was changed) (left untouched)\nformatted " + writable + "\n");
    assertThat(Files.readString(readOnly)).isEqualTo(guideText);
    assertThat(Files.readString(writable)).isNotEqualTo(guideText);
  }
}
