package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * A key of a Kubernetes Secret, the only way gpushare puts a credential into a manifest: the token
 * itself never appears in the YAML.
 *
 * <pre>
 * valueFrom:
 *   secretKeyRef:
 *     name: hf-secret
 *     key: hf_api_token
 * </pre>
 */
@Value.Immutable
public abstract class SecretKeyRef {
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract String key();

  public static SecretKeyRef of(String name, String key) {
    return ImmutableSecretKeyRef.of(name, key);
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("SecretKeyRef");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(!key().isEmpty(), "key must not be empty");
    problems.throwIfAny();
  }
}
