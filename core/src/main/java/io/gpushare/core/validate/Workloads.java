package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.gpushare.core.validate.PodGroup.Count;
import io.gpushare.core.validate.PodGroup.Surge;
import io.gpushare.core.validate.Workload.CountField;
import io.gpushare.core.validate.Workload.Selector;
import io.gpushare.core.validate.Workload.Start;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads every object that carries a pod template as a {@link Workload}, one reader per kind, and
 * says how many pods each runs at once:
 *
 * <ul>
 *   <li>Pod: 1.
 *   <li>Deployment: {@code replicas} (default 1); a rolling update starts {@code maxSurge} more
 *       (default 25%, rounded up).
 *   <li>ReplicaSet, ReplicationController: {@code replicas} (default 1).
 *   <li>StatefulSet: {@code replicas} (default 1); its rolling update replaces one pod at a time, so
 *       no surge; pods start in order unless {@code podManagementPolicy: Parallel}.
 *   <li>DaemonSet: unknown, one per node that matches; the budget rules say so instead of guessing.
 *   <li>Job: {@code parallelism} (default 1), at most {@code completions}.
 *   <li>CronJob: its job template's count per run; with {@code concurrencyPolicy: Allow} (the
 *       default) a second run may start while one still runs, counted as extra pods the way a
 *       rollout's surge is; {@code Forbid} and {@code Replace} run one at a time.
 *   <li>LeaderWorkerSet ({@link LeaderWorkerSets}): {@code replicas} groups of {@code size} pods.
 * </ul>
 *
 * A new kind is one more row in {@link #KINDS} and its reader (here, or in a class of its own for a
 * custom resource read without a schema, like {@link LeaderWorkerSets}).
 */
final class Workloads {
  static final Pattern PERCENT = Pattern.compile("[0-9]{1,9}%");
  /** Labels the Job controller adds to a Job's pods unless the selector is manual. */
  private static final List<String> JOB_NAME_LABELS = List.of("batch.kubernetes.io/job-name", "job-name");

  private record Reader(Predicate<HasMetadata> accepts, Function<HasMetadata, Workload> read) {}

  private static final List<Reader> KINDS = List.of(
      typed(Pod.class, Workloads::pod),
      typed(Deployment.class, Workloads::deployment),
      typed(ReplicaSet.class, Workloads::replicaSet),
      typed(ReplicationController.class, Workloads::replicationController),
      typed(StatefulSet.class, Workloads::statefulSet),
      typed(DaemonSet.class, Workloads::daemonSet),
      typed(Job.class, Workloads::job),
      typed(CronJob.class, Workloads::cronJob),
      new Reader(LeaderWorkerSets::accepts, LeaderWorkerSets::read));

  private Workloads() {}

  /** The object as a workload, or empty when it carries no pod template. */
  static Optional<Workload> of(HasMetadata resource) {
    return KINDS.stream().filter(kind -> kind.accepts().test(resource)).findFirst()
        .map(kind -> kind.read().apply(resource));
  }

  private static <T extends HasMetadata> Reader typed(Class<T> type, Function<T, Workload> read) {
    return new Reader(type::isInstance, resource -> read.apply(type.cast(resource)));
  }

  private static Workload pod(Pod pod) {
    String id = id(pod);
    Map<String, String> labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
    PodGroup group = new PodGroup(id, id + ".spec", pod.getSpec(), labels(labels, Map.of()), Count.of(1), Surge.NONE);
    return new Workload(id, pod, List.of(group), Optional.empty(), List.of(), Start.TOGETHER, List.of());
  }

  private static Workload deployment(Deployment deployment) {
    String id = id(deployment);
    DeploymentSpec spec = deployment.getSpec();
    Integer replicas = spec == null ? null : spec.getReplicas();
    PodTemplateSpec template = spec == null ? null : spec.getTemplate();
    int pods = Math.max(0, replicas == null ? 1 : replicas);
    PodGroup group = template(id, id + ".spec.template", template, Map.of(), Count.of(pods),
        rollingUpdate(id, spec == null ? null : spec.getStrategy(), pods));
    return new Workload(id, deployment, List.of(group),
        spec == null ? Optional.empty() : selector(id, spec.getSelector(), template),
        count(id + ".spec.replicas", "replicas", replicas, 0), Start.TOGETHER, List.of());
  }

