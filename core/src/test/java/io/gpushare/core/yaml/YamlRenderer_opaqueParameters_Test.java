package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlRenderer_opaqueParameters_Test {

  @Test
  void should_write_parameters_back_when_they_have_no_kind() {
    // GIVEN a claim whose opaque parameters have no kind, which fabric8 keeps as a plain map
    // (found by ManifestReader_fuzz_Test: crash-NodeTrees-parameters-without-kind-*)
    String text = """
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata:
          name: gpu
        spec:
          devices:
            requests:
            - name: gpu
              exactly:
                deviceClassName: gpu.nvidia.com
            config:
            - requests: ["gpu"]
              opaque:
                driver: gpu.nvidia.com
                parameters:
                  apiVersion: resource.nvidia.com/v1beta1
        """;
    ReadManifests read = ManifestReader.standard().read(text, "claim.yaml");

    // WHEN it is rendered the way fmt writes it
    String rendered = YamlRenderer.canonical().render(read.asWritten("claim.yaml"));

    // THEN the parameters are written as read
    assertThat(rendered).isEqualTo(text);
  }
}
