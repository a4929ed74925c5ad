package io.gpushare.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken invariant of one value before failing, so a user fixes them all in one go.
 * The exception names the object and lists each problem on its own line.
 */
final class Problems {
  private final String subject;
  private final List<String> messages = new ArrayList<>();

  Problems(String subject) {
    this.subject = subject;
  }

  void require(boolean condition, String message) {
    if (!condition) {
      messages.add(message);
    }
  }

  void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new IllegalArgumentException(
          "INVALID_SPEC " + subject + ": " + messages.size() + " problem(s):\n  - "
              + String.join("\n  - ", messages));
    }
  }
}
