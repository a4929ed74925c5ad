package io.gpushare.core.model;

import io.gpushare.core.kube.VllmArgs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An {@code apps/v1} {@code Deployment} of vLLM's OpenAI-compatible server whose pods reach a GPU
 * through a DRA claim. Every replica that references the same {@code ResourceClaim} lands on the
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
 * <p>Intrinsic checks: replicas &gt;= 1, utilization in (0, 1], port in 1..65535, and extra
 * arguments that do not repeat a flag this type already writes. Whether the replicas of every
 * Deployment on one claim fit the GPU together is checked by the validator.
 */
@Value.Immutable
public abstract class VllmWorkloadSpec implements ManifestSpec {
  public static final String KIND = "Deployment";

  /** The environment variable vLLM reads the Hugging Face token from. */
  public static final String HF_TOKEN_ENV = "HF_TOKEN";

  @Override
  public abstract String name();

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

  @Override
  public final String kind() {
    return KIND;
  }

  @Value.Check
  protected void check() {
    Problems problems = new Problems("Deployment[" + name() + "]");
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
