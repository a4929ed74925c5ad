package io.gpushare.core.model;

import java.util.regex.Pattern;

/** The Kubernetes quantity syntax ({@code resource.Quantity}), for intrinsic checks. */
final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  private Quantities() {}

  static boolean isQuantity(String text) {
    return QUANTITY.matcher(text).matches();
  }
}
