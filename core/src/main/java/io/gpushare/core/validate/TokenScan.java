package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.KubeJson;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Token-looking text anywhere in an object ({@link Credentials#tokenIn}): an env value, a word of
 * {@code command} or {@code args} or of a probe, an annotation, a ConfigMap's data, a URL with a
 * password. Each string is reported once at its path, e.g.
 * {@code Deployment[vllm].metadata.annotations["example.com/token"]}.
 */
final class TokenScan {
  private TokenScan() {}

  /**
   * Reports every token-looking string of the object under {@code root} ({@code Kind[name]}). The
   * object is written through Jackson's serializers into {@link JsonStrings}, which hands over each
   * string with its path as it is written: no JSON tree is built.
   */
  static void scan(HasMetadata resource, String root, Set<String> reported, Findings findings) {
    JsonStrings strings = new JsonStrings(new StringBuilder(root), (path, value) -> {
      Optional<String> token = Credentials.tokenIn(value);
      if (token.isPresent() && reported.add(path.toString())) {
        String kind = token.get();
        findings.add(FindingCode.SECRET_LITERAL, path.toString(), "expected no credentials in the manifest, found a literal "
            + kind + " (" + Credentials.redact(value.strip()).lines().findFirst().orElse("") + ")", hint(kind));
      }
    });
    try {
      KubeJson.writeTo(strings, resource);
    } catch (IOException | IllegalArgumentException e) {
      // an object Jackson cannot write has no text to judge here; the reader reported it
    }
  }

  static StringBuilder appendKey(StringBuilder path, String key) {
    return simple(key) ? path.append('.').append(key) : path.append("[\"").append(key).append("\"]");
  }

  /** Whether the key is a plain word ({@code [A-Za-z_][A-Za-z0-9_-]*}), written {@code .key} in a path. */
  private static boolean simple(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '-'))) {
        return false;
      }
    }
    return true;
  }

  /** {@code .name}, or {@code ["example.com/name"]} for a key that is not a plain word. */
  static String key(String key) {
    return simple(key) ? "." + key : "[\"" + key + "\"]";
  }

  static String hint(String kind) {
    return "put it in a Secret created out of band (kubectl create secret generic ...) and read it with"
        + " valueFrom.secretKeyRef or a secret volume; and revoke the " + kind + " that was written down";
  }
}