  /** The default strategy is RollingUpdate with maxSurge 25%; Recreate stops the old pods first. */
  private static Surge rollingUpdate(String id, DeploymentStrategy strategy, int replicas) {
    if (strategy != null && strategy.getType() != null && !"RollingUpdate".equals(strategy.getType())) {
      return Surge.NONE;
    }
    IntOrString maxSurge = strategy == null || strategy.getRollingUpdate() == null
        ? null : strategy.getRollingUpdate().getMaxSurge();
    int percent = -1;
    String description;
    if (maxSurge == null) {
      percent = 25;
      description = "maxSurge defaults to 25%";
    } else if (maxSurge.getIntVal() != null) {
      description = "maxSurge " + maxSurge.getIntVal();
    } else if (maxSurge.getStrVal() != null && PERCENT.matcher(maxSurge.getStrVal()).matches()) {
      percent = Integer.parseInt(maxSurge.getStrVal().substring(0, maxSurge.getStrVal().length() - 1));
      description = "maxSurge " + maxSurge.getStrVal();
    } else {
      return Surge.NONE;
    }
    int surge = percent >= 0 ? percentOf(replicas, percent) : maxSurge.getIntVal();
    return new Surge(Math.max(0, surge), id + ".spec.strategy", "a rolling update", description,
        "the new pod cannot start while the old ones hold the GPU; set spec.strategy.type: Recreate, or"
            + " rollingUpdate maxSurge: 0 with maxUnavailable: 1", percent, 1);
  }

  /** Kubernetes rounds a percentage maxSurge up. */
  static int percentOf(int replicas, int percent) {
    return (int) Math.min(Integer.MAX_VALUE, ((long) replicas * percent + 99) / 100);
  }

  private static Workload replicaSet(ReplicaSet replicaSet) {
    String id = id(replicaSet);
    var spec = replicaSet.getSpec();
    Integer replicas = spec == null ? null : spec.getReplicas();
    PodTemplateSpec template = spec == null ? null : spec.getTemplate();
    PodGroup group = template(id, id + ".spec.template", template, Map.of(), Count.of(replicas == null ? 1 : replicas),
        Surge.NONE);
    return new Workload(id, replicaSet, List.of(group),
        spec == null ? Optional.empty() : selector(id, spec.getSelector(), template),
        count(id + ".spec.replicas", "replicas", replicas, 0), Start.TOGETHER, List.of());
  }

  /** The ReplicaSet's predecessor; its selector, a plain map, defaults to the template's labels. */
  private static Workload replicationController(ReplicationController controller) {
    String id = id(controller);
    var spec = controller.getSpec();
    Integer replicas = spec == null ? null : spec.getReplicas();
    PodTemplateSpec template = spec == null ? null : spec.getTemplate();
    PodGroup group = template(id, id + ".spec.template", template, Map.of(), Count.of(replicas == null ? 1 : replicas),
        Surge.NONE);
    Optional<Selector> selector = spec == null || spec.getSelector() == null || spec.getSelector().isEmpty()
        ? Optional.empty()
        : selector(id, new LabelSelector(List.of(), spec.getSelector()), template);
    return new Workload(id, controller, List.of(group), selector, count(id + ".spec.replicas", "replicas", replicas, 0),
        Start.TOGETHER, List.of());
  }

  private static Workload statefulSet(StatefulSet statefulSet) {
    String id = id(statefulSet);
    var spec = statefulSet.getSpec();
    Integer replicas = spec == null ? null : spec.getReplicas();
    PodTemplateSpec template = spec == null ? null : spec.getTemplate();
    // a rolling update deletes a pod before it starts its replacement: no surge
    PodGroup group = template(id, id + ".spec.template", template, Map.of(), Count.of(replicas == null ? 1 : replicas),
        Surge.NONE);
    Start start = spec != null && "Parallel".equals(spec.getPodManagementPolicy()) ? Start.TOGETHER : Start.ORDERED;
    return new Workload(id, statefulSet, List.of(group),
        spec == null ? Optional.empty() : selector(id, spec.getSelector(), template),
        count(id + ".spec.replicas", "replicas", replicas, 0), start, List.of());
  }

  private static Workload daemonSet(DaemonSet daemonSet) {
    String id = id(daemonSet);
    var spec = daemonSet.getSpec();
    PodTemplateSpec template = spec == null ? null : spec.getTemplate();
    PodGroup group = template(id, id + ".spec.template", template, Map.of(),
        Count.unknown("one pod per node that matches its nodeSelector, affinity and tolerations"), Surge.NONE);
    return new Workload(id, daemonSet, List.of(group),
        spec == null ? Optional.empty() : selector(id, spec.getSelector(), template), List.of(), Start.TOGETHER,
        List.of());
  }

