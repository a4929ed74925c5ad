package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.gpushare.core.model.ManifestBundle;
import io.gpushare.dsl.GpuShare;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --source CLASS --classpath PATH} with sources compiled here into a directory that
 * is not on the test's classpath, as a user's build output would be.
 */
class RenderCommand_source_Test extends CliTest {
  @TempDir static Path classes;
  @TempDir Path dir;

  private static final Map<String, String> SOURCES = Map.of(
      "com/example/Hooked.java", """
          package com.example;

          import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
          import io.gpushare.core.model.ManifestBundle;
          import io.gpushare.core.model.TimeSliceInterval;
          import io.gpushare.core.render.ManifestSource;
          import io.gpushare.dsl.GpuShare;

          public final class Hooked implements ManifestSource {
            @Override
            public ManifestBundle bundle() {
              return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
                  .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0")
                      .replicas(2).gpuMemoryUtilization(0.42)
                      .huggingFaceToken("hf-secret", "hf_api_token")
                      .customizePod(pod -> pod.withRuntimeClassName("nvidia")))
                  .add("config.yaml", new ConfigMapBuilder().withNewMetadata().withName("vllm-config").endMetadata()
                      .addToData("max-model-len", "2048").build())
                  .build();
            }
          }
          """,
      "com/example/Overcommitted.java", """
          package com.example;

          import io.gpushare.core.model.ManifestBundle;
          import io.gpushare.core.model.TimeSliceInterval;
          import io.gpushare.core.render.ManifestSource;
          import io.gpushare.dsl.GpuShare;

          public final class Overcommitted implements ManifestSource {
            @Override
            public ManifestBundle bundle() {
              return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
                  .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").image("vllm/vllm-openai:v0.21.0")
                      .replicas(2).gpuMemoryUtilization(0.42)
                      .huggingFaceToken("hf-secret", "hf_api_token")
                      .customizeDeployment(d -> d.editSpec().withReplicas(3).endSpec()))
                  .build();
            }
          }
          """,
      "com/example/NotASource.java", """
          package com.example;

          public final class NotASource {
          }
          """,
      "com/example/Throwing.java", """
          package com.example;

          import io.gpushare.core.model.ManifestBundle;
          import io.gpushare.core.render.ManifestSource;

          public final class Throwing implements ManifestSource {
            public Throwing() {
              throw new IllegalStateException("no catalog configured");
            }

            @Override
            public ManifestBundle bundle() {
              return null;
            }
          }
          """);

  @BeforeAll
  static void compile() throws IOException, URISyntaxException {
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Path file = classes.resolve("src").resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file.toString());
    }
    List<String> classpath = new ArrayList<>();
    for (Class<?> type : List.of(ManifestBundle.class, GpuShare.class, HasMetadata.class, ResourceClaim.class,
        io.fabric8.kubernetes.api.model.apps.DeploymentBuilder.class, io.fabric8.kubernetes.api.builder.VisitableBuilder.class)) {
      classpath.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.resolve("out").toString(),
        "-classpath", String.join(File.pathSeparator, classpath)));
    arguments.addAll(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();
  }

  private static String classpath() {
    return classes.resolve("out").toString();
  }

  @Test
  void should_render_what_the_source_and_its_hooks_produce() throws IOException {
    // WHEN
    int exit = run("render", "--source", "com.example.Hooked", "--classpath", classpath(),
        "--out", dir.resolve("manifests").toString());
    // THEN
    assertThat(exit).as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("manifests/vllm.yaml"))).contains("      runtimeClassName: nvidia\n");
    assertThat(Files.readString(dir.resolve("manifests/config.yaml"))).isEqualTo("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: vllm-config
        data:
          max-model-len: "2048"
        """);
    try (var files = Files.list(dir.resolve("manifests"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("claim.yaml", "config.yaml", "vllm.yaml");
    }
  }

  @Test
  void should_exit_1_with_the_finding_when_a_hook_breaks_the_budget() {
    // WHEN
    int exit = run("render", "--source", "com.example.Overcommitted", "--classpath", classpath());
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("gpushare: manifests not rendered, 1 error")
        .contains("\nERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested"
            + " (limit 1.00): Deployment[vllm-gpu] 3 x 0.42\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_exit_2_when_the_class_is_not_on_the_classpath() {
    // WHEN
    int exit = run("render", "--source", "com.example.Missing", "--classpath", classpath());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: --source com.example.Missing: class com.example.Missing not found"
        + " on the classpath " + classpath() + "; give its fully qualified name and the jar or class directory that"
        + " holds it with --classpath\n");
  }

  @Test
  void should_exit_2_when_the_class_is_not_a_manifest_source() {
    // WHEN
    int exit = run("render", "--source", "com.example.NotASource", "--classpath", classpath());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: --source com.example.NotASource: com.example.NotASource does not"
        + " implement io.gpushare.core.render.ManifestSource; name a public class that implements it, with a public"
        + " no-argument constructor\n");
  }

  @Test
  void should_exit_2_with_the_cause_when_the_constructor_throws() {
    // WHEN
    int exit = run("render", "--source", "com.example.Throwing", "--classpath", classpath());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: --source com.example.Throwing: the constructor of"
        + " com.example.Throwing failed: java.lang.IllegalStateException: no catalog configured; make it succeed without"
        + " arguments\n");
  }

  @Test
  void should_exit_2_when_a_classpath_entry_does_not_exist() {
    // WHEN
    int exit = run("render", "--source", "com.example.Hooked", "--classpath", dir.resolve("missing.jar").toString());
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gpushare: --source com.example.Hooked: classpath entry "
        + dir.resolve("missing.jar") + " does not exist; --classpath lists jars and class directories separated by '"
        + File.pathSeparator + "'\n");
  }

  @Test
  void should_exit_2_when_both_an_example_and_a_source_are_given() {
    // WHEN
    int exit = run("render", "--example", "mps", "--source", "com.example.Hooked");
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--example and --source exclude each other: give --example NAME to render an"
        + " example, or --source CLASS to render your own\n");
  }
}
