package io.gpushare.core.validate;

import java.util.ArrayList;
import java.util.List;

/** Where rules put what they find; the one funnel for building a {@link Finding}. */
final class Findings {
  /**
   * Findings kept of one code at one path; more are counted, not kept, so N Deployments behind N
   * Services give N Services' findings naming a few Deployments each, never N^2 findings.
   */
  static final int MAX_SAME = 5;

  private final List<Finding> all = new ArrayList<>();
  private final java.util.Map<String, int[]> same = new java.util.HashMap<>();

  /** A finding at its code's default severity. */
  void add(FindingCode code, String path, String message, String hint) {
    add(code, code.severity(), path, message, hint);
  }

  /** A finding at another severity than its code's default, for codes documented with two. */
  void add(FindingCode code, Severity severity, String path, String message, String hint) {
    // [kept, left off, index of the last kept]
    int[] count = same.computeIfAbsent(code.name() + " " + path, key -> new int[3]);
    if (count[0] == MAX_SAME) {
      count[1]++;
      return;
    }
    count[0]++;
    count[2] = all.size();
    all.add(new Finding(code.name(), severity, path, message, hint));
  }

  /**
   * Counts {@code more} findings of {@code code} at {@code path} beyond those kept, without building
   * them: for rules that know a finding repeats many times (a Service in front of many workloads).
   */
  void addMore(FindingCode code, String path, int more) {
    if (more > 0) {
      same.computeIfAbsent(code.name() + " " + path, key -> new int[3])[1] += more;
    }
  }

  List<Finding> all() {
    List<Finding> grouped = new ArrayList<>(all);
    for (int[] count : same.values()) {
      if (count[1] > 0) {
        Finding last = grouped.get(count[2]);
        grouped.set(count[2], new Finding(last.code(), last.severity(), last.path(), last.message() + "; and "
            + count[1] + " more " + last.code() + " at this path", last.hint()));
      }
    }
    return grouped;
  }
}
