package io.gpushare.core.validate;

import java.util.ArrayList;
import java.util.List;

/** Where rules put what they find; the one funnel for building a {@link Finding}. */
final class Findings {
  private final List<Finding> all = new ArrayList<>();

  /** A finding at its code's default severity. */
  void add(FindingCode code, String path, String message, String hint) {
    add(code, code.severity(), path, message, hint);
  }

  /** A finding at another severity than its code's default, for codes documented with two. */
  void add(FindingCode code, Severity severity, String path, String message, String hint) {
    all.add(new Finding(code.name(), severity, path, message, hint));
  }

  List<Finding> all() {
    return all;
  }
}
