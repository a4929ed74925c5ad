package io.gpushare.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpushare.core.validate.Finding;

/**
 * The JSON fields of one finding, written the same by every command that prints findings ({@code lint},
 * {@code memory}):
 *
 * <pre>
 * {"severity": "ERROR", "code": "MODEL_DOES_NOT_FIT", "path": "...", "message": "...", "hint": "...", "acknowledged": null}
 * </pre>
 */
final class FindingJson {
  private FindingJson() {}

  /** Adds the finding's fields to {@code node}, after whatever the command put there first (lint: file, line). */
  static void write(ObjectNode node, Finding finding) {
    node.put("severity", finding.severity().name());
    node.put("code", finding.code());
    node.put("path", finding.path());
    node.put("message", finding.message());
    node.put("hint", finding.hint());
    node.put("acknowledged", finding.acknowledged().orElse(null));
  }
}
