package io.gpushare.core.model;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes quantity syntax ({@code resource.Quantity}) the value types accept, e.g. {@code 15Gi},
 * {@code 512Mi}, {@code 10G}, {@code 1e9}; for readers that must build values the types take.
 *
 * <p>Every number gpushare reads from untrusted text goes through a bounded grammar here: at most
 * {@value #MAX_LENGTH} characters and an exponent of at most {@value #MAX_EXPONENT} either way, so
 * {@code --gpu-memory-utilization=1e999999999} or {@code defaultPinnedDeviceMemoryLimit: "1e500000000"}
 * is malformed, never a number of a billion digits.
 */
public final class Quantities {
  /** Characters a number may have. */
  public static final int MAX_LENGTH = 64;
  /** The largest exponent ({@code 1e30}) a decimal or a quantity may have, either way. */
  public static final int MAX_EXPONENT = 30;

  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE]([+-]?[0-9]+))?");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE]([+-]?[0-9]+))?");
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]{1,9}");

  private Quantities() {}

  /** Whether {@code text} is a quantity, such as {@code 15Gi}, within the bounds. */
  public static boolean isQuantity(String text) {
    return text != null && text.length() <= MAX_LENGTH && boundedExponent(QUANTITY.matcher(text), 4);
  }

  /** A decimal such as {@code 0.42} or {@code 4.2e-1} within the bounds; empty for anything else. */
  public static Optional<BigDecimal> decimal(String text) {
    if (text == null || text.length() > MAX_LENGTH || !boundedExponent(DECIMAL.matcher(text), 4)) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(text));
  }

  /** An integer of at most 9 digits, such as {@code 8000}; empty for anything else (never an overflow). */
  public static OptionalInt smallInt(String text) {
    return text != null && INT.matcher(text).matches() ? OptionalInt.of(Integer.parseInt(text)) : OptionalInt.empty();
  }

  /** The bytes of a quantity such as {@code 15Gi} within the bounds; empty for anything else. */
  public static Optional<BigDecimal> bytes(String text) {
    if (!isQuantity(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.getAmountInBytes(new Quantity(text)));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static boolean boundedExponent(Matcher matcher, int group) {
    if (!matcher.matches()) {
      return false;
    }
    String exponent = matcher.group(group);
    return exponent == null || smallInt(exponent).stream().allMatch(e -> Math.abs(e) <= MAX_EXPONENT);
  }
}
