package io.gpushare.core.memory;

/**
 * A Hugging Face {@code config.json} that {@link HfConfigReader} cannot read; the message says which
 * key was expected, what was found and where, and is meant to be shown as it is, without a stack trace.
 */
public final class HfConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HfConfigException(String message) {
    super(message, null, false, false);
  }
}
