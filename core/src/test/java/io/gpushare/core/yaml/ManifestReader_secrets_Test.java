package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gpushare.core.validate.FakeTokens;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationReport;
import io.gpushare.core.validate.Validator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ways of issue 10 to write a credential into a manifest, read from YAML and judged as
 * {@code gpushare lint} judges them: each gives its finding at its line, and no message repeats
 * the credential. Tokens are built at run time ({@link FakeTokens}).
 */
class ManifestReader_secrets_Test {
  private static final String HF = FakeTokens.HF;

  /** A Deployment whose one container has {@code container} (indented 8) and whose pod has {@code pod} (indented 6). */
  private static String deployment(String metadata, String pod, String container) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        %s
        spec:
          selector: {matchLabels: {app: app}}
          template:
            metadata:
              labels: {app: app}
            spec:
        %s
              containers:
              - name: app
                image: busybox:1.36
        %s
        """.formatted(metadata, pod, container);
  }

  private static String container(String lines) {
    return deployment("", "", lines);
  }

  static Stream<Arguments> ways() {
    String c = "Deployment[app].spec.template.spec.containers[0]";
    return Stream.of(
        // the 7 found before issue 10
        Arguments.of("a token under HF_TOKEN", container("        env: [{name: HF_TOKEN, value: " + HF + "}]"),
            "16: ERROR SECRET_LITERAL " + c + ".env[0].value"),
        Arguments.of("a password under DB_PASSWORD", container("        env: [{name: DB_PASSWORD, value: hunter2}]"),
            "16: ERROR SECRET_LITERAL " + c + ".env[0].value"),
        Arguments.of("a value under OPENAI_API_KEY", container("        env: [{name: OPENAI_API_KEY, value: abc123}]"),
            "16: ERROR SECRET_LITERAL " + c + ".env[0].value"),
        Arguments.of("a token under any name", container("        env: [{name: MODEL_SETTING, value: " + HF + "}]"),
            "16: ERROR SECRET_LITERAL " + c + ".env[0].value"),
        Arguments.of("--api-key in args", container("        args: [--model=m, --api-key=abc123]"),
            "16: ERROR SECRET_LITERAL " + c + ".args[1]"),
        Arguments.of("a token in args", container("        args: [--model=m, --hf-token, " + HF + "]"),
            "16: ERROR SECRET_LITERAL " + c + ".args[2]"),
        Arguments.of("--api-key in a vLLM shell script",
            container("        command: [sh, -c, \"vllm serve m --api-key abc123\"]"),
            "16: ERROR SECRET_LITERAL " + c + ".command[2]"),
        // the 10 that passed before issue 10
        Arguments.of("a token in command", container("        command: [python, serve.py, --token=" + HF + "]"),
            "16: ERROR SECRET_LITERAL " + c + ".command[2]"),
        Arguments.of("an assignment in bash -c", container(
                "        command: [bash, -c, \"HF_TOKEN=" + HF + " vllm serve m\"]"),
            "16: ERROR SECRET_LITERAL " + c + ".command[2]"),
        Arguments.of("a token in an init container", deployment("", "      initContainers:\n"
                + "      - {name: fetch, image: busybox:1.36, env: [{name: HF_TOKEN, value: " + HF + "}]}", ""),
            "13: ERROR SECRET_LITERAL Deployment[app].spec.template.spec.initContainers[0].env[0].value"),
        Arguments.of("a value under APITOKEN", container("        env: [{name: APITOKEN, value: abc123}]"),
            "16: ERROR SECRET_LITERAL " + c + ".env[0].value"),
        Arguments.of("a value under HFTOKEN", container("        env: [{name: HFTOKEN, value: abc123}]"),
            "16: ERROR SECRET_LITERAL " + c + ".env[0].value"),
        Arguments.of("a value under OPENAI_AUTH", container("        env: [{name: OPENAI_AUTH, value: abc123}]"),
            "16: ERROR SECRET_LITERAL " + c + ".env[0].value"),
        Arguments.of("a token without a word boundary", container("        args: [\"x" + HF + "\"]"),
            "16: ERROR SECRET_LITERAL " + c + ".args[0]"),
        Arguments.of("a token in an annotation", deployment("  annotations: {example.com/token: " + HF + "}", "", ""),
            "5: ERROR SECRET_LITERAL Deployment[app].metadata.annotations[\"example.com/token\"]"),
        Arguments.of("a ConfigMap read through envFrom", container("        envFrom: [{configMapRef: {name: env}}]")
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: env}\ndata:\n  HF_TOKEN: abc123\n",
            "22: ERROR SECRET_LITERAL ConfigMap[env].data.HF_TOKEN"),
        Arguments.of("a URL with an access key and a password", container(
                "        args: [\"--load=s3://" + FakeTokens.AWS_KEY_ID + ":abc123@bucket/model\"]"),
            "16: ERROR SECRET_LITERAL " + c + ".args[0]"),
        // and a Secret with its values written down
        Arguments.of("a Secret with data",
            "apiVersion: v1\nkind: Secret\nmetadata: {name: hf-secret}\nstringData:\n  hf_api_token: " + HF + "\n",
            "4: WARNING SECRET_IN_MANIFEST Secret[hf-secret].stringData"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ways")
  void should_report_the_credential_without_repeating_it_when_written_in_the_manifest(String way, String yaml,
      String expected) {
    // WHEN
    ReadManifests read = ManifestReader.standard().read(yaml, "app.yaml");
    ValidationReport report = Validator.standard().validate(read.set());
    // THEN
    List<Finding> secrets = report.findings().stream().filter(f -> f.code().startsWith("SECRET_")).toList();
    assertThat(secrets).extracting(f -> read.location(f.path()).replace("app.yaml:", "") + ": "
        + f.severity() + " " + f.code() + " " + f.path()).containsExactly(expected);
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.toString())
        .doesNotContain(HF.substring(3)).doesNotContain("abc123").doesNotContain("hunter2")
        .doesNotContain(FakeTokens.AWS_KEY_ID));
  }

  static Stream<Arguments> notCredentials() {
    return Stream.of(
        Arguments.of("TOKENIZERS_PARALLELISM", "        env: [{name: TOKENIZERS_PARALLELISM, value: \"false\"}]"),
        Arguments.of("HF_HUB_ENABLE_HF_TRANSFER", "        env: [{name: HF_HUB_ENABLE_HF_TRANSFER, value: \"1\"}]"),
        Arguments.of("KEYCLOAK_URL", "        env: [{name: KEYCLOAK_URL, value: \"https://sso.example.com\"}]"),
        Arguments.of("MAX_TOKENS", "        env: [{name: MAX_TOKENS, value: \"4096\"}]"),
        Arguments.of("HF_TOKEN_PATH", "        env: [{name: HF_TOKEN_PATH, value: /secrets/hf}]"),
        Arguments.of("a $(VAR) placeholder", "        args: [\"--api-key=$(VLLM_API_KEY)\"]"),
        Arguments.of("a ${VAR} placeholder", "        env: [{name: HF_TOKEN, value: \"${HF_TOKEN}\"}]"),
        Arguments.of("a shell variable", "        command: [sh, -c, \"HF_TOKEN=$HF vllm serve m --api-key \\\"$KEY\\\"\"]"),
        Arguments.of("a URL password from a variable", "        args: [\"--db=postgres://u:$(DB_PASSWORD)@db/x\"]"),
        Arguments.of("a token from a Secret", "        env: [{name: HF_TOKEN, valueFrom: {secretKeyRef: {name: s, key: t}}}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notCredentials")
  void should_report_nothing_when_no_credential_is_written(String way, String lines) {
    // WHEN
    ReadManifests read = ManifestReader.standard().read(container(lines), "app.yaml");
    ValidationReport report = Validator.standard().validate(read.set());
    // THEN
    assertThat(report.findings()).extracting(Finding::code).doesNotContain("SECRET_LITERAL");
  }

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("compose-style env", container("        env:\n        - HF_TOKEN=" + HF)),
        Arguments.of("a token as valueFrom", container("        env: [{name: HF_TOKEN, valueFrom: " + HF + "}]")),
        Arguments.of("a token as replicas", deployment("", "", "").replace("spec:\n  selector",
            "spec:\n  replicas: " + HF + "\n  selector")),
        Arguments.of("a plain password, compose-style", container("        env:\n        - DB_PASSWORD=hunter2")),
        Arguments.of("a plain password as valueFrom", container("        env: [{name: X, valueFrom: \"DB_PASSWORD=hunter2\"}]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void should_redact_the_token_when_a_parse_error_quotes_it(String way, String yaml) {
    // WHEN
    ManifestParseException e = catchThrowableOfType(() -> ManifestReader.standard().read(yaml, "app.yaml"),
        ManifestParseException.class);
    // THEN
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("app.yaml:").doesNotContain(HF.substring(3)).doesNotContain("hunter2");
  }
}
