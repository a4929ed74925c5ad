package io.gpushare.core.yaml;

/**
 * A node of the ordered YAML tree the emitter writes: a mapping, a sequence or a scalar. Both
 * entrances (objects converted from fabric8, documents read from files) meet here, so one emitter
 * and one {@link KubernetesStyle style policy} serve both.
 */
sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {}
