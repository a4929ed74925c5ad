package io.gpushare.core.catalog;

/**
 * A catalog file that cannot be read: not YAML, too large, an alias bomb, a duplicate or unknown
 * key, or a value of the wrong form (a memory that is not a Kubernetes quantity, a parameter count
 * that is not a number). The message starts with {@code SOURCE:LINE:} and names the key or value.
 *
 * <pre>
 * gpus.yaml:3: unknown key 'memoryMiB' in gpus[0]; expected productName, productNames, memory, cudaTotal, migProfiles
 * </pre>
 */
public final class CatalogParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String problem;

  public CatalogParseException(String source, int line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
    this.problem = problem;
  }

  public String source() {
    return source;
  }

  /** 1-based; 0 when the problem is the whole file. */
  public int line() {
    return line;
  }

  /** The message without its {@code SOURCE:LINE:} prefix. */
  public String problem() {
    return problem;
  }
}
