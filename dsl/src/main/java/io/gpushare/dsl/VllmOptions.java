package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.gpushare.core.memory.MemoryPlanner;
import io.gpushare.core.memory.ModelSpec;
import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.PodOptions;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VolumeSpec;
import io.gpushare.core.validate.FindingCode;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.function.Consumer;

/**
 * The settings of one vLLM Deployment. Defaults, from the GKE tutorial:
 *
 * <ul>
 *   <li>image {@value #DEFAULT_IMAGE}, command
 *       {@code ["python3", "-m", "vllm.entrypoints.openai.api_server"]}
 *   <li>{@code --host=0.0.0.0}, {@code --port=8000} (also the container port and the probe's port)
 *   <li>1 replica; no {@code --gpu-memory-utilization} unless set (vLLM then takes 0.9)
 *   <li>toleration {@code nvidia.com/gpu} Exists NoSchedule
 *   <li>TCP readiness probe, 15 s initial delay, every 10 s
 *   <li>a memory-backed {@code emptyDir} named {@code dshm} at {@code /dev/shm}
 *   <li>labels {@code app: <deployment name>}; container name = Deployment name
 *   <li>a Deployment with Kubernetes' rolling update; no namespace, resources, env or volumes
 * </ul>
 *
 * <p>A production pod sets the rest: {@link #vllmProbes()}, {@link #requests}/{@link #limits},
 * {@link #apiKey}, {@link #huggingFaceCache}, {@link #recreate()}, scheduling and security, or
 * anything of {@link PodOptions} through {@link #pod}. The kind of object is chosen with
 * {@link #statefulSet}, {@link #job} or {@link #leaderWorkerSet}.
 *
 * <pre>
 * containers:
 * - name: vllm-gpu
 *   image: vllm/vllm-openai:v0.7.2
 *   command: ["python3", "-m", "vllm.entrypoints.openai.api_server"]
 *   args:
 *   - --host=0.0.0.0
 *   - --port=8000
 *   - --model=google/gemma-3-1b-it
 *   - --gpu-memory-utilization=0.42
 * </pre>
 */
public interface VllmOptions {
  String DEFAULT_IMAGE = "vllm/vllm-openai:v0.7.2";
  int DEFAULT_PORT = 8000;

  /** {@code --model}: required, a Hugging Face model id such as {@code google/gemma-3-1b-it}. */
  VllmOptions model(String model);

  /** How many pods; each takes its utilization share of the shared GPU. */
  VllmOptions replicas(int replicas);

  /** {@code --gpu-memory-utilization}: each replica's fraction of the GPU's memory, in (0, 1]. */
  VllmOptions gpuMemoryUtilization(double fraction);

  /**
   * The server's needs instead of a fraction: room for {@code concurrentSequences} sequences of
   * {@code maxModelLen} tokens at once in the KV cache of the model set with {@link #model} (which the
   * catalog must know by its architecture). When the bundle is built, gpushare computes vLLM's memory on
   * the claim's device ({@code onGpu}'s product, the {@code migSlice}'s profile, {@code withMemoryAtLeast},
   * or the smallest {@code firstAvailable} product) the way vLLM does ({@link MemoryPlanner}), for the
   * release the image's tag names, and writes the smallest {@code --gpu-memory-utilization} that holds it
   * (2 decimals, rounded up), {@code --max-model-len}, and, on vLLM 0.11.0 and later,
   * {@code --kv-cache-memory-bytes}, which sizes the KV cache to exactly the needs and keeps servers that
   * start together on one GPU from racing in memory profiling. When nothing fits, building fails with the
   * term that overflows (the weights, the memory beside the KV cache, or the KV cache itself).
   *
   * <pre>{@code
   * GpuShare.perPod("gpu-per-pod").onGpu("NVIDIA A100-SXM4-40GB").wholeGpu()
   *     .vllm("vllm", v -> v.model("meta-llama/Llama-3.1-8B-Instruct").image("vllm/vllm-openai:v0.19.0")
   *         .needs(8192, 4))
   * }</pre>
   *
   * <pre>
   * args:
   * - --host=0.0.0.0
   * - --port=8000
   * - --model=meta-llama/Llama-3.1-8B-Instruct
   * - --gpu-memory-utilization=0.53
   * - --max-model-len=8192
   * - --kv-cache-memory-bytes=4294967296
   * </pre>
   *
   * <p>Replaces {@link #gpuMemoryUtilization}: giving both is refused, as is a {@code --max-model-len},
   * {@code --gpu-memory-utilization} or {@code --kv-cache-memory-bytes} in {@link #extraArgs}.
   *
   * @param maxModelLen the longest sequence, prompt and output, in tokens
   * @param concurrentSequences how many such sequences the KV cache holds at once, at least 1
   */
  VllmOptions needs(int maxModelLen, int concurrentSequences);

