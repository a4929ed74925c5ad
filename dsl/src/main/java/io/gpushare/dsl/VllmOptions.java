package io.gpushare.dsl;

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
 * </ul>
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
