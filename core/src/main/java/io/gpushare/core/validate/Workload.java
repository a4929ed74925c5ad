package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;

/**
 * A pod spec and what runs it: a Deployment (with its replicas and rollout strategy) or a bare
 * Pod. Paths of findings about the pod start with {@link #podPath()}.
 *
 * @param id {@code Deployment[vllm-gpu]}
 * @param podPath {@code Deployment[vllm-gpu].spec.template.spec}
 * @param pod the pod spec
 * @param labels the pod's labels
 * @param replicas how many pods run in the steady state
 * @param surge how many extra pods a rolling update starts next to them
 * @param surgePath where the rollout strategy is set, for messages
 * @param resource the object itself
 */
record Workload(
    String id, String podPath, PodSpec pod, Map<String, String> labels, int replicas, int surge,
    String surgePath, String surgeDescription, HasMetadata resource) {}
