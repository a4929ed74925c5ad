package io.gpushare.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpushare.core.TestCatalogs;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogReader_read_Test {
  private final CatalogReader reader = CatalogReader.standard();

  @TempDir Path dir;

  @Test
  void should_read_a_gpu_and_a_model_when_the_file_has_the_documented_shape() {
    // WHEN
    Catalog catalog = reader.read(TestCatalogs.ACME, "acme.yaml");
    // THEN
    assertThat(catalog.gpus()).containsExactly(new GpuProduct("ACME X1 96GB", List.of("ACME X1 96GB"), 96 * 1024,
        List.of("1g.12gb", "3g.48gb", "7g.96gb")));
    assertThat(catalog.models()).containsExactly(
        new ModelInfo("acme/acme-chat-40b", new BigDecimal("40.1"), 2, Optional.of("0.9.0")));
    assertThat(catalog.models().get(0).weightBytes()).isEqualTo(80_200_000_000L);
  }

  @Test
  void should_read_the_optional_fields_when_they_are_given() {
    // GIVEN
    String yaml = """
        gpus:
        - productName: ACME X2
          productNames: [ACME X2 PCIe, ACME X2]
          memory: 80G
        models:
        - id: acme/acme-mini
          parameters: 3_000_000_000
          bytesPerParameter: 1
          minimumVllm: "0.10"
        """;
    // WHEN
    Catalog catalog = reader.read(yaml, "acme.yaml");
    // THEN: 80G is 80 x 10^9 bytes, in whole MiB
    assertThat(catalog.gpus()).containsExactly(
        new GpuProduct("ACME X2", List.of("ACME X2", "ACME X2 PCIe"), 76293, List.of()));
    assertThat(catalog.models()).containsExactly(
        new ModelInfo("acme/acme-mini", new BigDecimal("3.000000000"), 1, Optional.of("0.10")));
  }

  @Test
  void should_read_a_post_release_when_the_minimum_vllm_is_one() {
    // GIVEN Llama 3.1 needs 0.5.3.post1 (vLLM PR #6696): a post release is a release
    String yaml = """
        models:
        - id: acme/acme-llama
          parameters: 8.03e9
          minimumVllm: 0.5.3.post1
        """;
    // WHEN
    Catalog catalog = reader.read(yaml, "acme.yaml");
    // THEN
    assertThat(catalog.models()).extracting(ModelInfo::minimumVllm).containsExactly(Optional.of("0.5.3.post1"));
  }

  @Test
  void should_read_measured_cuda_totals_when_the_gpu_and_its_profiles_give_them() {
    // GIVEN
    String yaml = """
        gpus:
        - productName: ACME X1 96GB
          memory: 96Gi
          cudaTotal: 95.5Gi
          migProfiles:
          - 1g.12gb
          - {name: 3g.48gb, memory: 47.5Gi, cudaTotal: 47Gi}
        """;
    // WHEN
    Catalog catalog = reader.read(yaml, "acme.yaml");
    // THEN: a profile given by name alone has its memory derived (12 GiB x 0.975, in 128 MiB steps)
    assertThat(catalog.gpus()).containsExactly(new GpuProduct("ACME X1 96GB", List.of("ACME X1 96GB"), 98304,
        97792, List.of(new MigProfile("1g.12gb", 11904, 11904), new MigProfile("3g.48gb", 48640, 48128))));
  }

  @Test
  void should_read_an_empty_catalog_when_the_lists_are_empty() {
    // WHEN
    Catalog catalog = reader.read("gpus: []\nmodels:\n", "empty.yaml");
    // THEN
    assertThat(catalog.gpus()).isEmpty();
    assertThat(catalog.models()).isEmpty();
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("an unknown key", """
            gpus:
            - productName: ACME X1 96GB
              memoryMiB: 98304
            """, "acme.yaml:3: unknown key 'memoryMiB' in gpus[0]; expected productName, productNames, memory,"
            + " cudaTotal, migProfiles"),
        Arguments.of("a CUDA total above the memory", """
            gpus:
            - productName: ACME X1 96GB
              memory: 96Gi
              cudaTotal: 97Gi
            """, "acme.yaml:4: expected gpus[0].cudaTotal (what CUDA reports) to be at most its memory, found 99328"
            + " MiB > 98304 MiB"),
        Arguments.of("a MIG profile larger than its GPU", """
            gpus:
            - productName: ACME X1 96GB
              memory: 96Gi
              migProfiles:
              - {name: 7g.96gb, memory: 100Gi}
            """, "acme.yaml:5: expected the memory of MIG profile '7g.96gb' to be at most gpus[0].memory, found"
            + " 102400 MiB > 98304 MiB"),
        Arguments.of("an unknown top-level key", """
            gpu:
            - productName: ACME X1 96GB
            """, "acme.yaml:1: unknown key 'gpu' in the catalog; expected gpus, models"),
        Arguments.of("a memory that is not a quantity", """
            gpus:
            - productName: ACME X1 96GB
              memory: 96GB
            """, "acme.yaml:3: expected gpus[0].memory to be a Kubernetes quantity such as 96Gi (Gi: 2^30 bytes,"
            + " G: 10^9 bytes), found '96GB'"),
        Arguments.of("no memory", """
            gpus:
            - productName: ACME X1 96GB
            """, "acme.yaml:2: missing key 'memory' in gpus[0]"),
        Arguments.of("a MIG profile of another form", """
            gpus:
            - productName: ACME X1 96GB
              memory: 96Gi
              migProfiles: [3g.48GB]
            """, "acme.yaml:4: expected gpus[0].migProfiles to hold MIG profile names such as 3g.48gb, found"
            + " '3g.48GB'"),
        Arguments.of("a product name twice", """
            gpus:
            - productName: ACME X1 96GB
              memory: 96Gi
            - productName: ACME X1 96GB
              memory: 48Gi
            """, "acme.yaml:4: product name 'ACME X1 96GB' of gpus[1] is already gpus[0]'s; one GPU per product"
            + " name"),
        Arguments.of("parameters in billions", """
            models:
            - id: acme/acme-chat-40b
              parameters: 40.1
            """, "acme.yaml:3: expected models[0].parameters to count the parameters (40.1e9 for 40.1 billion),"
            + " found 40.1"),
        Arguments.of("parameters as a string", """
            models:
            - id: acme/acme-chat-40b
              parameters: 40.1 billion
            """, "acme.yaml:3: expected models[0].parameters to be a number, found a string '40.1 billion'"),
        Arguments.of("a product name that is a number", """
            gpus:
            - productName: 4090
              memory: 24Gi
            """, "acme.yaml:2: expected gpus[0].productName to be a string, found an int '4090' (quote it to make"
            + " it a string)"),
        Arguments.of("a version that is not one", """
            models:
            - id: acme/acme-chat-40b
              parameters: 40.1e9
              minimumVllm: latest
            """, "acme.yaml:4: expected models[0].minimumVllm to be a vLLM release such as 0.8.0 or 0.5.3.post1,"
            + " found 'latest'"),
        Arguments.of("a minimum vLLM with a build suffix", """
            models:
            - id: acme/acme-chat-40b
              parameters: 40.1e9
              minimumVllm: 0.6.3-cu121
            """, "acme.yaml:4: expected models[0].minimumVllm to be a vLLM release such as 0.8.0 or 0.5.3.post1,"
            + " found '0.6.3-cu121'"),
        Arguments.of("a duplicate key", """
            models:
            - id: acme/acme-chat-40b
              parameters: 40.1e9
              parameters: 4.1e9
            """, "acme.yaml:4: duplicate key 'parameters' in models[0] (duplicate keys are refused: one of the"
            + " values would be lost)"),
        Arguments.of("malformed YAML", """
            gpus:
            - productName: [ACME X1 96GB
              memory: 96Gi
            """, "acme.yaml:3: expected ',' or ']', but got : at column 9 (while parsing a flow sequence from line 2)"),
        Arguments.of("a list instead of a mapping", """
            - productName: ACME X1 96GB
            """, "acme.yaml:1: expected the catalog to be a mapping with gpus, models, found a list"),
        Arguments.of("a custom tag", """
            gpus: !!javax.script.ScriptEngineManager []
            """, "acme.yaml:1: a custom tag is not allowed: Global tag is not allowed:"
            + " tag:yaml.org,2002:javax.script.ScriptEngineManager"),
        Arguments.of("an empty file", "", "acme.yaml:0: expected a catalog (a mapping with gpus and models), found"
            + " an empty file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void should_name_the_file_line_and_key_when_the_catalog_is_refused(String name, String yaml, String message) {
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml, "acme.yaml"))
        .isInstanceOf(CatalogParseException.class)
        .hasMessage(message)
        .hasNoCause();
  }

  @Test
  void should_refuse_aliases_when_there_are_more_than_the_bound() {
    // GIVEN: one GPU, then 21 aliases of it
    String yaml = """
        gpus:
        - &g {productName: ACME X1 96GB, memory: 96Gi}
        """ + "- *g\n".repeat(CatalogReader.MAX_ALIASES + 1);
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml, "bomb.yaml"))
        .isInstanceOf(CatalogParseException.class)
        .hasMessage("bomb.yaml:0: too many aliases (at most 20): refusing what looks like an alias bomb");
  }

  @Test
  void should_refuse_a_list_when_it_has_more_entries_than_the_bound() {
    // GIVEN
    String profiles = String.join(", ", java.util.Collections.nCopies(CatalogReader.MAX_VALUES + 1, "1g.5gb"));
    String yaml = """
        gpus:
        - productName: ACME X1 96GB
          memory: 96Gi
          migProfiles: [%s]
        """.formatted(profiles);
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(yaml, "long.yaml"))
        .isInstanceOf(CatalogParseException.class)
        .hasMessage("long.yaml:4: more than 100000 list entries once aliases are expanded: refusing what looks like"
            + " an alias bomb");
  }

  @Test
  void should_name_the_path_when_a_file_is_malformed() throws IOException {
    // GIVEN
    Path file = Files.writeString(dir.resolve("gpus.yaml"), "gpus:\n- productName: ACME X1 96GB\n  memory: 96 GiB\n");
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(CatalogParseException.class)
        .hasMessage(file + ":3: expected gpus[0].memory to be a Kubernetes quantity such as 96Gi (Gi: 2^30 bytes,"
            + " G: 10^9 bytes), found '96 GiB'");
  }

  @Test
  void should_refuse_a_file_when_it_is_larger_than_the_bound() throws IOException {
    // GIVEN
    Path file = Files.write(dir.resolve("big.yaml"), new byte[CatalogReader.MAX_BYTES + 1]);
    // WHEN / THEN
    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(CatalogParseException.class)
        .hasMessage(file + ":0: more than 1048576 bytes; at most that many are read");
  }
}
