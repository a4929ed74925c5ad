package io.gpushare.core.validate;

/**
 * Thrown instead of rendering when a set of manifests has errors (or warnings, in strict mode);
 * carries the whole {@link ValidationReport}, and its message lists every finding.
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  public ValidationException(ValidationReport report) {
    super(message(report));
    this.report = report;
  }

  private static String message(ValidationReport report) {
    StringBuilder message = new StringBuilder("manifests not rendered, ").append(report.summary()).append(':');
    for (Finding finding : report.findings()) {
      message.append('\n').append(finding);
    }
    return message.toString();
  }

  public ValidationReport report() {
    return report;
  }
}
