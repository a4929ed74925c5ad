package io.gpushare.core.model;

import io.gpushare.core.kube.VllmArgs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The pods of vLLM's OpenAI-compatible server, run by an {@code apps/v1} {@code Deployment} (or the
 * {@link #workloadKind()}), whose pods reach a GPU through a DRA claim. Every replica that references the same {@code ResourceClaim} lands on the
 * same GPU, so {@link #gpuMemoryUtilization()} is each replica's share of that GPU's memory.
 *
 * <pre>
 * apiVersion: apps/v1
 * kind: Deployment
 * metadata:
 *   name: vllm-gpu
 * spec:
 *   replicas: 2
 *   selector:
 *     matchLabels:
 *       app: vllm-gpu
 *   template:
 *     ...
 *       containers:
 *       - name: vllm-gpu
 *         image: vllm/vllm-openai:v0.7.2
 *         command: ["python3", "-m", "vllm.entrypoints.openai.api_server"]
 *         args:
 *         - --host=0.0.0.0
 *         - --port=8000
 *         - --model=google/gemma-3-1b-it
 *         - --gpu-memory-utilization=0.42
 * </pre>
 *
 * <p>The same pod template runs under every {@link WorkloadKind}: a Deployment (the default), a
 * StatefulSet (with {@link #serviceName()}, its headless Service, and
 * {@code podManagementPolicy: OrderedReady}, so co-located servers load their models one after
 * another), a Job ({@link #job()}, {@code parallelism} = replicas) or a LeaderWorkerSet
 * ({@link #groupSize()} pods per group). A production pod adds {@link #pod()}: resources, env,
 * volumes, HTTP probes, scheduling, security; the workload object gets {@link #namespace()},
 * {@link #objectLabels()} and {@link #annotations()}, which never touch the selector:
 *
 * <pre>
 * apiVersion: apps/v1
 * kind: Deployment
 * metadata:
 *   name: vllm
 *   namespace: ml
 *   labels: {team: inference}          # objectLabels
 * spec:
 *   replicas: 2
 *   selector:
 *     matchLabels: {app: vllm}         # labels
 *   template: ...
 *       env:
 *       - name: VLLM_API_KEY           # apiKey
 *         valueFrom: {secretKeyRef: {name: vllm-api-key, key: key}}
 *   strategy:
 *     type: Recreate                   # strategy
 * </pre>
 *
 * <p>Intrinsic checks: replicas &gt;= 1, utilization in (0, 1], port in 1..65535, extra
 * arguments that do not repeat a flag this type already writes, a namespace that is a DNS label,
 * the kind-specific attributes only on their kind (a StatefulSet needs its serviceName), one
 * readiness probe, and env that does not repeat {@code HF_TOKEN} or {@code VLLM_API_KEY}. Whether
 * the replicas of every workload on one claim fit the GPU together is checked by the validator.
 */
@Value.Immutable
public abstract class VllmWorkloadSpec implements ManifestSpec {
  /** The kind of the default {@link WorkloadKind#DEPLOYMENT}; {@link #kind()} is the spec's own. */
  public static final String KIND = "Deployment";

  /** The environment variable vLLM reads the Hugging Face token from. */
  public static final String HF_TOKEN_ENV = "HF_TOKEN";

  /** The environment variable vLLM reads its API key from ({@code --api-key} otherwise). */
  public static final String API_KEY_ENV = "VLLM_API_KEY";

  @Override
  public abstract String name();

  @Override
  public abstract Optional<String> namespace();

  /** The object that runs the pods; a Deployment unless set. */
  @Value.Default
  public WorkloadKind workloadKind() {
    return WorkloadKind.DEPLOYMENT;
  }

  /** The container's name; defaults to the Deployment's name. */
  @Value.Default
  public String containerName() {
    return name();
  }

  public abstract int replicas();

  /** The vLLM image, e.g. {@code vllm/vllm-openai:v0.7.2}. */
  public abstract String image();

  /** The container command; empty keeps the image's entrypoint. */
  public abstract List<String> command();

  /** {@code --host}; unset leaves vLLM's default. */
  public abstract Optional<String> host();

  /** {@code --port}, also the container port and the probe's port. */
  public abstract int port();

  /** {@code --model}: a Hugging Face model id such as {@code google/gemma-3-1b-it}. */
  public abstract String model();

  /** {@code --gpu-memory-utilization}: this replica's fraction of the GPU's memory, in (0, 1]. */
  public abstract Optional<BigDecimal> gpuMemoryUtilization();

  /** Arguments after the ones above, e.g. {@code --max-model-len=2048}. */
  public abstract List<String> extraArgs();

  /** The Secret key that becomes {@code HF_TOKEN}; a literal token is not representable. */
  public abstract Optional<SecretKeyRef> huggingFaceToken();

  /** The Secret key that becomes {@code VLLM_API_KEY}: vLLM then refuses requests without it. */
  public abstract Optional<SecretKeyRef> apiKey();

  /** The claim every replica's container uses. */
  public abstract ClaimReference claim();

  public abstract List<TolerationSpec> tolerations();

  public abstract Optional<TcpProbe> readinessProbe();

  /** Mount a memory-backed {@code emptyDir} named {@code dshm} at {@code /dev/shm} (PyTorch needs it). */
  public abstract boolean sharedMemoryVolume();

  /** Pod labels, also the Deployment's selector; defaults to {@code app: <name>}. */
  @Value.Default
  public Map<String, String> labels() {
    return Map.of("app", name());
  }

  /** Labels of the workload object itself ({@code metadata.labels}); the selector stays {@link #labels()}. */
  public abstract Map<String, String> objectLabels();

  /** Annotations of the workload object itself ({@code metadata.annotations}). */
  public abstract Map<String, String> annotations();

  /** The production pod: resources, env, volumes, probes, scheduling, security; nothing by default. */
  @Value.Default
  public PodOptions pod() {
    return PodOptions.none();
  }

  /** A Deployment's {@code spec.strategy}; unset leaves Kubernetes' RollingUpdate (25% surge). */
  public abstract Optional<RolloutStrategy> strategy();

  /** A StatefulSet's {@code spec.serviceName}: its headless Service, required for a StatefulSet. */
  public abstract Optional<String> serviceName();

  /** A Job's completions, retries and restart policy; a Job without them gets {@link JobOptions#defaults()}. */
  public abstract Optional<JobOptions> job();

  /** A LeaderWorkerSet's {@code leaderWorkerTemplate.size}: pods per group, the leader included. */
  public abstract Optional<Integer> groupSize();

  /**
   * Findings about the workload kept on purpose, each with its reason ({@link Acknowledgement}): the
   * validator reports them marked as acknowledged and lets rendering proceed. Not written into the YAML;
   * one per code.
   */
  @Override
  public abstract List<Acknowledgement> acknowledgements();

  /** The same spec in {@code namespace}. */
  public VllmWorkloadSpec withNamespace(String namespace) {
    return ImmutableVllmWorkloadSpec.copyOf(this).withNamespace(namespace);
  }

  @Override
  public final String kind() {
    return workloadKind().kind();
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems(kind() + "[" + name() + "]");
    problems.require(!name().isEmpty(), "name must not be empty");
    problems.require(replicas() >= 1, "replicas must be >= 1, found " + replicas());
    problems.require(port() >= 1 && port() <= 65535, "port must be in 1..65535, found " + port());
    gpuMemoryUtilization().ifPresent(u -> problems.require(
        u.signum() > 0 && u.compareTo(BigDecimal.ONE) <= 0,
        "gpuMemoryUtilization must be in (0, 1], found " + u.toPlainString()));
    problems.require(!labels().isEmpty(), "labels must not be empty: they select the pods");
    for (String arg : extraArgs()) {
      VllmArgs.writtenFlag(arg).ifPresent(flag -> problems.require(false,
          "extraArgs repeats " + flag.wireName() + ", which this spec already writes; set it through its attribute"));
    }
    Namespaces.check(namespace(), problems);
    WorkloadKind kind = workloadKind();
    problems.require(strategy().isEmpty() || kind == WorkloadKind.DEPLOYMENT,
        "strategy belongs to a Deployment, found it on a " + kind.kind());
    problems.require(serviceName().isPresent() == (kind == WorkloadKind.STATEFUL_SET), kind == WorkloadKind.STATEFUL_SET
        ? "a StatefulSet needs serviceName, the headless Service that gives its pods their names"
        : "serviceName belongs to a StatefulSet, found it on a " + kind.kind());
    problems.require(job().isEmpty() || kind == WorkloadKind.JOB, "job belongs to a Job, found it on a " + kind.kind());
    problems.require(groupSize().isEmpty() || kind == WorkloadKind.LEADER_WORKER_SET,
        "groupSize belongs to a LeaderWorkerSet, found it on a " + kind.kind());
    groupSize().ifPresent(size -> problems.require(size >= 1, "groupSize must be >= 1, found " + size));
    problems.require(readinessProbe().isEmpty() || pod().readinessProbe().isEmpty(),
        "two readiness probes: the TCP readinessProbe and pod().readinessProbe(); keep one");
    for (EnvVarSpec env : pod().env()) {
      problems.require(!(env.name().equals(HF_TOKEN_ENV) && huggingFaceToken().isPresent())
              && !(env.name().equals(API_KEY_ENV) && apiKey().isPresent()),
          "env " + env.name() + " repeats what " + (env.name().equals(HF_TOKEN_ENV) ? "huggingFaceToken" : "apiKey")
              + " writes; set it once");
    }
    java.util.Set<io.gpushare.core.validate.FindingCode> acknowledged = new java.util.HashSet<>();
    for (Acknowledgement acknowledgement : acknowledgements()) {
      problems.require(acknowledged.add(acknowledgement.code()),
          "acknowledgements name " + acknowledgement.code() + " twice; give it one reason");
    }
    problems.throwIfAny();
  }

  /**
   * A builder that starts with every attribute of this {@code VllmWorkloadSpec}: change some, then
   * {@code build()} a new one ({@code builder().from(spec)} does the same).
   */
  public abstract Builder toBuilder();

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VllmWorkloadSpec}. */
  public static final class Builder extends ImmutableVllmWorkloadSpec.Builder {}
}
