package io.gpushare.core.validate;

/** How much a {@link Finding} matters. Errors stop rendering; warnings do only in strict mode. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
