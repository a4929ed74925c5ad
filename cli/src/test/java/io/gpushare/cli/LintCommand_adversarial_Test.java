package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: the reproducers of "Crashes" and "Denial of service", each an exit code and a message. */
class LintCommand_adversarial_Test extends CliTest {
  @TempDir Path dir;

  private Path vllm(String from, String to) throws IOException {
    Path file = dir.resolve("vllm.yaml");
    Files.writeString(file, ReferenceDocuments.timeSlicingVllm().replace(from, to));
    Files.writeString(dir.resolve("claim.yaml"), ReferenceDocuments.timeSlicingClaim());
    return file;
  }

  @Test
  void should_exit_2_naming_the_line_and_still_lint_the_claim_when_a_ports_entry_is_empty() throws IOException {
    // GIVEN
    Path file = vllm("        - containerPort: 8000\n", "        -\n");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).startsWith(file + ":38: ERROR UNREADABLE: an empty list entry ('-' with nothing after"
        + " it, or null): remove it, or write the entry\n");
    assertThat(out.toString()).endsWith("in 2 files, 1 unreadable\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void should_judge_the_file_when_a_memory_limit_is_16GB() throws IOException {
    // GIVEN
    vllm("        resources:\n", "        resources:\n          limits: {memory: 16GB}\n");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    // THEN: judged like the tutorial (its image error exits 1)
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).endsWith("1 error, 3 warnings, 0 infos in 2 files\n");
  }

  @Test
  void should_not_warn_the_image_is_old_when_its_version_overflows_an_int() throws IOException {
    // GIVEN
    vllm("v0.7.2", "v99999999999.0.0");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString()).doesNotContain("VLLM_IMAGE_TOO_OLD").endsWith("0 errors, 3 warnings, 0 infos in 2 files\n");
  }

  @Test
  void should_report_a_malformed_utilization_when_its_exponent_is_a_billion() throws IOException {
    // GIVEN
    Path file = vllm("0.42", "1e999999999");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains(file + ":30: ERROR GPU_MEMORY_UTILIZATION_RANGE"
        + " Deployment[vllm-gpu].spec.template.spec.containers[0].args[3]: --gpu-memory-utilization must be a decimal"
        + " fraction in (0, 1], found '1e999999999'\n");
  }

  @Test
  void should_report_a_malformed_pinned_memory_limit_when_its_exponent_is_500_million() throws IOException {
    // GIVEN
    vllm("x", "x");
    Files.writeString(dir.resolve("claim.yaml"), ReferenceDocuments.timeSlicingClaim().replace(
        "            strategy: TimeSlicing\n            timeSlicingConfig:\n              interval: Long\n",
        "            strategy: MPS\n            mpsConfig:\n              defaultPinnedDeviceMemoryLimit: \"1e500000000\"\n"));
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains(dir.resolve("claim.yaml") + ":21: ERROR MPS_PINNED_MEMORY_TOO_LOW"
        + " ResourceClaim[gpu-claim].spec.devices.config[0].opaque.parameters.sharing.mpsConfig"
        + ".defaultPinnedDeviceMemoryLimit: expected a quantity of at least 1Mi, found '1e500000000'\n");
  }

  @Test
  void should_group_repeated_findings_when_many_deployments_are_behind_one_service() throws IOException {
    // GIVEN: 20 Deployments with the same labels behind one LoadBalancer
    String[] documents = ReferenceDocuments.timeSlicingVllm().split("---\n");
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      yaml.append(documents[0].replaceFirst("name: vllm-gpu\n", "name: vllm-" + i + "\n")).append("---\n");
    }
    yaml.append(documents[1]);
    Files.writeString(dir.resolve("many.yaml"), yaml.toString());
    // WHEN
    run("lint", dir.resolve("many.yaml").toString());
    // THEN
    assertThat(out.toString().lines().filter(line -> line.contains("API_KEY_MISSING"))).hasSize(5)
        .last().asString().endsWith("; and 15 more API_KEY_MISSING at this path");
  }

  @Test
  void should_name_the_file_the_exception_and_ask_for_a_report_when_gpushare_has_a_defect() {
    // WHEN: what lint prints (as UNREADABLE, exit 2) and fmt (on stderr) for an unexpected exception
    String message = LintCommand.internalError("vllm.yaml", new IllegalStateException("boom\n  at somewhere"));
    // THEN: one line, no stack trace
    assertThat(message).isEqualTo("gpushare: internal error on vllm.yaml: IllegalStateException: boom (please report)");
  }

  @Test
  void should_report_the_missing_name_when_a_request_has_none() throws IOException {
    // GIVEN
    vllm("x", "x");
    Path claim = dir.resolve("claim.yaml");
    Files.writeString(claim, ReferenceDocuments.timeSlicingClaim().replace("    - name: gpu\n      exactly:", "    - exactly:"));
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains(claim + ":8: ERROR INVALID_NAME ResourceClaim[gpu-claim].spec.devices"
        + ".requests[0].name: expected a lowercase RFC 1123 label (at most 63 characters of a-z, 0-9 and '-', starting"
        + " and ending alphanumeric), found nothing\n");
  }

  @Test
  void should_judge_the_file_when_maxSurge_is_a_percentage_beyond_an_int() throws IOException {
    // GIVEN
    vllm("  replicas: 2\n", "  replicas: 2\n  strategy:\n    rollingUpdate:\n      maxSurge: 99999999999%\n");
    // WHEN
    int exit = run("lint", dir.toString());
    // THEN
    assertThat(exit).isEqualTo(1); // the tutorial's image error
    assertThat(out.toString()).doesNotContain("ROLLOUT_SURGE_OVERCOMMIT").endsWith("1 error, 2 warnings, 0 infos in 2 files\n");
  }
}
