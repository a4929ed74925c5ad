package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.kube.ObjectHook;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.memory.ModelSpec;
import io.gpushare.core.model.Acknowledgement;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.ConfigMapKeyRef;
import io.gpushare.core.model.EnvVarSpec;
import io.gpushare.core.model.HttpProbe;
import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.PodOptions;
import io.gpushare.core.model.RolloutStrategy;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.TcpProbe;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.VolumeSpec;
import io.gpushare.core.model.WorkloadKind;
import io.gpushare.core.validate.FindingCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Collects {@link VllmOptions} (last call wins) and builds the spec with the tutorial's defaults. */
final class VllmSettings implements VllmOptions {
  private static final List<String> OPENAI_SERVER = VllmArgs.openAiServerCommand();

  private final String name;
  private String model;
  private int replicas = 1;
  private BigDecimal utilization;
  private SecretKeyRef token;
  private String image = DEFAULT_IMAGE;
  private int port = DEFAULT_PORT;
  private final List<String> extraArgs = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private String containerName;
  private long tensorParallelSize = 1;
  private String request;
  private SecretKeyRef apiKey;
  private final Map<String, String> objectLabels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final List<TolerationSpec> tolerations = new ArrayList<>();
  private final PodOptions.Builder pod = PodOptions.builder();
  private final List<Consumer<PodOptions.Builder>> podHooks = new ArrayList<>();
  private boolean httpProbes;
  private RolloutStrategy strategy;
  private WorkloadKind kind = WorkloadKind.DEPLOYMENT;
  private String serviceName;
  private JobOptions job;
  private Integer groupSize;
  private final Map<FindingCode, Acknowledgement> acknowledgements = new LinkedHashMap<>();
  private final List<ObjectHook> hooks = new ArrayList<>();
  private ServerNeeds needs;
  private List<String> plannedArgs = List.of();

  VllmSettings(String name) {
    this.name = name;
  }

  @Override
  public VllmOptions model(String model) {
    this.model = model;
    return this;
  }

  @Override
  public VllmOptions replicas(int replicas) {
    this.replicas = replicas;
    return this;
  }

