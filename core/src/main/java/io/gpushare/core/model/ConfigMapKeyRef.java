package io.gpushare.core.model;

import org.immutables.value.Value;

/**
 * A key of a Kubernetes ConfigMap, read into an environment variable.
 *
 * <pre>
 * valueFrom:
 *   configMapKeyRef:
 *     name: vllm-config
 *     key: max_model_len
 * </pre>
 */
@Value.Immutable
public abstract class ConfigMapKeyRef {
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract String key();

  public static ConfigMapKeyRef of(String name, String key) {
    return ImmutableConfigMapKeyRef.of(name, key);
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("ConfigMapKeyRef");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(!key().isEmpty(), "key must not be empty");
    problems.throwIfAny();
  }
}
