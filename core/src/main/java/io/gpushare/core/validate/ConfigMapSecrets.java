package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ConfigMaps that workloads read, and credentials written into them by name:
 *
 * <pre>
 * kind: ConfigMap                              envFrom: [{configMapRef: {name: vllm-env}}]
 * metadata: {name: vllm-env}                   env: [{name: HF_TOKEN, valueFrom: {configMapKeyRef: {name: vllm-env, key: t}}}]
 * data: {HF_TOKEN: "...", t: "..."}            volumes: [{name: cfg, configMap: {name: vllm-env}}]
 * </pre>
 *
 * A key is a credential when its name (with the {@code envFrom} prefix) means one
 * ({@link Credentials#credentialName}), or when a credential-named variable reads it through
 * {@code configMapKeyRef}.
 */
final class ConfigMapSecrets {
  /** Who reads a ConfigMap, and the variable names its keys become (key to variable; "" for any key). */
  private record Use(String reader, Map<String, String> keyNames, List<String> prefixes) {}

  private final Map<String, Use> uses = new LinkedHashMap<>();

  void read(PodGroup pods) {
    PodSpec pod = pods.pod();
    for (Container c : Nulls.list(pod.getContainers())) {
      if (c != null) {
        read(pods.id(), c.getEnv(), c.getEnvFrom());
      }
    }
    for (Container c : Nulls.list(pod.getInitContainers())) {
      if (c != null) {
        read(pods.id(), c.getEnv(), c.getEnvFrom());
      }
    }
    for (EphemeralContainer c : Nulls.list(pod.getEphemeralContainers())) {
      if (c != null) {
        read(pods.id(), c.getEnv(), c.getEnvFrom());
      }
    }
    for (Volume volume : Nulls.list(pod.getVolumes())) {
      if (volume != null && volume.getConfigMap() != null) {
        use(volume.getConfigMap().getName(), pods.id()).prefixes().add("");
      }
      if (volume != null && volume.getProjected() != null) {
        for (VolumeProjection source : Nulls.list(volume.getProjected().getSources())) {
          if (source != null && source.getConfigMap() != null) {
            use(source.getConfigMap().getName(), pods.id()).prefixes().add("");
          }
        }
      }
    }
  }

  private void read(String reader, List<EnvVar> env, List<EnvFromSource> envFrom) {
    for (EnvFromSource source : Nulls.list(envFrom)) {
      if (source != null && source.getConfigMapRef() != null) {
        use(source.getConfigMapRef().getName(), reader).prefixes()
            .add(source.getPrefix() == null ? "" : source.getPrefix());
      }
    }
    for (EnvVar variable : Nulls.list(env)) {
      if (variable != null && variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null
          && variable.getValueFrom().getConfigMapKeyRef().getKey() != null) {
        use(variable.getValueFrom().getConfigMapKeyRef().getName(), reader).keyNames()
            .put(variable.getValueFrom().getConfigMapKeyRef().getKey(), String.valueOf(variable.getName()));
      }
    }
  }

  private Use use(String configMap, String reader) {
    return uses.computeIfAbsent(String.valueOf(configMap),
        name -> new Use(reader, new LinkedHashMap<>(), new java.util.ArrayList<>()));
  }

  /** Reports the credential-named keys of a ConfigMap that a workload reads. */
  void check(ConfigMap configMap, Set<String> reported, Findings findings) {
    String name = ValidationContext.name(configMap);
    Use use = uses.get(String.valueOf(name));
    if (use == null) {
      return;
    }
    for (Map.Entry<String, String> entry : Nulls.map(configMap.getData()).entrySet()) {
      String key = entry.getKey();
      String variable = use.keyNames().get(key);
      boolean credential = variable != null && Credentials.credentialName(variable)
          || use.prefixes().stream().anyMatch(prefix -> Credentials.credentialName(prefix + key));
      String path = "ConfigMap[" + name + "].data" + TokenScan.key(String.valueOf(key));
      if (credential && !Credentials.placeholder(entry.getValue()) && reported.add(path)) {
        findings.add(FindingCode.SECRET_LITERAL, path,
            "expected " + (variable != null ? variable : key) + " from a Secret, found a literal value in ConfigMap "
                + name + ", which " + use.reader() + " reads",
            "move the key to a Secret created out of band (kubectl create secret generic ...) and read it with"
                + " secretKeyRef or secretRef instead of the ConfigMap; and change the value that was written down");
      }
    }
  }
}
