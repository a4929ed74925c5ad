package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a {@code LabelSelector} selects a set of labels, as {@code metav1.LabelSelectorAsSelector}
 * reads it: every {@code matchLabels} pair and every {@code matchExpressions} requirement must hold;
 * {@code {}} selects everything.
 *
 * <pre>
 * labelSelector:                                  labels {app: vllm, tier: gpu}
 *   matchLabels: {app: vllm}                      -> selected
 *   matchExpressions:
 *   - {key: tier, operator: In, values: [gpu]}
 *   - {key: canary, operator: DoesNotExist}
 * </pre>
 */
final class LabelSelectors {
  private LabelSelectors() {}

  /**
   * Whether {@code selector} selects {@code labels}; empty when it cannot say (an operator the API
   * does not know). A null selector selects nothing, as in a pod affinity term or spread constraint.
   */
  static Optional<Boolean> selects(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return Optional.of(false);
    }
    for (Map.Entry<String, String> pair : Nulls.map(selector.getMatchLabels()).entrySet()) {
      // a YAML null in a map of strings is the empty string to the API server
      String want = pair.getValue() == null ? "" : pair.getValue();
      if (!labels.containsKey(pair.getKey()) || !want.equals(value(labels, pair.getKey()))) {
        return Optional.of(false);
      }
    }
    for (LabelSelectorRequirement requirement : Nulls.list(selector.getMatchExpressions())) {
      Optional<Boolean> holds = holds(requirement, labels);
      if (holds.isEmpty() || !holds.get()) {
        return holds;
      }
    }
    return Optional.of(true);
  }

  /** Whether the selector has neither matchLabels nor matchExpressions, and so selects everything. */
  static boolean everything(LabelSelector selector) {
    return selector != null && Nulls.map(selector.getMatchLabels()).isEmpty()
        && Nulls.list(selector.getMatchExpressions()).isEmpty();
  }

  /** A label's value, the empty string for a YAML null, as the API server stores it. */
  private static String value(Map<String, String> labels, String key) {
    String value = labels.get(key);
    return value == null ? "" : value;
  }

  private static Optional<Boolean> holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String key = requirement.getKey();
    List<String> values = Nulls.list(requirement.getValues());
    boolean present = key != null && labels.containsKey(key);
    String operator = requirement.getOperator() == null ? "" : requirement.getOperator();
    return switch (operator) {
      case "In" -> Optional.of(present && values.contains(value(labels, key)));
      case "NotIn" -> Optional.of(!present || !values.contains(value(labels, key)));
      case "Exists" -> Optional.of(present);
      case "DoesNotExist" -> Optional.of(!present);
      default -> Optional.empty();
    };
  }
}
