package io.gpushare.core.validate;

/**
 * Credentials of the recognized formats, built at run time so that the repository itself holds no
 * token-looking literal (secret scanners, GitHub push protection). None of them is a real token.
 */
public final class FakeTokens {
  /** {@code hf_} + 34 letters: the length of a Hugging Face user access token. */
  public static final String HF = "hf_" + "AbCdEfGhIjKlMnOpQr".repeat(2);
  /** {@code sk-proj-} + 40 letters and digits. */
  public static final String OPENAI = "sk-" + "proj-" + "Ab12".repeat(10);
  /** {@code AKIA} + 16: an AWS access key id. */
  public static final String AWS_KEY_ID = "AK" + "IA" + "ABCDEFGH2345WXYZ";
  /** {@code ghp_} + 36. */
  public static final String GITHUB = "gh" + "p_" + "aB3".repeat(12);

  private FakeTokens() {}
}
