package io.gpushare.testing;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure messages of the manifest assertions, one factory each, in AssertJ's form. */
final class ManifestErrors {
  private ManifestErrors() {}

  static ErrorMessageFactory shouldContainObject(String kind, String name, Object names) {
    // kind is one of gpushare's own kind names (no '%'), part of the sentence rather than a value
    return new BasicErrorMessageFactory(
        "%nExpecting the manifests to contain a " + kind + " named:%n  %s%nbut the " + kind + " objects were:%n  %s",
        name, names);
  }

  static ErrorMessageFactory shouldHaveValue(String what, String path, Object expected, Object actual) {
    // what is a fixed phrase of the assertion (no '%'), part of the sentence rather than a value
    return new BasicErrorMessageFactory("%nExpecting " + what + " at:%n  %s%nto be:%n  %s%nbut was:%n  %s",
        path, expected, actual);
  }

  static ErrorMessageFactory shouldBeValid(String findings) {
    return new Listing("%nExpecting the manifests to have no error, but the validator found:%n%s", findings);
  }

  static ErrorMessageFactory shouldHaveFinding(String code, Object codes) {
    return new BasicErrorMessageFactory("%nExpecting a finding with code:%n  %s%nbut the findings were:%n  %s",
        code, codes);
  }

  static ErrorMessageFactory shouldHaveAcknowledgedFinding(String code, String reason, String findings) {
    return new Listing("%nExpecting a finding with code:%n  " + code.replace("%", "%%")
        + "%nacknowledged for:%n  " + reason.replace("%", "%%") + "%nbut the findings with that code were:%n%s",
        findings);
  }

  static ErrorMessageFactory shouldNotHaveFinding(String code, String findings) {
    return new Listing("%nExpecting no finding with code:%n  " + code.replace("%", "%%")
        + "%nbut the validator found:%n%s", findings);
  }

  static ErrorMessageFactory shouldBeEquivalent(String differences) {
    return new Listing("%nExpecting the manifests to be equivalent to the expected YAML, but:%n%s", differences);
  }

  /** A message whose argument is a ready-made list of lines, shown as it is, not quoted. */
  private static final class Listing extends BasicErrorMessageFactory {
    Listing(String format, String lines) {
      super(format, unquotedString(lines));
    }
  }
}
