package io.gpushare.core.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** The one check of {@code metadata.namespace} every spec makes: a DNS label (RFC 1123), as the API server wants. */
final class Namespaces {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private Namespaces() {}

  static void check(Optional<String> namespace, Problems problems) {
    namespace.ifPresent(ns -> problems.require(DNS_LABEL.matcher(ns).matches(),
        "namespace must be a DNS label (lower case letters, digits and '-', at most 63), found '" + ns + "'"));
  }
}
