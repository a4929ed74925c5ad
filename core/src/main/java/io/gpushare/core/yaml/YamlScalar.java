package io.gpushare.core.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A scalar with its type. Strings are written plain when a YAML 1.1 or 1.2 reader would read them
 * back as the same string, and double-quoted otherwise; numbers, booleans and null are written in a
 * fixed, locale-independent form.
 */
record YamlScalar(String text, Type type) implements YamlNode {

  enum Type {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

  static final YamlScalar NULL = new YamlScalar("null", Type.NULL);
  static final YamlScalar TRUE = new YamlScalar("true", Type.BOOLEAN);
  static final YamlScalar FALSE = new YamlScalar("false", Type.BOOLEAN);

  static YamlScalar string(String text) {
    return new YamlScalar(text, Type.STRING);
  }

  static YamlScalar number(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short
        || number instanceof Byte || number instanceof BigInteger) {
      return new YamlScalar(number.toString(), Type.INTEGER);
    }
    if (number instanceof BigDecimal decimal) {
      return new YamlScalar(decimalText(decimal), Type.FLOAT);
    }
    double value = number.doubleValue();
    if (Double.isNaN(value)) {
      return new YamlScalar(".nan", Type.FLOAT);
    }
    if (Double.isInfinite(value)) {
      return new YamlScalar(value > 0 ? ".inf" : "-.inf", Type.FLOAT);
    }
    return new YamlScalar(decimalText(BigDecimal.valueOf(value)), Type.FLOAT);
  }

  /**
   * Plain decimal notation with at least one fractional digit ({@code 1.0}, {@code 0.42}), which
   * every YAML reader takes as a float; never the default locale, never an exponent without sign.
   */
  private static String decimalText(BigDecimal decimal) {
    String plain = decimal.toPlainString();
    return plain.indexOf('.') < 0 ? plain + ".0" : plain;
  }
}
