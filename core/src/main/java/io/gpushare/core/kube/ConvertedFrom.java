package io.gpushare.core.kube;

import java.util.Map;
import java.util.Objects;

/**
 * How a {@link Manifest} read in an older version of the DRA API was converted to the
 * {@code resource.k8s.io/v1} object gpushare judges: the version it was written in, and the paths
 * that moved. A {@code v1beta1} request's {@code deviceClassName} sits under {@code exactly:} in v1,
 * so a finding on the converted claim maps back to the field as the file has it:
 *
 * <pre>
 * ResourceClaim[c].spec.devices.requests[0].exactly.deviceClassName   (v1, as judged)
 * ResourceClaim[c].spec.devices.requests[0].deviceClassName           (v1beta1, as written)
 * </pre>
 *
 * @param apiVersion the {@code apiVersion} as written, e.g. {@code resource.k8s.io/v1beta1}
 * @param movedPaths each path prefix of the v1 object that reads differently in the source, to its
 *     source form, e.g. {@code ResourceClaim[c].spec.devices.requests[0].exactly} to
 *     {@code ResourceClaim[c].spec.devices.requests[0]}; empty when the shapes are the same
 */
public record ConvertedFrom(String apiVersion, Map<String, String> movedPaths) {
  public ConvertedFrom {
    Objects.requireNonNull(apiVersion, "apiVersion");
    movedPaths = Map.copyOf(movedPaths);
  }

  /**
   * The text (a finding's path, message or hint) with every moved path in its source form; a path
   * that did not move, or that is about another object, stays as it is.
   */
  public String inSource(String text) {
    String result = text;
    for (Map.Entry<String, String> moved : movedPaths.entrySet()) {
      result = replacePath(result, moved.getKey(), moved.getValue());
    }
    return result;
  }

  /** Replaces {@code from} where it is a whole path or the start of a longer one, not part of a name. */
  private static String replacePath(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (at >= 0) {
      int end = at + from.length();
      boolean whole = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      out.append(text, start, at).append(whole ? to : from);
      start = end;
      at = text.indexOf(from, end);
    }
    return out.append(text, start, text.length()).toString();
  }
}
