package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.gpushare.core.kube.VllmArgs.Flag;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the pod around a vLLM server gets wrong, read from the pod spec and the set's Services:
 *
 * <ul>
 *   <li>a Service named {@code vllm} in the pod's namespace: the kubelet injects {@code
 *       VLLM_PORT=tcp://10.0.0.1:8000} into every pod of the namespace (Kubernetes "Discovering
 *       services: environment variables"), and vLLM reads {@code VLLM_PORT} as its own internal port
 *       and exits ({@code vllm/envs.py} {@code get_vllm_port}: "VLLM_PORT 'tcp://...' appears to be a
 *       URI"; vLLM's environment-variable docs; vllm-project/vllm#34199, PR #18209), unless the pod
 *       sets {@code enableServiceLinks: false} or the container sets {@code VLLM_PORT} itself;
 *   <li>tensor parallelism without an {@code emptyDir} of {@code medium: Memory} (or the host's
 *       {@code /dev/shm}) mounted at {@code /dev/shm}: the workers exchange tensors through shared
 *       memory, and a container's own is 64 MiB (vLLM's Docker deployment docs: "--ipc=host or
 *       --shm-size"); not for a pod of a multi-node server with one device, whose only worker here
 *       talks to the others over the network;
 *   <li>{@code CUDA_VISIBLE_DEVICES} in the env of a container that gets its GPUs from DRA claims:
 *       the driver makes exactly the claimed devices visible, and indices set by hand name devices
 *       the container may not have (vllm-project/vllm#6551).
 * </ul>
 */
final class VllmPodRule implements Rule {
  static final String CONFLICTING_SERVICE = "vllm";
  static final String SHM = "/dev/shm";
  static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (Workload workload : context.workloads()) {
      String namespace = ValidationContext.namespace(workload.resource());
      for (PodGroup pods : workload.podGroups()) {
        List<VllmContainer> containers = context.vllmContainers(pods);
        if (containers.isEmpty()) {
          continue;
        }
        serviceName(pods, namespace, containers, context, findings);
        for (VllmContainer container : containers) {
          sharedMemory(container, context, findings);
          visibleDevices(container, findings);
        }
      }
    }
  }

  private static void serviceName(PodGroup pods, String namespace, List<VllmContainer> containers,
      ValidationContext context, Findings findings) {
    if (Boolean.FALSE.equals(pods.pod().getEnableServiceLinks())) {
      return;
    }
    boolean portSetByHand = containers.stream().allMatch(container -> Nulls.list(container.container().getEnv())
        .stream().anyMatch(env -> env != null && "VLLM_PORT".equals(env.getName())));
    if (portSetByHand) {
      return; // the container's own env wins over the injected one
    }
    for (Service service : context.services()) {
      String serviceNamespace = ValidationContext.namespace(service);
      if (CONFLICTING_SERVICE.equals(ValidationContext.name(service))
          && (namespace == null || serviceNamespace == null || Objects.equals(namespace, serviceNamespace))) {
        findings.add(FindingCode.VLLM_SERVICE_NAME_CONFLICT, "Service[" + CONFLICTING_SERVICE + "].metadata.name",
            "expected no Service named " + CONFLICTING_SERVICE + " beside " + pods.id() + ", found one: Kubernetes"
                + " gives its pods VLLM_PORT=tcp://<service IP>:<port>, which vLLM reads as its own port setting and"
                + " exits (\"VLLM_PORT 'tcp://...' appears to be a URI\")",
            "rename the Service (e.g. vllm-server), or set enableServiceLinks: false in " + pods.podPath());
      }
    }
  }

  private static void sharedMemory(VllmContainer container, ValidationContext context, Findings findings) {
    OptionalInt tensor = container.intFlag(Flag.TENSOR_PARALLEL_SIZE, 1);
    if (tensor.isEmpty() || tensor.getAsInt() <= 1 || VllmParallelismRule.singleLocalWorker(container, context)) {
      return; // one worker here: the others are in other pods, reached over the network
    }
    List<Volume> volumes = Nulls.list(container.pods().pod().getVolumes());
    for (VolumeMount mount : Nulls.list(container.container().getVolumeMounts())) {
      if (mount == null || mount.getMountPath() == null || !mount.getMountPath().replaceAll("/+$", "").equals(SHM)) {
        continue;
      }
      for (Volume volume : volumes) {
        if (volume != null && Objects.equals(volume.getName(), mount.getName()) && memoryBacked(volume)) {
          return;
        }
      }
    }
    findings.add(FindingCode.VLLM_SHM_MISSING, container.path() + ".volumeMounts",
        "expected an emptyDir with medium: Memory mounted at " + SHM + " for "
            + Flag.TENSOR_PARALLEL_SIZE.wireName() + " " + tensor.getAsInt() + " (its workers exchange tensors"
            + " through shared memory, and a container's own " + SHM + " is 64 MiB), found none",
        "add a volume {name: dshm, emptyDir: {medium: Memory, sizeLimit: 2Gi}} and mount it at " + SHM);
  }

  private static boolean memoryBacked(Volume volume) {
    if (volume.getEmptyDir() != null) {
      return "Memory".equals(volume.getEmptyDir().getMedium());
    }
    return volume.getHostPath() != null && SHM.equals(volume.getHostPath().getPath());
  }

  private static void visibleDevices(VllmContainer container, Findings findings) {
    if (container.claims().isEmpty()) {
      return;
    }
    List<EnvVar> env = Nulls.list(container.container().getEnv());
    for (int i = 0; i < env.size(); i++) {
      EnvVar variable = env.get(i);
      if (variable == null || !CUDA_VISIBLE_DEVICES.equals(variable.getName())) {
        continue;
      }
      String value = variable.getValue() != null ? "'" + variable.getValue() + "'" : "a value from elsewhere";
      findings.add(FindingCode.CUDA_VISIBLE_DEVICES_SET, container.path() + ".env[" + i + "]",
          "expected the devices of the container's claims to be all CUDA sees (the DRA driver makes exactly"
              + " those visible), found " + CUDA_VISIBLE_DEVICES + " set by hand to " + value,
          "remove " + CUDA_VISIBLE_DEVICES + "; choose devices in the claim (count, selectors) instead");
    }
  }
}
