package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.VllmArgs.Flag;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Credentials in plain sight. A literal credential in a manifest is an error ({@code SECRET_LITERAL}):
 * a token-looking value anywhere in any object but a Secret ({@link TokenScan}), a literal value
 * under a credential's name in the env, flags or shell scripts of any container
 * ({@link ContainerSecrets}), or in a ConfigMap a workload reads ({@link ConfigMapSecrets}). A Secret
 * with literal {@code data} or {@code stringData} is a warning ({@code SECRET_IN_MANIFEST}). A
 * LoadBalancer in front of vLLM that asks for no API key is a warning. Messages never repeat the
 * secret (and every {@link Finding} is redacted by {@link Credentials#redact}).
 */
final class SecurityRule implements Rule {

  @Override
  public void check(ValidationContext context, Findings findings) {
    Set<String> reported = new HashSet<>();
    ContainerSecrets containers = new ContainerSecrets(reported, findings);
    ConfigMapSecrets configMaps = new ConfigMapSecrets();
    for (PodGroup pods : context.podGroups()) {
      if (pods.pod() == null) {
        continue;
      }
      configMaps.read(pods);
      checkContainers(pods.pod().getContainers(), pods.podPath() + ".containers", containers);
      checkContainers(pods.pod().getInitContainers(), pods.podPath() + ".initContainers", containers);
      List<EphemeralContainer> ephemeral = Nulls.list(pods.pod().getEphemeralContainers());
      for (int c = 0; c < ephemeral.size(); c++) {
        if (ephemeral.get(c) != null) {
          containers.check(ephemeral.get(c), pods.podPath() + ".ephemeralContainers[" + c + "]");
        }
      }
    }
    for (Manifest manifest : context.set().manifests()) {
      HasMetadata resource = manifest.resource();
      String root = resource.getKind() + "[" + Names.shown(ValidationContext.name(resource)) + "]";
      if (resource instanceof Secret secret) {
        SecretManifests.check(secret, root, findings);
        continue;
      }
      if (resource instanceof ConfigMap configMap) {
        configMaps.check(configMap, reported, findings);
      }
      TokenScan.scan(resource, root, reported, findings);
    }
    checkApiKeys(context, findings);
  }

  private static void checkContainers(List<Container> list, String field, ContainerSecrets containers) {
    List<Container> all = Nulls.list(list);
    for (int c = 0; c < all.size(); c++) {
      if (all.get(c) != null) {
        containers.check(all.get(c), field + "[" + c + "]");
      }
    }
  }

  /** vLLM containers without an API key behind one selector: the pod groups of the first few, and how many in all. */
  private record Unauthenticated(List<String> first, long total) {}

  private static void checkApiKeys(ValidationContext context, Findings findings) {
    // worked out once per selector, however many Services share it
    Map<Map<String, String>, Unauthenticated> bySelector = new java.util.HashMap<>();
    for (Service service : context.services()) {
      if (service.getSpec() == null || !"LoadBalancer".equals(service.getSpec().getType())
          || service.getSpec().getSelector() == null || service.getSpec().getSelector().isEmpty()) {
        continue;
      }
      String path = "Service[" + Names.shown(ValidationContext.name(service)) + "].spec.type";
      Unauthenticated open = bySelector.computeIfAbsent(service.getSpec().getSelector(),
          selector -> unauthenticated(context, selector));
      for (String pods : open.first()) {
        findings.add(FindingCode.API_KEY_MISSING, path,
            "expected vLLM behind a LoadBalancer to require an API key, found " + pods
                + " without " + Flag.API_KEY.wireName() + " or VLLM_API_KEY",
            "add env VLLM_API_KEY from a Secret (clients then send 'Authorization: Bearer <key>'), or use type"
                + " ClusterIP behind an authenticating gateway");
      }
      // the rest counted, not built: one "and N more" however many pod groups the Service selects
      findings.addMore(FindingCode.API_KEY_MISSING, path,
          (int) Math.min(Integer.MAX_VALUE, open.total() - open.first().size()));
    }
  }

  private static Unauthenticated unauthenticated(ValidationContext context, Map<String, String> selector) {
    List<String> first = new java.util.ArrayList<>();
    long total = 0;
    for (PodGroup pods : context.podGroupsSelectedBy(selector)) {
      long here = context.vllmContainers(pods).stream().filter(c -> !requiresApiKey(c)).count();
      for (long i = 0; i < here && first.size() < Findings.MAX_SAME; i++) {
        first.add(pods.id());
      }
      total += here;
    }
    return new Unauthenticated(first, total);
  }

  private static boolean requiresApiKey(VllmContainer container) {
    if (container.args().last(Flag.API_KEY).isPresent()) {
      return true;
    }
    return Nulls.list(container.container().getEnv()).stream().anyMatch(e -> e != null
        && "VLLM_API_KEY".equals(e.getName()) && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null);
  }
}
