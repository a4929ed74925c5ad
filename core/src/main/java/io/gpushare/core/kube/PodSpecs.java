package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import io.gpushare.core.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the pod specs of an object that runs pods, of any kind, and edits them in place through a
 * {@link PodSpecBuilder} ({@link ObjectHook#podSpec}). A LeaderWorkerSet, which fabric8 holds as a
 * generic resource, has its {@code leaderTemplate} and {@code workerTemplate} read as fabric8
 * {@code PodTemplateSpec}s and written back as maps.
 */
final class PodSpecs {

  private PodSpecs() {}

  static HasMetadata edit(HasMetadata object, Consumer<? super PodSpecBuilder> edit) {
    List<PodTemplateSpec> templates = new ArrayList<>();
    if (object instanceof Pod pod) {
      pod.setSpec(edited(pod.getSpec(), edit));
      return pod;
    } else if (object instanceof Deployment deployment && deployment.getSpec() != null) {
      templates.add(deployment.getSpec().getTemplate());
    } else if (object instanceof StatefulSet statefulSet && statefulSet.getSpec() != null) {
      templates.add(statefulSet.getSpec().getTemplate());
    } else if (object instanceof ReplicaSet replicaSet && replicaSet.getSpec() != null) {
      templates.add(replicaSet.getSpec().getTemplate());
    } else if (object instanceof ReplicationController controller && controller.getSpec() != null) {
      templates.add(controller.getSpec().getTemplate());
    } else if (object instanceof DaemonSet daemonSet && daemonSet.getSpec() != null) {
      templates.add(daemonSet.getSpec().getTemplate());
    } else if (object instanceof Job job && job.getSpec() != null) {
      templates.add(job.getSpec().getTemplate());
    } else if (object instanceof CronJob cronJob && cronJob.getSpec() != null) {
      JobTemplateSpec jobTemplate = cronJob.getSpec().getJobTemplate();
      if (jobTemplate != null && jobTemplate.getSpec() != null) {
        templates.add(jobTemplate.getSpec().getTemplate());
      }
    } else if (object instanceof GenericKubernetesResource generic
        && WorkloadKind.LEADER_WORKER_SET.is(generic.getApiVersion(), generic.getKind())) {
      return leaderWorkerSet(generic, edit);
    }
    templates.removeIf(template -> template == null);
    if (templates.isEmpty()) {
      throw noTemplate(object);
    }
    for (PodTemplateSpec template : templates) {
      template.setSpec(edited(template.getSpec(), edit));
    }
    return object;
  }

  private static HasMetadata leaderWorkerSet(GenericKubernetesResource set, Consumer<? super PodSpecBuilder> edit) {
    // copies, not edits: the maps of a generic resource may be unmodifiable
    Map<String, Object> spec = set.getAdditionalProperties().get("spec") instanceof Map<?, ?> map
        ? KubeJson.toMap(map) : null;
    Map<String, Object> templates = spec != null && spec.get("leaderWorkerTemplate") instanceof Map<?, ?> map
        ? KubeJson.toMap(map) : null;
    boolean found = false;
    for (String key : List.of("leaderTemplate", "workerTemplate")) {
      if (templates != null && templates.get(key) instanceof Map<?, ?> template) {
        PodTemplateSpec typed = KubeJson.convert(template, PodTemplateSpec.class);
        typed.setSpec(edited(typed.getSpec(), edit));
        templates.put(key, KubeJson.toMap(typed));
        found = true;
      }
    }
    if (!found) {
      throw noTemplate(set);
    }
    spec.put("leaderWorkerTemplate", templates);
    set.setAdditionalProperty("spec", spec);
    return set;
  }

  private static PodSpec edited(PodSpec spec, Consumer<? super PodSpecBuilder> edit) {
    PodSpecBuilder builder = spec == null ? new PodSpecBuilder() : new PodSpecBuilder(spec);
    edit.accept(builder);
    return builder.build();
  }

  private static IllegalArgumentException noTemplate(HasMetadata object) {
    return new IllegalArgumentException("expected an object with a pod template (Pod, Deployment, StatefulSet,"
        + " ReplicaSet, ReplicationController, DaemonSet, Job, CronJob or LeaderWorkerSet) for a pod spec hook, found "
        + object.getKind() + "[" + (object.getMetadata() == null ? null : object.getMetadata().getName())
        + "] without one; edit it with ObjectHook.of(type, toBuilder, build, edit) instead");
  }
}