  /**
   * {@link #needs(int, int)} for a model the catalog does not know (or knows by its size only), described
   * by its Hugging Face {@code config.json} and the size of its weights:
   *
   * <pre>{@code
   * ModelSpec model = HfConfigReader.read(Path.of("config.json")).withWeights(15_240_000_000L);
   * v.model("acme/qwen-7b-finetune").needs(model, 8192, 4)
   * }</pre>
   */
  VllmOptions needs(ModelSpec model, int maxModelLen, int concurrentSequences);

  /**
   * {@code HF_TOKEN} from the Secret key {@code secretName}/{@code key}; the token itself never
   * appears in the manifest.
   *
   * <pre>
   * env:
   * - name: HF_TOKEN
   *   valueFrom:
   *     secretKeyRef:
   *       name: hf-secret
   *       key: hf_api_token
   * </pre>
   */
  VllmOptions huggingFaceToken(String secretName, String key);

  /** The vLLM image. */
  VllmOptions image(String image);

  /** {@code --port}, the container port and the probe's port. */
  VllmOptions port(int port);

  /** Extra vLLM arguments after the ones gpushare writes, e.g. {@code --max-model-len=2048}. */
  VllmOptions extraArgs(String... args);

  /** Adds a pod label (replacing the default {@code app: <name>} with the labels given). */
  VllmOptions label(String key, String value);

  /** The container's name; defaults to the Deployment's. */
  VllmOptions containerName(String name);

  /**
   * {@code --tensor-parallel-size}: how many devices one server spreads the model over. Set for you
   * by {@link DevicesStep#gpus}.
   */
  VllmOptions tensorParallelSize(long size);

  /**
   * Uses one request of the claim, e.g. {@code gpu-1} of {@link SharingStep#migSlices}.
   *
   * <pre>
   * resources:
   *   claims:
   *   - name: gpu
   *     request: gpu-1
   * </pre>
   */
  VllmOptions request(String requestName);

  /** Adds a label to the workload object only ({@code metadata.labels}); the selector does not change. */
  VllmOptions objectLabel(String key, String value);

  /** Adds an annotation to the workload object ({@code metadata.annotations}). */
  VllmOptions annotation(String key, String value);

  /** Adds an annotation to the pod template ({@code spec.template.metadata.annotations}). */
  VllmOptions podAnnotation(String key, String value);

  /**
   * {@code VLLM_API_KEY} from the Secret key {@code secretName}/{@code key}: vLLM then answers only
   * requests that carry it.
   *
   * <pre>
   * - name: VLLM_API_KEY
   *   valueFrom:
   *     secretKeyRef:
   *       name: vllm-api-key
   *       key: key
   * </pre>
   */
  VllmOptions apiKey(String secretName, String key);

  /** {@code resources.requests} of the container: {@code cpu} such as {@code "4"}, {@code memory} such as {@code 16Gi}. */
  VllmOptions requests(String cpu, String memory);

  /** {@code resources.limits} of the container. */
  VllmOptions limits(String cpu, String memory);

  /** A literal environment variable; a credential's name (a {@code _TOKEN}, a {@code _KEY}) is refused. */
  VllmOptions env(String name, String value);

  /** An environment variable from a Secret key. */
  VllmOptions envFromSecret(String name, String secretName, String key);

  /** An environment variable from a ConfigMap key. */
  VllmOptions envFromConfigMap(String name, String configMapName, String key);

  /** A volume and its mount ({@link VolumeSpec#persistentVolumeClaim}, {@code configMap}, {@code emptyDir}). */
  VllmOptions volume(VolumeSpec volume);

  /**
   * The PersistentVolumeClaim {@code claimName} as the Hugging Face cache at
   * {@code /root/.cache/huggingface}, so a restarted pod does not download the model again.
   *
   * <pre>
   * volumeMounts:                              volumes:
   * - name: hf-cache                           - name: hf-cache
   *   mountPath: /root/.cache/huggingface        persistentVolumeClaim:
   *                                                claimName: hf-cache
   * </pre>
   */
  VllmOptions huggingFaceCache(String claimName);

