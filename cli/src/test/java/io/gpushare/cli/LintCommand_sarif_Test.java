package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.gpushare.core.validate.FindingCode;
import io.gpushare.testing.ReferenceDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --format sarif}: a SARIF 2.1.0 log that validates against the OASIS schema
 * (sarif/sarif-schema-2.1.0.json, the Committee Specification in oasis-tcs/sarif-spec at 3682e9ee, see the README
 * beside it).
 */
class LintCommand_sarif_Test extends CliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Schema schema;

  @TempDir Path dir;

  @BeforeAll
  static void readSchema() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    try (InputStream in = LintCommand_sarif_Test.class.getResourceAsStream("sarif/sarif-schema-2.1.0.json")) {
      schema = registry.getSchema(MAPPER.readTree(in));
    }
  }

  private static List<String> violations(JsonNode log) {
    return schema.validate(log).stream().map(Error::toString).toList();
  }

  /** The tutorial, its image error acknowledged, and a file that does not parse. */
  private Path tutorialAcknowledgedAndBroken() throws IOException {
    Files.writeString(dir.resolve("claim.yaml"), ReferenceDocuments.timeSlicingClaim());
    Files.writeString(dir.resolve("vllm.yaml"), ReferenceDocuments.timeSlicingVllm().replaceFirst("  name: vllm-gpu\n",
        "  name: vllm-gpu\n  annotations:\n    gpushare.io/acknowledge: \"VLLM_IMAGE_TOO_OLD: reproduces the GKE"
            + " tutorial as published\"\n"));
    Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: Service\nkind: Pod\n");
    return dir;
  }

  @Test
  void should_write_a_log_that_validates_against_the_sarif_2_1_0_schema() throws IOException {
    // WHEN: findings of every level, an acknowledged one, and an unreadable file
    int exit = run("lint", "--format", "sarif", tutorialAcknowledgedAndBroken().toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    JsonNode log = MAPPER.readTree(out.toString());
    assertThat(violations(log)).isEmpty();
    assertThat(log.path("runs")).hasSize(1);
  }

  @Test
  void should_catch_a_log_that_breaks_the_schema() throws IOException {
    // GIVEN: the validator is not lenient: a level SARIF does not have, and a line 0
    run("lint", "--format", "sarif", tutorialAcknowledgedAndBroken().toString());
    ObjectNode log = (ObjectNode) MAPPER.readTree(out.toString());
    ObjectNode result = (ObjectNode) log.path("runs").path(0).path("results").path(0);
    result.put("level", "fatal");
    ((ObjectNode) result.path("locations").path(0).path("physicalLocation").path("region")).put("startLine", 0);
    // WHEN
    List<String> violations = violations(log);
    // THEN
    assertThat(violations).hasSize(2);
    assertThat(String.join("\n", violations)).contains("/runs/0/results/0/level")
        .contains("/runs/0/results/0/locations/0/physicalLocation/region/startLine");
  }

  @Test
  void should_describe_every_finding_code_as_a_rule_with_help_and_a_link() throws IOException {
    // WHEN
    run("lint", "--format", "sarif", tutorialAcknowledgedAndBroken().resolve("claim.yaml").toString());
    // THEN
    JsonNode driver = MAPPER.readTree(out.toString()).path("runs").path(0).path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("gpushare");
    assertThat(driver.path("informationUri").asText()).isEqualTo("https://github.com/gpushare/gpushare");
    List<String> ids = new ArrayList<>();
    driver.path("rules").forEach(rule -> ids.add(rule.path("id").asText()));
    assertThat(ids).containsExactlyElementsOf(Arrays.stream(FindingCode.values()).map(Enum::name).toList());
    JsonNode image = driver.path("rules").path(FindingCode.VLLM_IMAGE_TOO_OLD.ordinal());
    assertThat(image.path("shortDescription").path("text").asText())
        .isEqualTo("a vLLM image older than the first release that loads the model");
    assertThat(image.path("fullDescription").path("text").asText()).startsWith("a vLLM image older than the first"
        + " release that loads the model. Failing example: the tutorial: `vllm/vllm-openai:v0.7.2` for Gemma 3,");
    assertThat(image.path("help").path("text").asText()).isEqualTo("Fix: an image at or after the catalog's"
        + " `minimumVllm`: the server cannot load the model and never starts (severity ERROR;"
        + " https://github.com/gpushare/gpushare/blob/main/docs/validation.md#vllm)");
    assertThat(image.path("helpUri").asText())
        .isEqualTo("https://github.com/gpushare/gpushare/blob/main/docs/validation.md#vllm");
    assertThat(image.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    assertThat(driver.path("rules").path(FindingCode.MODEL_UNKNOWN.ordinal()).path("defaultConfiguration")
        .path("level").asText()).isEqualTo("note");
  }

  @Test
  void should_give_each_result_its_level_file_line_and_column() throws IOException {
    // WHEN
    int exit = run("lint", "--format", "sarif", tutorialAcknowledgedAndBroken().toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    JsonNode run = MAPPER.readTree(out.toString()).path("runs").path(0);
    List<String> results = new ArrayList<>();
    for (JsonNode result : run.path("results")) {
      JsonNode physical = result.path("locations").path(0).path("physicalLocation");
      results.add(result.path("ruleId").asText() + " " + result.path("level").asText() + " "
          + physical.path("artifactLocation").path("uri").asText() + ":"
          + physical.path("region").path("startLine").asInt() + ":" + physical.path("region").path("startColumn").asInt()
          + " " + result.path("suppressions").path(0).path("justification").asText("-"));
    }
    String uri = dir.toUri().toString();
    assertThat(results).containsExactly(
        "VLLM_IMAGE_TOO_OLD error " + uri + "vllm.yaml:26:9 reproduces the GKE tutorial as published",
        "ROLLOUT_SURGE_OVERCOMMIT warning " + uri + "vllm.yaml:7:1 -",
        "VLLM_STARTUP_RACE warning " + uri + "claim.yaml:1:1 -",
        "API_KEY_MISSING warning " + uri + "vllm.yaml:64:3 -");
    JsonNode first = run.path("results").path(1);
    assertThat(first.path("message").path("text").asText()).isEqualTo("Deployment[vllm-gpu].spec.strategy: a rolling"
        + " update starts 1 more pod (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then has 1.26 of the"
        + " GPU's memory requested (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42\n"
        + LintCommand_Test.SURGE_HINT.strip());
    JsonNode invocation = run.path("invocations").path(0);
    assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.path("toolExecutionNotifications").path(0).path("message").path("text").asText())
        .isEqualTo("UNREADABLE: duplicate key kind (duplicate keys are refused: one of the values would be lost)");
  }

  @Test
  void should_name_a_file_under_the_working_directory_by_a_relative_uri() {
    // GIVEN
    Path work = Path.of("/work/repo");
    // WHEN / THEN
    assertThat(Sarif.uri("manifests/vllm.yaml", work.resolve("..").resolve("repo"))).isEqualTo("manifests/vllm.yaml");
    assertThat(Sarif.uri("/work/repo/my manifests/vllm.yaml", work)).isEqualTo("my%20manifests/vllm.yaml");
    assertThat(Sarif.uri("/elsewhere/vllm.yaml", work)).isEqualTo("file:///elsewhere/vllm.yaml");
    assertThat(Sarif.uri("<stdin>", work)).isEqualTo("stdin");
  }
}
