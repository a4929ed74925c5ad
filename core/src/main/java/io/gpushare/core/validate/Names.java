package io.gpushare.core.validate;


/** The API server's name formats (k8s.io/apimachinery validation). */
final class Names {

  private Names() {}

  /** Empty when valid, else why not, e.g. {@code a lowercase RFC 1123 label (at most 63 characters ...)}. */
  static String dns1123Label(String name) {
    return name != null && name.length() <= 63 && isLabel(name, 0, name.length(), false) ? ""
        : "a lowercase RFC 1123 label (at most 63 characters of a-z, 0-9 and '-', starting and ending alphanumeric)";
  }

  static String dns1123Subdomain(String name) {
    return name != null && name.length() <= 253 && isSubdomain(name) ? ""
        : "a lowercase RFC 1123 subdomain (at most 253 characters of a-z, 0-9, '-' and '.', starting and ending alphanumeric)";
  }

  /**
   * A DRA driver name, or the domain of a device attribute: a lowercase DNS subdomain of at most
   * 63 characters (the API server's {@code DriverNameMaxLength}); "" when it is one.
   */
  static String driverName(String name) {
    return name != null && name.length() <= 63 && dns1123Subdomain(name).isEmpty() ? ""
        : "a lowercase DNS subdomain of at most 63 characters (a-z, 0-9, '-' and '.', starting and ending alphanumeric)";
  }

  static String dns1035Label(String name) {
    return name != null && name.length() <= 63 && isLabel(name, 0, name.length(), true) ? ""
        : "a lowercase RFC 1035 label (at most 63 characters of a-z, 0-9 and '-', starting with a letter, ending alphanumeric)";
  }

  /** A label key or toleration key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
  static String qualifiedName(String name) {
    if (name == null || name.isEmpty()) {
      return "a qualified name such as nvidia.com/gpu";
    }
    int slash = name.lastIndexOf('/');
    boolean valid = (slash < 0 || (slash <= 253 && isSubdomain(name, 0, slash)))
        && name.length() - slash - 1 <= 63 && isQualifiedNamePart(name, slash + 1, name.length());
    return valid ? "" : "a qualified name such as nvidia.com/gpu (an optional DNS subdomain and '/', then at most 63 characters of"
        + " letters, digits, '-', '_' and '.', starting and ending alphanumeric)";
  }


  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}, or with a leading letter for RFC 1035; no regex on the hot path. */
  private static boolean isLabel(String s, int from, int to, boolean letterFirst) {
    if (to <= from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      boolean edge = i == from || i == to - 1;
      if (!(alnum || (c == '-' && !edge))) {
        return false;
      }
    }
    char first = s.charAt(from);
    return !letterFirst || (first >= 'a' && first <= 'z');
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} */
  private static boolean isQualifiedNamePart(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      boolean edge = i == from || i == to - 1;
      if (!(alnum || (!edge && (c == '-' || c == '_' || c == '.')))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSubdomain(String s) {
    return isSubdomain(s, 0, s.length());
  }

  private static boolean isSubdomain(String s, int from, int to) {
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '.') {
        if (!isLabel(s, start, i, false)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /**
   * Empty when valid, else why not: a label value is empty or at most 63 characters of letters, digits,
   * '-', '_' and '.', starting and ending alphanumeric (apimachinery {@code IsValidLabelValue}).
   */
  static String labelValue(String value) {
    return value == null || value.isEmpty() || (value.length() <= 63 && isQualifiedNamePart(value, 0, value.length())) ? ""
        : "a label value (empty, or at most 63 characters of letters, digits, '-', '_' and '.', starting and ending"
            + " alphanumeric)";
  }

  /** Empty when valid, else why not: a C identifier of at most 32 characters, as a device attribute's name is. */
  static String cIdentifier(String name) {
    boolean valid = name != null && !name.isEmpty() && name.length() <= 32;
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      valid = letter || (i > 0 && c >= '0' && c <= '9');
    }
    return valid ? "" : "a C identifier of at most 32 characters (letters, digits and '_', not starting with a digit)";
  }

  /** The name as a finding's id shows it: {@code (no name)} rather than {@code null} when the object has none. */
  static String shown(String name) {
    return name == null || name.isEmpty() ? "(no name)" : name;
  }

  static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
