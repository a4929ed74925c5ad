package io.gpushare.core.model;

import java.util.regex.Pattern;

/**
 * The Kubernetes quantity syntax ({@code resource.Quantity}) the value types accept, e.g. {@code 15Gi},
 * {@code 512Mi}, {@code 10G}, {@code 1e9}; for readers that must build values the types take.
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private Quantities() {}

  /** Whether {@code text} is a quantity, such as {@code 15Gi}. */
  public static boolean isQuantity(String text) {
    return QUANTITY.matcher(text).matches();
  }
}
