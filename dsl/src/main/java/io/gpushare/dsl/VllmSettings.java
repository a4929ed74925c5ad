package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.gpushare.core.kube.ObjectHook;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.TcpProbe;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

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
  private final List<ObjectHook> hooks = new ArrayList<>();

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
  public VllmOptions customizePod(Consumer<? super PodSpecBuilder> hook) {
    hooks.add(ObjectHook.podSpec(Objects.requireNonNull(hook, "hook")));
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
          "Deployment[" + name + "] needs a model: add .model(\"google/gemma-3-1b-it\") or another Hugging Face id");
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
            .addAllExtraArgs(tensorParallelSize > 1
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(VllmArgs.Flag.TENSOR_PARALLEL_SIZE.write(tensorParallelSize)),
                    extraArgs.stream()).toList()
                : extraArgs)
            .claim(request == null ? claim : claim.withRequest(request))
            .addTolerations(TolerationSpec.gpuNoSchedule())
            .readinessProbe(TcpProbe.of(15, 10))
            .sharedMemoryVolume(true);
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
