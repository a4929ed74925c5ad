package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.kube.VllmArgs.Flag;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Credentials in plain sight: a literal Hugging Face token, or a literal value for a variable named
 * like a secret, is an error (it belongs in a Secret, read through {@code secretKeyRef}); a literal
 * {@code --api-key} likewise. A LoadBalancer in front of vLLM that asks for no API key is a warning.
 * Messages never repeat the secret.
 */
final class SecurityRule implements Rule {
  /** A value that is only a variable ({@code $(X)}, {@code $X}, {@code ${X}}): a placeholder, not a credential. */
  private static final Pattern ONLY_VARIABLE =
      Pattern.compile("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)|\\$\\{[A-Za-z_][A-Za-z0-9_]*}|\\$[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern HF_TOKEN = Pattern.compile(".*\\bhf_[A-Za-z0-9]{16,}.*");
  /** A name segment that says "credential": HF_TOKEN, API_KEY, DB_PASSWORD; not TOKENIZERS_PARALLELISM. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i)(.*[_.-])?(TOKEN|KEY|APIKEY|SECRET|PASSWORD|PASSWD|CREDENTIALS?)([_.-].*)?");

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (PodGroup pods : context.podGroups()) {
      if (pods.pod() == null) {
        continue;
      }
      List<Container> containers = Nulls.list(pods.pod().getContainers());
      for (int c = 0; c < containers.size(); c++) {
        checkContainer(containers.get(c), pods.podPath() + ".containers[" + c + "]", findings);
      }
    }
    for (Service service : context.services()) {
      if (service.getSpec() == null || !"LoadBalancer".equals(service.getSpec().getType())
          || service.getSpec().getSelector() == null || service.getSpec().getSelector().isEmpty()) {
        continue;
      }
      Map<String, String> selector = service.getSpec().getSelector();
      for (PodGroup pods : context.podGroups()) {
        if (!pods.labels().entrySet().containsAll(selector.entrySet())) {
          continue;
        }
        for (VllmContainer container : context.vllmContainers(pods)) {
          if (!requiresApiKey(container)) {
            findings.add(FindingCode.API_KEY_MISSING, "Service[" + ValidationContext.name(service) + "].spec.type",
                "expected vLLM behind a LoadBalancer to require an API key, found " + pods.id()
                    + " without " + Flag.API_KEY.wireName() + " or VLLM_API_KEY",
                "add env VLLM_API_KEY from a Secret (clients then send 'Authorization: Bearer <key>'), or use type"
                    + " ClusterIP behind an authenticating gateway");
          }
        }
      }
    }
  }

  private static void checkContainer(Container container, String path, Findings findings) {
    List<EnvVar> env = Nulls.list(container.getEnv());
    for (int e = 0; e < env.size(); e++) {
      EnvVar variable = env.get(e);
      String value = variable.getValue();
      if (value == null || value.isEmpty() || ONLY_VARIABLE.matcher(value).matches()) {
        continue;
      }
      boolean token = HF_TOKEN.matcher(value).matches();
      if (token || (variable.getName() != null && SECRET_NAME.matcher(variable.getName()).matches())) {
        findings.add(FindingCode.SECRET_LITERAL, path + ".env[" + e + "].value",
            "expected " + variable.getName() + " from a Secret (valueFrom.secretKeyRef), found a literal "
                + (token ? "Hugging Face token" : "value") + " in the manifest",
            token ? "kubectl create secret generic hf-secret --from-literal=hf_api_token=...; then"
                + " valueFrom.secretKeyRef {name: hf-secret, key: hf_api_token}; and revoke the token that was written down"
                : "put the value in a Secret and read it with valueFrom.secretKeyRef; and change the value that was"
                    + " written down");
      }
    }
    List<String> args = Nulls.list(container.getArgs());
    VllmArgs.read(container).last(Flag.API_KEY)
        .filter(f -> !f.fromVariable() && f.value().filter(v -> !v.isEmpty() && !ONLY_VARIABLE.matcher(v).matches())
            .isPresent())
        .ifPresent(flag -> findings.add(FindingCode.SECRET_LITERAL, path + "." + flag.location(),
            "expected the API key from a Secret, found a literal " + Flag.API_KEY.wireName() + " in the manifest",
            "set env VLLM_API_KEY from a Secret (valueFrom.secretKeyRef) and drop " + Flag.API_KEY.wireName()));
    for (int a = 0; a < args.size(); a++) {
      if (args.get(a) != null && HF_TOKEN.matcher(args.get(a)).matches()) {
        findings.add(FindingCode.SECRET_LITERAL, path + ".args[" + a + "]",
            "expected no credentials in arguments, found a literal Hugging Face token",
            "pass the token as env HF_TOKEN from a Secret; and revoke the token that was written down");
      }
    }
  }

  private static boolean requiresApiKey(VllmContainer container) {
    if (container.args().last(Flag.API_KEY).isPresent()) {
      return true;
    }
    return Nulls.list(container.container().getEnv()).stream().anyMatch(e -> "VLLM_API_KEY".equals(e.getName())
        && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null);
  }
}