  /**
   * vLLM's HTTP probes on {@code /health} instead of the tutorial's TCP readiness probe: startup
   * (up to 15 minutes for the model to load), then liveness and readiness ({@code HttpProbe}).
   *
   * <pre>
   * livenessProbe:
   *   httpGet:
   *     path: /health
   *     port: 8000
   *   periodSeconds: 10
   *   failureThreshold: 3
   * </pre>
   */
  VllmOptions vllmProbes();

  /** A node label the pods need ({@code nodeSelector}). */
  VllmOptions nodeSelector(String key, String value);

  /** A toleration after the default {@code nvidia.com/gpu} one. */
  VllmOptions toleration(TolerationSpec toleration);

  VllmOptions affinity(Affinity affinity);

  VllmOptions topologySpread(TopologySpreadConstraint constraint);

  /** A Secret with registry credentials ({@code imagePullSecrets}). */
  VllmOptions imagePullSecret(String secretName);

  VllmOptions serviceAccount(String name);

  /** The pod's {@code securityContext}. */
  VllmOptions podSecurityContext(PodSecurityContext context);

  /** The vLLM container's {@code securityContext}. */
  VllmOptions securityContext(SecurityContext context);

  VllmOptions priorityClass(String name);

  VllmOptions terminationGracePeriodSeconds(long seconds);

  /**
   * Anything else of the pod ({@link PodOptions}); applied after the methods above, so an attribute
   * set twice is refused.
   */
  VllmOptions pod(Consumer<PodOptions.Builder> pod);

  /** {@code strategy: {type: Recreate}}: old pods stop before new ones share the GPU. */
  VllmOptions recreate();

  /**
   * Keeps a finding about this workload on purpose, for {@code reason}: the validator still reports it,
   * marked {@code (acknowledged: reason)}, but it no longer stops rendering (nor, strict, a warning).
   * Nothing of it is written into the YAML. It covers the findings of {@code code} whose path names
   * this workload ({@code Deployment[vllm-gpu]...}); one that covers none is reported as
   * {@code ACKNOWLEDGEMENT_UNUSED}. One reason per code: a second call for the same code replaces it.
   *
   * <pre>{@code
   * .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it")
   *     .acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "reproduces the GKE tutorial as published"))
   * }</pre>
   *
   * reports, on stderr of {@code gpushare render} and in every report:
   *
   * <pre>
   * ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: ...
   * </pre>
   *
   * @param reason why the finding is kept: not blank, one line, at most 200 characters
   * @throws IllegalArgumentException when the reason is blank, too long or several lines
   */
  VllmOptions acknowledge(FindingCode code, String reason);

  /** {@code strategy: {type: RollingUpdate, rollingUpdate: {maxSurge, maxUnavailable}}}. */
  VllmOptions rollingUpdate(String maxSurge, String maxUnavailable);

  /**
   * A StatefulSet instead of a Deployment, with {@code podManagementPolicy: OrderedReady} (servers
   * sharing a GPU load their models one after another) and {@code serviceName}; its headless Service
   * of that name is added after it.
   */
  VllmOptions statefulSet(String headlessServiceName);

  /** A Job for batch inference instead of a Deployment; {@code replicas} become its {@code parallelism}. */
  VllmOptions job(JobOptions job);

  /** A LeaderWorkerSet instead of a Deployment: {@code replicas} groups of {@code groupSize} pods. */
  VllmOptions leaderWorkerSet(int groupSize);
  /**
   * Escape hatch: edits the pod spec of this server's workload through fabric8's builder, whatever
   * the workload's kind, after gpushare made it and before it is validated, so anything Kubernetes
   * allows can be set and is still judged. Hooks run in the order given.
   *
   * <pre>{@code
   * v.customizePod(pod -> pod.withRuntimeClassName("nvidia").withHostIPC(true))
   * }</pre>
   *
   * <pre>
   * template:
   *   spec:
   *     hostIPC: true
   *     runtimeClassName: nvidia
   * </pre>
   */
  VllmOptions customizePod(Consumer<? super PodSpecBuilder> hook);

  /**
   * Escape hatch: edits the whole {@code Deployment} through fabric8's builder before it is
   * validated (a hook that breaks the memory budget is reported like any other manifest). Rendering
   * fails when the workload is not a Deployment; use {@link #customizePod} for what every kind has.
   *
   * <pre>{@code
   * v.customizeDeployment(d -> d.editMetadata().addToAnnotations("team", "ml").endMetadata())
   * }</pre>
   */
  VllmOptions customizeDeployment(Consumer<? super DeploymentBuilder> hook);
}
