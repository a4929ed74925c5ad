package io.gpushare.core.validate;

import java.util.ArrayList;
import java.util.List;

/** Where rules put what they find; the one funnel for building a {@link Finding}. */
final class Findings {
  private final List<Finding> all = new ArrayList<>();

  void error(String code, String path, String message, String hint) {
    all.add(new Finding(code, Severity.ERROR, path, message, hint));
  }

  void warning(String code, String path, String message, String hint) {
    all.add(new Finding(code, Severity.WARNING, path, message, hint));
  }

  void info(String code, String path, String message, String hint) {
    all.add(new Finding(code, Severity.INFO, path, message, hint));
  }

  List<Finding> all() {
    return all;
  }
}
