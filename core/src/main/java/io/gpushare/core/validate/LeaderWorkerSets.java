package io.gpushare.core.validate;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.gpushare.core.kube.KubeJson;
import io.gpushare.core.validate.PodGroup.Count;
import io.gpushare.core.validate.PodGroup.Surge;
import io.gpushare.core.validate.Workload.CountField;
import io.gpushare.core.validate.Workload.Start;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A LeaderWorkerSet ({@code leaderworkerset.x-k8s.io/v1}, kubernetes-sigs/lws
 * {@code api/leaderworkerset/v1/leaderworkerset_types.go}) as a {@link Workload}. fabric8 has no
 * class for it, so it is read from the generic resource, and each pod template through fabric8's
 * {@code PodTemplateSpec}:
 *
 * <pre>
 * apiVersion: leaderworkerset.x-k8s.io/v1
 * kind: LeaderWorkerSet
 * metadata: {name: vllm}
 * spec:
 *   replicas: 2                  # groups, default 1
 *   startupPolicy: LeaderReady   # workers start once the leader is ready (default LeaderCreated)
 *   rolloutStrategy:
 *     rollingUpdateConfiguration: {maxSurge: 1}   # extra groups during a rollout, default 0
 *   leaderWorkerTemplate:
 *     size: 4                    # pods per group, leader included, default 1
 *     leaderTemplate: {...}      # optional: without it the leader uses the worker template
 *     workerTemplate: {...}
 * </pre>
 *
 * With a leader template there are two pod groups, {@code LeaderWorkerSet[vllm] leaders} (replicas
 * pods) and {@code LeaderWorkerSet[vllm] workers} (replicas x (size - 1)); without one, a single
 * group {@code LeaderWorkerSet[vllm]} of replicas x size pods. Every pod carries the label
 * {@code leaderworkerset.sigs.k8s.io/name: vllm}, a leader also {@code worker-index: "0"}. A field
 * of the wrong JSON type is reported, and what depends on it is left unjudged.
 */
final class LeaderWorkerSets {
  static final String API_VERSION = "leaderworkerset.x-k8s.io/v1";
  static final String KIND = "LeaderWorkerSet";
  static final String NAME_LABEL = "leaderworkerset.sigs.k8s.io/name";
  static final String WORKER_INDEX_LABEL = "leaderworkerset.sigs.k8s.io/worker-index";

  private LeaderWorkerSets() {}

  static boolean accepts(HasMetadata resource) {
    return resource instanceof GenericKubernetesResource && API_VERSION.equals(resource.getApiVersion())
        && KIND.equals(resource.getKind());
  }

  static Workload read(HasMetadata resource) {
    String id = Workloads.id(resource);
    String name = ValidationContext.name(resource);
    List<String> unreadable = new ArrayList<>();
    Map<String, Object> spec = object(((GenericKubernetesResource) resource).getAdditionalProperties().get("spec"),
        id + ".spec", unreadable);
    String templatesPath = id + ".spec.leaderWorkerTemplate";
    Map<String, Object> templates = object(spec.get("leaderWorkerTemplate"), templatesPath, unreadable);
    String replicasPath = id + ".spec.replicas";
    String sizePath = templatesPath + ".size";
    Integer replicas = integer(spec.get("replicas"), replicasPath, unreadable);
    Integer size = integer(templates.get("size"), sizePath, unreadable);
    boolean counted = !unreadable.contains(replicasPath) && !unreadable.contains(sizePath);
    int groups = Math.max(0, replicas == null ? 1 : replicas);
    int perGroup = Math.max(0, size == null ? 1 : size);
    Object maxSurge = maxSurge(spec, id + ".spec.rolloutStrategy", unreadable);
    int surgeGroups = surgeGroups(maxSurge, groups);

    Map<String, String> named = name == null ? Map.of() : Map.of(NAME_LABEL, name);
    PodTemplateSpec worker = template(templates.get("workerTemplate"), templatesPath + ".workerTemplate", unreadable);
    List<PodGroup> pods = new ArrayList<>();
    if (templates.get("leaderTemplate") == null) {
      pods.add(Workloads.template(id, templatesPath + ".workerTemplate", worker, named,
          count(counted, times(groups, perGroup)), surge(id, times(surgeGroups, perGroup), maxSurge, perGroup)));
    } else {
      PodTemplateSpec leader = template(templates.get("leaderTemplate"), templatesPath + ".leaderTemplate", unreadable);
      pods.add(Workloads.template(id + " leaders", templatesPath + ".leaderTemplate", leader,
          leaderLabels(named), count(counted, groups), surge(id, surgeGroups, maxSurge, 1)));
      int workers = Math.max(0, perGroup - 1);
      pods.add(Workloads.template(id + " workers", templatesPath + ".workerTemplate", worker, named,
          count(counted, times(groups, workers)), surge(id, times(surgeGroups, workers), maxSurge, workers)));
    }
    List<CountField> counts = new ArrayList<>(Workloads.count(replicasPath, "replicas", replicas, 0));
    counts.addAll(Workloads.count(sizePath, "size", size, 1));
    Start start = "LeaderReady".equals(spec.get("startupPolicy")) ? Start.ORDERED : Start.TOGETHER;
    return new Workload(id, resource, List.copyOf(pods), Optional.empty(), counts, start, List.copyOf(unreadable));
  }

