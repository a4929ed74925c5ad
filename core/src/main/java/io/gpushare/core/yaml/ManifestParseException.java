package io.gpushare.core.yaml;

import io.gpushare.core.validate.Credentials;

/**
 * A file or text that cannot be read as Kubernetes manifests: not YAML, too large, too deep, an
 * alias bomb, a duplicate key, a custom tag, or a document that is not an object with apiVersion
 * and kind. The message starts with {@code SOURCE:LINE:}.
 */
public final class ManifestParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String problem;

  public ManifestParseException(String source, int line, String problem) {
    // parse errors quote the scalar they could not read: never a credential
    super(source + ":" + line + ": " + Credentials.redact(problem));
    this.source = source;
    this.line = line;
    this.problem = getMessage().substring((source + ":" + line + ": ").length());
  }

  /** What cannot be read, without the {@code SOURCE:LINE:} the message starts with; redacted. */
  public String problem() {
    return problem;
  }

  public String source() {
    return source;
  }

  /** 1-based; 0 when the problem is the whole file. */
  public int line() {
    return line;
  }
}