  private static Workload job(Job job) {
    String id = id(job);
    JobSpec spec = job.getSpec();
    Map<String, String> added = new LinkedHashMap<>();
    if (ValidationContext.name(job) != null && (spec == null || !Boolean.TRUE.equals(spec.getManualSelector()))) {
      JOB_NAME_LABELS.forEach(label -> added.put(label, ValidationContext.name(job)));
    }
    return jobLike(id, id + ".spec", spec, job, added, count -> Surge.NONE);
  }

  private static Workload cronJob(CronJob cronJob) {
    String id = id(cronJob);
    var spec = cronJob.getSpec();
    JobSpec jobSpec = spec == null || spec.getJobTemplate() == null ? null : spec.getJobTemplate().getSpec();
    String policy = spec == null ? null : spec.getConcurrencyPolicy();
    Function<Integer, Surge> overlap = pods -> policy != null && !policy.equals("Allow") ? Surge.NONE
        : new Surge(pods, id + ".spec.concurrencyPolicy", "an overlapping run",
            policy == null ? "concurrencyPolicy defaults to Allow" : "concurrencyPolicy Allow",
            "the next run's pods cannot start while a late run's pods hold the GPU; set spec.concurrencyPolicy:"
                + " Forbid", -1, 1);
    // the Job's name changes with each run, so its job-name labels are unknown
    return jobLike(id, id + ".spec.jobTemplate.spec", jobSpec, cronJob, Map.of(), overlap);
  }

  /** A Job's spec, at {@code specPath}: {@code Job[x].spec} or {@code CronJob[x].spec.jobTemplate.spec}. */
  private static Workload jobLike(String id, String specPath, JobSpec spec, HasMetadata resource,
      Map<String, String> added, Function<Integer, Surge> surge) {
    Integer parallelism = spec == null ? null : spec.getParallelism();
    Integer completions = spec == null ? null : spec.getCompletions();
    int pods = Math.max(0, parallelism == null ? 1 : parallelism);
    if (completions != null) {
      pods = Math.min(pods, Math.max(0, completions));
    }
    PodTemplateSpec template = spec == null ? null : spec.getTemplate();
    PodGroup group = template(id, specPath + ".template", template, added, Count.of(pods), surge.apply(pods));
    Optional<Selector> selector = spec != null && Boolean.TRUE.equals(spec.getManualSelector())
        ? Optional.of(new Selector(specPath + ".selector", spec.getSelector(), specPath + ".template",
            templateLabels(template)))
        : Optional.empty();
    List<CountField> counts = new ArrayList<>(count(specPath + ".parallelism", "parallelism", parallelism, 0));
    counts.addAll(count(specPath + ".completions", "completions", completions, 0));
    return new Workload(id, resource, List.of(group), selector, counts, Start.TOGETHER, List.of());
  }

  /** The pods of one template at {@code templatePath}, with labels the controller adds. */
  static PodGroup template(String id, String templatePath, PodTemplateSpec template, Map<String, String> added,
      Count count, Surge surge) {
    return new PodGroup(id, templatePath + ".spec", template == null ? null : template.getSpec(),
        labels(templateLabels(template), added), count, surge);
  }

  private static Optional<Selector> selector(String id, LabelSelector selector, PodTemplateSpec template) {
    return Optional.of(new Selector(id + ".spec.selector", selector, id + ".spec.template", templateLabels(template)));
  }

  static List<CountField> count(String path, String name, Integer value, int minimum) {
    return value == null ? List.of() : List.of(new CountField(path, name, value, minimum));
  }

  private static Map<String, String> templateLabels(PodTemplateSpec template) {
    return template == null || template.getMetadata() == null ? null : template.getMetadata().getLabels();
  }

  private static Map<String, String> labels(Map<String, String> own, Map<String, String> added) {
    if (added.isEmpty()) {
      return own == null ? Map.of() : Collections.unmodifiableMap(own);
    }
    Map<String, String> labels = new LinkedHashMap<>(own == null ? Map.of() : own);
    labels.putAll(added);
    return Collections.unmodifiableMap(labels);
  }

  static String id(HasMetadata resource) {
    return resource.getKind() + "[" + Names.shown(ValidationContext.name(resource)) + "]";
  }
}
