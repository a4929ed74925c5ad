package io.gpushare.core.kube;

import io.gpushare.core.model.DeviceSelectorSpec;
import io.gpushare.core.model.DeviceSelectorSpec.Cel;
import io.gpushare.core.model.DeviceSelectorSpec.MemoryAtLeast;
import io.gpushare.core.model.DeviceSelectorSpec.MigProfile;
import io.gpushare.core.model.DeviceSelectorSpec.ProductName;
import io.gpushare.core.model.Quantities;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CEL form of {@link DeviceSelectorSpec}s, written and recognized in this one place. The NVIDIA
 * driver publishes each device's {@code productName} and MIG {@code profile} as attributes and its
 * {@code memory} as a capacity, all under the domain {@code gpu.nvidia.com}:
 *
 * <pre>
 * productName("NVIDIA L4")  device.attributes["gpu.nvidia.com"].productName == "NVIDIA L4"
 * migProfile("3g.40gb")     device.attributes["gpu.nvidia.com"].profile == "3g.40gb"\n
 * memoryAtLeast("40Gi")     device.capacity["gpu.nvidia.com"].memory.compareTo(quantity("40Gi")) >= 0
 * cel(expression)           the expression as given
 * </pre>
 *
 * <p>The MIG profile ends in a newline, so that it is written as a literal block, as the GKE dynamic
 * MIG guide writes it. {@link #recognize} also understands what people write for the same
 * conditions: single or double quotes, any spacing, {@code compareTo(quantity(..)) > 0} and
 * {@code isGreaterThan(quantity(..))}, and conditions joined with {@code &&}.
 */
public final class DeviceSelectors {
  /** The driver's attribute and capacity domain. */
  private static final String DOMAIN = "gpu.nvidia.com";
  private static final String PRODUCT_NAME = "productName";
  private static final String PROFILE = "profile";

  private static final String QUOTED_DOMAIN = "\\[\\s*[\"']" + Pattern.quote(DOMAIN) + "[\"']\\s*]";
  private static final Pattern ATTRIBUTE_EQUALS = Pattern.compile("device\\.attributes" + QUOTED_DOMAIN + "\\.("
      + PRODUCT_NAME + "|" + PROFILE + ")\\s*==\\s*[\"']([^\"'\\\\]+)[\"']");
  private static final String QUANTITY = "quantity\\(\\s*[\"']([^\"']+)[\"']\\s*\\)";
  private static final Pattern MEMORY_AT_LEAST = Pattern.compile("device\\.capacity" + QUOTED_DOMAIN + "\\.memory\\."
      + "(?:compareTo\\(\\s*" + QUANTITY + "\\s*\\)\\s*>=?\\s*0|isGreaterThan\\(\\s*" + QUANTITY + "\\s*\\))");

  private DeviceSelectors() {}

  /** The CEL expression of a selector. */
  public static String toCel(DeviceSelectorSpec selector) {
    if (selector instanceof ProductName product) {
      return attribute(PRODUCT_NAME, product.productName());
    }
    if (selector instanceof MigProfile profile) {
      return attribute(PROFILE, profile.profile()) + "\n";
    }
    if (selector instanceof MemoryAtLeast memory) {
      return "device.capacity[\"" + DOMAIN + "\"].memory.compareTo(quantity(\"" + memory.quantity() + "\")) >= 0";
    }
    return ((Cel) selector).expression();
  }

  private static String attribute(String name, String value) {
    return "device.attributes[\"" + DOMAIN + "\"]." + name + " == \"" + value + "\"";
  }

  /**
   * The selector that writes exactly {@code expression}: a typed one when {@link #toCel} of it gives
   * back the same text, else {@link Cel} with the text as it is. Reading then writing changes nothing.
   */
  static DeviceSelectorSpec fromCel(String expression) {
    List<DeviceSelectorSpec> recognized = recognize(expression);
    if (recognized.size() == 1 && toCel(recognized.get(0)).equals(expression)) {
      return recognized.get(0);
    }
    return DeviceSelectorSpec.cel(expression);
  }

  /**
   * What {@code expression} certainly says about a device, as typed selectors: one per condition of a
   * conjunction ({@code a && b}) that is a product, MIG profile or memory floor. Other conditions are
   * left out (they only narrow further); an expression with {@code ||} at its top says nothing certain
   * and gives none. A raw expression is never returned.
   */
  public static List<DeviceSelectorSpec> recognize(String expression) {
    List<DeviceSelectorSpec> found = new ArrayList<>();
    if (expression == null) {
      return found;
    }
    for (String condition : conditions(expression.strip())) {
      Matcher attribute = ATTRIBUTE_EQUALS.matcher(condition);
      Matcher memory = MEMORY_AT_LEAST.matcher(condition);
      if (attribute.matches() && !attribute.group(2).isBlank()) {
        found.add(attribute.group(1).equals(PRODUCT_NAME) ? DeviceSelectorSpec.productName(attribute.group(2))
            : DeviceSelectorSpec.migProfile(attribute.group(2)));
      } else if (memory.matches()) {
        String quantity = memory.group(1) != null ? memory.group(1) : memory.group(2);
        if (Quantities.isQuantity(quantity)) {
          found.add(DeviceSelectorSpec.memoryAtLeast(quantity));
        }
      }
    }
    return found;
  }

  /** The conditions of a conjunction, outer parentheses removed; none when {@code ||} joins the top level. */
  private static List<String> conditions(String expression) {
    String inner = withoutOuterParentheses(expression);
    if (!inner.equals(expression)) {
      return conditions(inner);
    }
    int[] depth = depths(expression);
    List<String> conditions = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < expression.length(); i++) {
      if (depth[i] == 0 && expression.startsWith("||", i)) {
        return List.of();
      } else if (depth[i] == 0 && expression.startsWith("&&", i)) {
        conditions.add(expression.substring(start, i).strip());
        start = i + 2;
        i++;
      }
    }
    conditions.add(expression.substring(start).strip());
    if (conditions.size() == 1) {
      return conditions;
    }
    List<String> flattened = new ArrayList<>();
    for (String condition : conditions) {
      flattened.addAll(conditions(condition));
    }
    return flattened;
  }

  /** {@code (a && b)} as {@code a && b}; anything else as it is. */
  private static String withoutOuterParentheses(String expression) {
    if (!expression.startsWith("(") || !expression.endsWith(")")) {
      return expression;
    }
    int[] depth = depths(expression);
    for (int i = 0; i < expression.length() - 1; i++) {
      if (expression.charAt(i) == ')' && depth[i] == 1 && depth[i + 1] == 0) {
        return expression; // (a) && (b): the first parenthesis closes early
      }
    }
    return expression.substring(1, expression.length() - 1).strip();
  }

  /**
   * The bracket depth at each character, counted outside string literals ({@code "..."}, {@code '...'}
   * with backslash escapes); -1 inside a literal. The one scanner both splitting steps read.
   */
  private static int[] depths(String expression) {
    int[] depths = new int[expression.length()];
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        depths[i] = -1;
        if (c == '\\' && i + 1 < expression.length()) {
          depths[++i] = -1;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        depths[i] = -1;
        continue;
      }
      if (c == '(' || c == '[') {
        depth++;
      }
      depths[i] = depth;
      if (c == ')' || c == ']') {
        depth--;
      }
    }
    return depths;
  }
}
