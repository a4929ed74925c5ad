package io.gpushare.core.model;

import io.gpushare.core.validate.Credentials;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One environment variable of the vLLM container: a literal value, a Secret key or a ConfigMap key.
 *
 * <pre>
 * env:
 * - name: VLLM_LOGGING_LEVEL          # literal(...)
 *   value: INFO
 * - name: VLLM_API_KEY                # fromSecret(...)
 *   valueFrom:
 *     secretKeyRef:
 *       name: vllm-api-key
 *       key: key
 * - name: MAX_MODEL_LEN               # fromConfigMap(...)
 *   valueFrom:
 *     configMapKeyRef:
 *       name: vllm-config
 *       key: max_model_len
 * </pre>
 *
 * <p>Intrinsic checks: exactly one source, and no literal credential: a literal under a name that
 * means one ({@code HF_TOKEN}, {@code VLLM_API_KEY}, {@code DB_PASSWORD}, see
 * {@link Credentials#credentialName}) or a value that holds a known token format is refused; take it
 * from a Secret instead. The message never repeats the value.
 */
@Value.Immutable
public abstract class EnvVarSpec {
  public abstract String name();

  public abstract Optional<String> value();

  public abstract Optional<SecretKeyRef> secretKeyRef();

  public abstract Optional<ConfigMapKeyRef> configMapKeyRef();

  /** {@code name: value}, a literal that is no credential. */
  public static EnvVarSpec literal(String name, String value) {
    return builder().name(name).value(value).build();
  }

  /** {@code name} from a Secret key. */
  public static EnvVarSpec fromSecret(String name, SecretKeyRef secret) {
    return builder().name(name).secretKeyRef(secret).build();
  }

  /** {@code name} from a ConfigMap key. */
  public static EnvVarSpec fromConfigMap(String name, ConfigMapKeyRef configMap) {
    return builder().name(name).configMapKeyRef(configMap).build();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("EnvVarSpec[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    int sources = (value().isPresent() ? 1 : 0) + (secretKeyRef().isPresent() ? 1 : 0)
        + (configMapKeyRef().isPresent() ? 1 : 0);
    problems.require(sources == 1, "expected exactly one of value, secretKeyRef or configMapKeyRef, found " + sources);
    value().ifPresent(value -> {
      problems.require(!Credentials.credentialName(name()) || Credentials.placeholder(value),
          "a literal value for " + name() + ", whose name means a credential; take it from a Secret with fromSecret");
      Credentials.tokenIn(value).ifPresent(format -> problems.require(false,
          "a literal value that holds a credential (" + format + "); take it from a Secret with fromSecret"));
    });
    problems.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EnvVarSpec}. */
  public static final class Builder extends ImmutableEnvVarSpec.Builder {}
}
