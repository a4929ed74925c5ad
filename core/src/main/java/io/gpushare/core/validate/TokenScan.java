package io.gpushare.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.KubeJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Token-looking text anywhere in an object ({@link Credentials#tokenIn}): an env value, a word of
 * {@code command} or {@code args} or of a probe, an annotation, a ConfigMap's data, a URL with a
 * password. Each string is reported once at its path, e.g.
 * {@code Deployment[vllm].metadata.annotations["example.com/token"]}.
 */
final class TokenScan {
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private TokenScan() {}

  /** Reports every token-looking string of the object under {@code root} ({@code Kind[name]}). */
  static void scan(HasMetadata resource, String root, Set<String> reported, Findings findings) {
    JsonNode tree;
    try {
      tree = KubeJson.toTree(resource);
    } catch (IllegalArgumentException e) {
      return; // an object Jackson cannot write has no text to judge here; the reader reported it
    }
    walk(tree, root, reported, findings);
  }

  private static void walk(JsonNode node, String path, Set<String> reported, Findings findings) {
    if (node.isTextual()) {
      Credentials.tokenIn(node.textValue()).filter(kind -> reported.add(path)).ifPresent(kind ->
          findings.add(FindingCode.SECRET_LITERAL, path, "expected no credentials in the manifest, found a literal "
              + kind + " (" + Credentials.redact(node.textValue().strip()).lines().findFirst().orElse("") + ")",
              hint(kind)));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", reported, findings);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        walk(field.getValue(), path + key(field.getKey()), reported, findings);
      }
    }
  }

  /** {@code .name}, or {@code ["example.com/name"]} for a key that is not a plain word. */
  static String key(String key) {
    return SIMPLE_KEY.matcher(key).matches() ? "." + key : "[\"" + key + "\"]";
  }

  static String hint(String kind) {
    return "put it in a Secret created out of band (kubectl create secret generic ...) and read it with"
        + " valueFrom.secretKeyRef or a secret volume; and revoke the " + kind + " that was written down";
  }
}
