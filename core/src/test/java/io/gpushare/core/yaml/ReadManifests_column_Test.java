package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The column of a finding's path (SARIF's startColumn): where the key or list entry it names starts. */
class ReadManifests_column_Test {
  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: vllm
          image: vllm/vllm-openai:v0.7.2
          args: ["--model", "google/gemma-3-1b-it"]
      """;

  private final ReadManifests read = ManifestReader.standard().read(POD, "p.yaml");

  @Test
  void should_give_the_column_of_the_key_the_path_ends_with() {
    // WHEN / THEN: `image:` under `- name:` starts at column 5, `spec:` at column 1
    assertThat(read.location("Pod[p].spec.containers[0].image")).isEqualTo("p.yaml:8");
    assertThat(read.column("Pod[p].spec.containers[0].image")).isEqualTo(5);
    assertThat(read.column("Pod[p].spec")).isEqualTo(1);
  }

  @Test
  void should_give_the_column_of_a_list_entry_in_flow_style() {
    // WHEN / THEN: args[1] is the second entry of the flow sequence, "google/gemma-3-1b-it" at column 23
    assertThat(read.location("Pod[p].spec.containers[0].args[1]")).isEqualTo("p.yaml:9");
    assertThat(read.column("Pod[p].spec.containers[0].args[1]")).isEqualTo(23);
    assertThat(read.column("Pod[p].spec.containers[0]")).isEqualTo(5);
  }

  @Test
  void should_give_column_1_when_the_path_names_no_object_read() {
    // WHEN / THEN
    assertThat(read.column("Deployment[x].spec")).isEqualTo(1);
  }
}
