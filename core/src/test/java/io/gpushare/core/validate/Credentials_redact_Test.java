package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The token formats, the names that mean a credential, and the redaction every message goes through. */
class Credentials_redact_Test {

  static Stream<Arguments> tokens() {
    return Stream.of(
        Arguments.of("HF_TOKEN=" + FakeTokens.HF + " vllm serve", "HF_TOKEN=hf_**** vllm serve", "Hugging Face token"),
        Arguments.of("x" + FakeTokens.HF, "xhf_****", "Hugging Face token"),
        Arguments.of("key " + FakeTokens.OPENAI, "key sk-proj-****", "OpenAI key"),
        Arguments.of("s3://" + FakeTokens.AWS_KEY_ID + ":abc123@bucket/m", "s3://AKIA****:****@bucket/m",
            "AWS access key id"),
        Arguments.of("git clone https://" + FakeTokens.GITHUB + "@github.com/o/r",
            "git clone https://ghp_****@github.com/o/r", "GitHub token"),
        Arguments.of("postgres://app:hunter2@db:5432/x", "postgres://app:****@db:5432/x", "URL password"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("tokens")
  void should_keep_only_the_prefix_when_text_holds_a_token(String text, String redacted, String kind) {
    // WHEN
    String result = Credentials.redact(text);
    // THEN
    assertThat(result).isEqualTo(redacted);
    assertThat(Credentials.tokenIn(text)).contains(kind);
    assertThat(Credentials.redact(result)).isEqualTo(result);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "hf_api_token, false", "postgres://app:$(DB_PASSWORD)@db/x, false", "http://localhost:8000/v1, false",
      "disk-pressure, false", "ASIA, false", "hf_short, false"})
  void should_leave_text_alone_when_it_holds_no_token(String text, boolean token) {
    // WHEN / THEN
    assertThat(Credentials.tokenIn(text).isPresent()).isEqualTo(token);
    assertThat(Credentials.redact(text)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "DB_PASSWORD=hunter2 | DB_PASSWORD=****",
      "expected a mapping, found 'DB_PASSWORD=hunter2' | expected a mapping, found 'DB_PASSWORD=****'",
      "--api-key=abc123 --port 8000 | --api-key=**** --port 8000",
      "{hfToken: abc123, x: 1} | {hfToken: ****, x: 1}",
      "OPENAI_AUTH: \"abc\" | OPENAI_AUTH: \"****\"",
      "DB_PASSWORD=$(DB_PASSWORD) | DB_PASSWORD=$(DB_PASSWORD)",
      "ENABLE_AUTH=false | ENABLE_AUTH=false",
      "HF_TOKEN_PATH=/secrets/t | HF_TOKEN_PATH=/secrets/t",
      "--max-num-batched-tokens=8192 | --max-num-batched-tokens=8192",
      "'Authorization: Bearer <key>' | 'Authorization: Bearer <key>'",
      "secretKeyRef: {name: hf, key: token} | secretKeyRef: {name: hf, key: token}"})
  void should_hide_the_value_when_a_credentials_name_is_assigned_one(String text, String redacted) {
    // WHEN / THEN
    assertThat(Credentials.redact(text)).isEqualTo(redacted);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "HF_TOKEN, true", "TOKEN, true", "APITOKEN, true", "HFTOKEN, true", "hfToken, true", "API_KEY, true",
      "APIKEY, true", "OPENAI_AUTH, true", "SECRET, true", "CLIENT_SECRET, true", "DB_PASSWORD, true",
      "PASSWD, true", "CREDENTIALS, true", "AWS_ACCESS_KEY_ID, true", "AWS_SECRET_ACCESS_KEY, true",
      "--hf-token, true", "--api-key, true", "API_KEY_2, true",
      "TOKENIZERS_PARALLELISM, false", "HF_HUB_ENABLE_HF_TRANSFER, false", "KEYCLOAK_URL, false",
      "MAX_TOKENS, false", "HF_TOKEN_PATH, false", "API_KEY_FILE, false", "SECRET_NAME, false",
      "--tokenizer, false", "--ssl-keyfile, false", "MONKEY, false"})
  void should_tell_a_credentials_name_when_its_last_word_names_one(String name, boolean credential) {
    // WHEN / THEN
    assertThat(Credentials.credentialName(name)).isEqualTo(credential);
  }

  /**
   * Every text built from the pattern's names (in three cases), a quote or none, blanks, a separator
   * and a value, with text before and after: wherever {@link Credentials#ASSIGNMENT} finds a match,
   * the shortcut that spares the search must say one is possible, or a credential would be printed.
   */
  @Test
  void should_never_skip_a_text_the_assignment_pattern_matches_when_deciding_whether_to_search() {
    // GIVEN
    List<String> names = List.of("token", "secret", "password", "passwd", "pwd", "apikey", "api_key", "api-key",
        "auth", "credential", "credentials", "key", "tokens", "author", "passw");
    List<String> texts = new ArrayList<>();
    for (String name : names) {
      for (String cased : List.of(name, name.toUpperCase(Locale.ROOT), "Hf" + name.substring(0, 1).toUpperCase(Locale.ROOT)
          + name.substring(1))) {
        for (String quote : List.of("", "\"", "'")) {
          for (String blanks : List.of("", " ", " \t ")) {
            for (String separator : List.of("=", ":", " ")) {
              for (String value : List.of("abc123", "$(X)", "\"v\"", "")) {
                texts.add("x " + cased + quote + blanks + separator + blanks + value + " y");
                texts.add(cased + quote + separator + value);
              }
            }
          }
        }
      }
    }
    // WHEN
    List<String> matched = texts.stream().filter(t -> Credentials.ASSIGNMENT.matcher(t).find()).toList();
    List<String> skipped = matched.stream().filter(t -> !Credentials.assignmentPossible(t)).toList();
    // THEN
    assertThat(matched).hasSizeGreaterThan(1000);
    assertThat(skipped).isEmpty();
    assertThat(Credentials.assignmentPossible("'Authorization: Bearer <key>'")).isFalse();
    assertThat(Credentials.assignmentPossible("expected 3 replicas, found 4")).isFalse();
  }
}
