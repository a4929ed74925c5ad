package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;

/**
 * A Secret written with its values in the manifest ({@code data} or {@code stringData}): the
 * values then live in every copy of the file. A warning that names the keys, never the values.
 *
 * <pre>
 * kind: Secret
 * metadata: {name: hf-secret}
 * stringData: {hf_api_token: ...}     SECRET_IN_MANIFEST Secret[hf-secret].stringData
 * </pre>
 *
 * Values that are all placeholders ({@code ${HF_TOKEN}}, filled in by envsubst) are not literal.
 */
final class SecretManifests {
  private SecretManifests() {}

  static void check(Secret secret, String root, Findings findings) {
    String field = literal(secret.getStringData()) ? "stringData" : literal(secret.getData()) ? "data" : null;
    if (field == null) {
      return;
    }
    Map<String, String> values = "data".equals(field) ? secret.getData() : secret.getStringData();
    findings.add(FindingCode.SECRET_IN_MANIFEST, root + "." + field,
        "expected Secret " + ValidationContext.name(secret) + " created out of band, found " + values.size()
            + " literal value(s) in " + field + " (keys " + String.join(", ", values.keySet()) + "; values not shown)",
        "create it outside the manifests (kubectl create secret generic " + ValidationContext.name(secret)
            + " --from-literal=KEY=..., an external secrets operator, or a SealedSecret) and keep only its name here");
  }

  private static boolean literal(Map<String, String> values) {
    return values != null && values.values().stream().anyMatch(v -> !Credentials.placeholder(v));
  }
}