  private static Map<String, String> leaderLabels(Map<String, String> named) {
    Map<String, String> labels = new LinkedHashMap<>(named);
    labels.put(WORKER_INDEX_LABEL, "0");
    return labels;
  }

  /** The LWS webhook refuses replicas x size above the int32 range; saturate rather than wrap. */
  private static int times(int a, int b) {
    return (int) Math.min(Integer.MAX_VALUE, (long) a * b);
  }

  private static Count count(boolean counted, int pods) {
    return counted ? Count.of(pods) : Count.unknown("a replicas or size that is not a number");
  }

  /** {@code spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge}: a number, a percentage, or null (default 0). */
  private static Object maxSurge(Map<String, Object> spec, String path, List<String> unreadable) {
    Map<String, Object> strategy = object(spec.get("rolloutStrategy"), path, unreadable);
    Object maxSurge = object(strategy.get("rollingUpdateConfiguration"), path + ".rollingUpdateConfiguration",
        unreadable).get("maxSurge");
    if (maxSurge == null || maxSurge instanceof Integer
        || maxSurge instanceof String percent && Workloads.PERCENT.matcher(percent).matches()) {
      return maxSurge;
    }
    unreadable.add(path + ".rollingUpdateConfiguration.maxSurge");
    return null;
  }

  /** Extra groups during a rolling update; a percentage of replicas is rounded up. */
  private static int surgeGroups(Object maxSurge, int groups) {
    if (maxSurge instanceof Integer value) {
      return Math.max(0, value);
    }
    if (maxSurge instanceof String percent && Workloads.PERCENT.matcher(percent).matches()) {
      return Workloads.percentOf(groups, Integer.parseInt(percent.substring(0, percent.length() - 1)));
    }
    return 0;
  }

  private static Surge surge(String id, int pods, Object maxSurge, int perGroup) {
    if (pods == 0) {
      return Surge.NONE;
    }
    int percent = maxSurge instanceof String text ? Integer.parseInt(text.substring(0, text.length() - 1)) : -1;
    return new Surge(pods, id + ".spec.rolloutStrategy", "a rolling update", "maxSurge " + maxSurge,
        "the new groups' pods cannot start while the old ones hold the GPU; set"
            + " spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge: 0 (the default)", percent, perGroup);
  }

  /** A map at {@code path}; an empty one when absent, or (reported) when not a map. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String path, List<String> unreadable) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    if (value != null) {
      unreadable.add(path);
    }
    return Map.of();
  }

  /** The integer at {@code path}; null when absent (the default applies) or (reported) not an integer. */
  private static Integer integer(Object value, String path, List<String> unreadable) {
    if (value != null && !(value instanceof Integer)) {
      unreadable.add(path);
      return null;
    }
    return (Integer) value;
  }

  /** The template as fabric8 reads a pod template; null when absent, or (reported) when a field has the wrong type. */
  private static PodTemplateSpec template(Object value, String path, List<String> unreadable) {
    if (value == null) {
      return null;
    }
    try {
      return KubeJson.convert(value, PodTemplateSpec.class);
    } catch (IllegalArgumentException e) {
      unreadable.add(path + (e.getCause() instanceof JsonMappingException mapping ? jsonPath(mapping) : ""));
      return null;
    }
  }

  /** {@code .spec.containers[0].env}: where Jackson stopped, without the value (it may be a credential). */
  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