  @Override
  public VllmOptions gpuMemoryUtilization(double fraction) {
    if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
      throw new IllegalArgumentException(
          "gpuMemoryUtilization of Deployment[" + name + "] must be a fraction in (0, 1], found " + fraction);
    }
    // valueOf uses the shortest decimal that round-trips: 0.42, not 0.419999...
    this.utilization = BigDecimal.valueOf(fraction);
    return this;
  }

  @Override
  public VllmOptions needs(int maxModelLen, int concurrentSequences) {
    this.needs = new ServerNeeds(Optional.empty(), maxModelLen, concurrentSequences);
    return this;
  }

  @Override
  public VllmOptions needs(ModelSpec model, int maxModelLen, int concurrentSequences) {
    this.needs = new ServerNeeds(Optional.of(Objects.requireNonNull(model, "model")), maxModelLen,
        concurrentSequences);
    return this;
  }

  /**
   * Turns {@link #needs} into the utilization and flags that give them on {@code devices}' device; nothing
   * when the server was given a fraction.
   */
  void planMemory(Devices devices) {
    if (needs == null) {
      return;
    }
    String workload = kind.kind() + "[" + name + "]";
    if (utilization != null) {
      throw new IllegalStateException(workload + " has both gpuMemoryUtilization(" + utilization.toPlainString()
          + ") and needs(...): give one, needs(...) computes the utilization");
    }
    for (String arg : extraArgs) {
      for (String flag : List.of(VllmArgs.Flag.MAX_MODEL_LEN.wireName(),
          VllmArgs.Flag.GPU_MEMORY_UTILIZATION.wireName(), VllmArgs.Flag.KV_CACHE_MEMORY_BYTES.wireName())) {
        if (arg.equals(flag) || arg.startsWith(flag + "=")) {
          throw new IllegalStateException(workload + " has needs(...) and " + arg + " in extraArgs: needs(...)"
              + " writes " + flag + " itself; remove it from extraArgs");
        }
      }
    }
    if (model == null) {
      throw new IllegalStateException(
          workload + " needs a model: add .model(\"meta-llama/Llama-3.1-8B-Instruct\") or another Hugging Face id");
    }
    ServerNeeds.Flags flags = needs.flags(workload, model, image, Math.toIntExact(tensorParallelSize),
        devices.memory(request, Catalog.standard()), Catalog.standard());
    this.utilization = flags.utilization();
    this.plannedArgs = flags.args();
  }

  @Override
  public VllmOptions huggingFaceToken(String secretName, String key) {
    this.token = SecretKeyRef.of(secretName, key);
    return this;
  }

  @Override
  public VllmOptions image(String image) {
    this.image = image;
    return this;
  }

  @Override
  public VllmOptions port(int port) {
    this.port = port;
    return this;
  }

  @Override
  public VllmOptions extraArgs(String... args) {
    extraArgs.addAll(List.of(args));
    return this;
  }

  @Override
  public VllmOptions label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  @Override
  public VllmOptions containerName(String name) {
    this.containerName = name;
    return this;
  }

  @Override
  public VllmOptions tensorParallelSize(long size) {
    if (size < 1) {
      throw new IllegalArgumentException("tensorParallelSize of Deployment[" + name + "] must be >= 1, found " + size);
    }
    this.tensorParallelSize = size;
    return this;
  }

  @Override
  public VllmOptions request(String requestName) {
    this.request = requestName;
    return this;
  }

  @Override
  public VllmOptions objectLabel(String key, String value) {
    objectLabels.put(key, value);
    return this;
  }

  @Override
  public VllmOptions customizePod(Consumer<? super PodSpecBuilder> hook) {
    hooks.add(ObjectHook.podSpec(Objects.requireNonNull(hook, "hook")));
    return this;
  }

  @Override
  public VllmOptions annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  @Override
  public VllmOptions podAnnotation(String key, String value) {
    pod.putAnnotations(key, value);
    return this;
  }

  @Override
  public VllmOptions apiKey(String secretName, String key) {
    this.apiKey = SecretKeyRef.of(secretName, key);
    return this;
  }

  @Override
  public VllmOptions requests(String cpu, String memory) {
    pod.putRequests("cpu", cpu).putRequests("memory", memory);
    return this;
  }

  @Override
  public VllmOptions limits(String cpu, String memory) {
    pod.putLimits("cpu", cpu).putLimits("memory", memory);
    return this;
  }

  @Override
  public VllmOptions env(String name, String value) {
    pod.addEnv(EnvVarSpec.literal(name, value));
    return this;
  }

  @Override
  public VllmOptions envFromSecret(String name, String secretName, String key) {
    pod.addEnv(EnvVarSpec.fromSecret(name, SecretKeyRef.of(secretName, key)));
    return this;
  }

  @Override
  public VllmOptions envFromConfigMap(String name, String configMapName, String key) {
    pod.addEnv(EnvVarSpec.fromConfigMap(name, ConfigMapKeyRef.of(configMapName, key)));
    return this;
  }

  @Override
  public VllmOptions volume(VolumeSpec volume) {
    pod.addVolumes(volume);
    return this;
  }

  @Override
  public VllmOptions huggingFaceCache(String claimName) {
    return volume(VolumeSpec.huggingFaceCache(claimName));
  }

  @Override
  public VllmOptions vllmProbes() {
    httpProbes = true;
    return this;
  }

  @Override
  public VllmOptions nodeSelector(String key, String value) {
    pod.putNodeSelector(key, value);
    return this;
  }

  @Override
  public VllmOptions toleration(TolerationSpec toleration) {
    tolerations.add(toleration);
    return this;
  }

  @Override
  public VllmOptions affinity(Affinity affinity) {
    pod.affinity(affinity);
    return this;
  }

  @Override
  public VllmOptions topologySpread(TopologySpreadConstraint constraint) {
    pod.addTopologySpreadConstraints(constraint);
    return this;
  }

  @Override
  public VllmOptions imagePullSecret(String secretName) {
    pod.addImagePullSecrets(secretName);
    return this;
  }

  @Override
  public VllmOptions serviceAccount(String name) {
    pod.serviceAccountName(name);
    return this;
  }

  @Override
  public VllmOptions podSecurityContext(PodSecurityContext context) {
    pod.podSecurityContext(context);
    return this;
  }

  @Override
  public VllmOptions securityContext(SecurityContext context) {
    pod.securityContext(context);
    return this;
  }

  @Override
  public VllmOptions priorityClass(String name) {
    pod.priorityClassName(name);
    return this;
  }

  @Override
  public VllmOptions terminationGracePeriodSeconds(long seconds) {
    pod.terminationGracePeriodSeconds(seconds);
    return this;
  }

  @Override
  public VllmOptions pod(Consumer<PodOptions.Builder> options) {
    podHooks.add(options);
    return this;
  }

  @Override
  public VllmOptions acknowledge(FindingCode code, String reason) {
    acknowledgements.put(code, Acknowledgement.of(code, reason));
    return this;
  }

  @Override
  public VllmOptions recreate() {
    this.strategy = RolloutStrategy.recreate();
    return this;
  }

  @Override
  public VllmOptions rollingUpdate(String maxSurge, String maxUnavailable) {
    this.strategy = RolloutStrategy.rollingUpdate(maxSurge, maxUnavailable);
    return this;
  }

  @Override
  public VllmOptions statefulSet(String headlessServiceName) {
    this.kind = WorkloadKind.STATEFUL_SET;
    this.serviceName = headlessServiceName;
    return this;
  }

  @Override
  public VllmOptions job(JobOptions job) {
    this.kind = WorkloadKind.JOB;
    this.job = job;
    return this;
  }

  @Override
  public VllmOptions leaderWorkerSet(int groupSize) {
    this.kind = WorkloadKind.LEADER_WORKER_SET;
    this.groupSize = groupSize;
    return this;
  }

  @Override
  public VllmOptions customizeDeployment(Consumer<? super DeploymentBuilder> hook) {
    hooks.add(ObjectHook.deployment(Objects.requireNonNull(hook, "hook")));
    return this;
  }

  /** The escape-hatch hooks, in the order they were given. */
  List<ObjectHook> hooks() {
    return List.copyOf(hooks);
  }

  VllmWorkloadSpec toSpec(ClaimReference claim) {
    if (model == null) {
      throw new IllegalStateException(
          kind.kind() + "[" + name + "] needs a model: add .model(\"google/gemma-3-1b-it\") or another Hugging Face id");
    }
    VllmWorkloadSpec.Builder spec =
        VllmWorkloadSpec.builder()
            .name(name)
            .replicas(replicas)
            .image(image)
            .addAllCommand(OPENAI_SERVER)
            .host("0.0.0.0")
            .port(port)
            .model(model)
            .addAllExtraArgs(Stream.of(
                    tensorParallelSize > 1 ? List.of(VllmArgs.Flag.TENSOR_PARALLEL_SIZE.write(tensorParallelSize))
                        : List.<String>of(), plannedArgs, extraArgs)
                .flatMap(List::stream).toList())
            .claim(request == null ? claim : claim.withRequest(request))
            .addTolerations(TolerationSpec.gpuNoSchedule())
            .addAllTolerations(tolerations)
            .sharedMemoryVolume(true)
            .workloadKind(kind)
            .putAllObjectLabels(objectLabels)
            .putAllAnnotations(annotations)
            .addAllAcknowledgements(acknowledgements.values());
    if (httpProbes) {
      pod.readinessProbe(HttpProbe.vllmReadiness()).livenessProbe(HttpProbe.vllmLiveness())
          .startupProbe(HttpProbe.vllmStartup());
    }
    podHooks.forEach(hook -> hook.accept(pod));
    PodOptions options = pod.build();
    if (options.readinessProbe().isEmpty()) {
      spec.readinessProbe(TcpProbe.of(15, 10)); // the tutorial's
    }
    spec.pod(options);
    if (apiKey != null) {
      spec.apiKey(apiKey);
    }
    if (strategy != null) {
      spec.strategy(strategy);
    }
    if (serviceName != null) {
      spec.serviceName(serviceName);
    }
    if (job != null) {
      spec.job(job);
    }
    if (groupSize != null) {
      spec.groupSize(groupSize);
    }
    if (utilization != null) {
      spec.gpuMemoryUtilization(utilization);
    }
    if (token != null) {
      spec.huggingFaceToken(token);
    }
    if (!labels.isEmpty()) {
      spec.labels(labels);
    }
    if (containerName != null) {
      spec.containerName(containerName);
    }
    return spec.build();
  }
}
