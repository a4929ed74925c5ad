package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.resource.v1.CELDeviceSelectorBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSelectorBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequestBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import io.gpushare.core.TutorialSpecs;
import io.gpushare.core.kube.KubeObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule with a case that breaks it and a case that passes, each asserting the exact findings
 * ({@code SEVERITY CODE PATH: message}). Cases start from {@link Fixture}, the tutorial without its
 * three documented warnings, and change one thing.
 */
class Validator_rules_Test {
  private static final String POD = "Deployment[vllm-gpu].spec.template.spec";
  private static final String CONTAINER = POD + ".containers[0]";
  private static final String DEVICES = "ResourceClaim[gpu-claim].spec.devices";
  private static final String PARAMETERS = DEVICES + ".config[0].opaque.parameters";
  private static final String RACE = "WARNING VLLM_STARTUP_RACE ResourceClaim[gpu-claim]: expected co-located vLLM"
      + " servers to start one after another, found 2 servers on ResourceClaim[gpu-claim] that can start together"
      + " (Deployment[vllm-gpu] starts its 2 pods at once); each profiles the device's memory while the other loads"
      + " and counts its growth as its own: \"No available memory for the cache blocks\" or \"Error in memory"
      + " profiling\" until a restart";

  private static Arguments passes(String name, Consumer<Fixture> change) {
    return Arguments.of(name, change, List.of());
  }

  private static Arguments fails(String name, Consumer<Fixture> change, String... headlines) {
    return Arguments.of(name, change, List.of(headlines));
  }

  /** One replica on {@code image}, so that the image alone is judged (no co-located start-up). */
  private static void single(Fixture f, String image) {
    f.deployment.getSpec().setReplicas(1);
    f.container().setImage(image);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        passes("the clean tutorial", f -> {}),

        // Kubernetes API server
        fails("claim name not a DNS subdomain", f -> f.claim.getMetadata().setName("GPU_Claim"),
            "ERROR INVALID_NAME ResourceClaim[GPU_Claim].metadata.name: expected a lowercase RFC 1123 subdomain (at most"
                + " 253 characters of a-z, 0-9, '-' and '.', starting and ending alphanumeric), found 'GPU_Claim'",
            "INFO CLAIM_NOT_IN_SET " + POD + ".resourceClaims[0].resourceClaimName: ResourceClaim 'gpu-claim' is not"
                + " among the manifests checked, so nothing about it was checked"),
        fails("Service name not a DNS-1035 label", f -> f.service.getMetadata().setName("1-service"),
            "ERROR INVALID_NAME Service[1-service].metadata.name: expected a lowercase RFC 1035 label (at most 63"
                + " characters of a-z, 0-9 and '-', starting with a letter, ending alphanumeric), found '1-service'"),
        fails("two requests named gpu", f -> f.devices().getRequests().add(new DeviceRequestBuilder()
                .withName("gpu").withNewExactly().withDeviceClassName("gpu.nvidia.com").endExactly().build()),
            "ERROR DUPLICATE_NAME " + DEVICES + ".requests[1].name: expected unique request names, found 'gpu' twice",
            // the second request adds a device that vLLM's single-GPU parallelism leaves idle: also true
            "WARNING VLLM_PARALLELISM_MISMATCH " + CONTAINER + ".args: expected --tensor-parallel-size x"
                + " --pipeline-parallel-size to equal the 2 devices the container's claims give it, found 1 x 1"),
        fails("a request with both exactly and firstAvailable", f -> f.devices().getRequests().get(0)
                .setFirstAvailable(new ArrayList<>(List.of(new DeviceSubRequestBuilder().withName("a")
                    .withDeviceClassName("gpu.nvidia.com").build()))),
            "ERROR REQUEST_EXACTLY_ONE_OF " + DEVICES + ".requests[0]: expected exactly one of `exactly` or"
                + " `firstAvailable`, found both",
            "WARNING FIRST_AVAILABLE_CONFIG_REFERENCE " + DEVICES + ".config[0].requests[0]: expected the subrequests"
                + " [gpu/a] (the driver matches the allocated request name exactly), found 'gpu'"),
        fails("nine subrequests", f -> {
              var request = f.devices().getRequests().get(0);
              request.setExactly(null);
              List<io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest> subs = new ArrayList<>();
              for (int i = 0; i < 9; i++) {
                subs.add(new DeviceSubRequestBuilder().withName("s" + i).withDeviceClassName("gpu.nvidia.com").build());
              }
              request.setFirstAvailable(subs);
              f.devices().getConfig().get(0).setRequests(new ArrayList<>(List.of("gpu/s0")));
            },
            "ERROR LIMIT_EXCEEDED " + DEVICES + ".requests[0].firstAvailable: expected at most 8 subrequests, found 9"),
        fails("no device class", f -> f.devices().getRequests().get(0).getExactly().setDeviceClassName(null),
            "ERROR DEVICE_CLASS_MISSING " + DEVICES + ".requests[0].exactly.deviceClassName: expected a device class,"
                + " found none"),
        fails("a CEL expression over 10 KiB", f -> f.devices().getRequests().get(0).getExactly().setSelectors(
                new ArrayList<>(List.of(new DeviceSelectorBuilder().withCel(new CELDeviceSelectorBuilder()
                    .withExpression("true || " + "x".repeat(10240)).build()).build()))),
            "ERROR CEL_TOO_LONG " + DEVICES + ".requests[0].exactly.selectors[0].cel.expression: expected at most"
                + " 10240 characters, found 10248"),
        fails("allocationMode All with a count", f -> {
              f.devices().getRequests().get(0).getExactly().setAllocationMode("All");
              f.devices().getRequests().get(0).getExactly().setCount(2L);
            },
            "ERROR ALLOCATION_MODE_COUNT " + DEVICES + ".requests[0].exactly.count: expected no count with"
                + " allocationMode All, found 2"),
        fails("config naming a request the claim lacks", f -> f.devices().getConfig().get(0)
                .setRequests(new ArrayList<>(List.of("gpus"))),
            "ERROR CONFIG_REQUEST_UNKNOWN " + DEVICES + ".config[0].requests[0]: expected the name of a request in"
                + " the claim (or request/subrequest), found 'gpus'; the claim has [gpu]"),
        fails("an opaque driver name with a space", f -> f.devices().getConfig().get(0).getOpaque()
                .setDriver("gpu nvidia.com"),
            "ERROR OPAQUE_DRIVER_INVALID " + DEVICES + ".config[0].opaque.driver: expected a driver name of at most 63"
                + " characters in DNS subdomain form, found 'gpu nvidia.com'"),
        fails("parameters over 10 KiB", f -> {
              f.devices().getConfig().get(0).getOpaque().setDriver("example.com");
              f.parameters().put("note", "x".repeat(10240));
            },
            "ERROR OPAQUE_PARAMETERS_INVALID " + PARAMETERS + ": expected at most 10240 bytes of JSON, found 10390"),
        fails("two pod claims named gpu", f -> f.pod().getResourceClaims().add(new PodResourceClaimBuilder()
                .withName("gpu").withResourceClaimName("gpu-claim").build()),
            "ERROR DUPLICATE_NAME " + POD + ".resourceClaims[1].name: expected unique pod claim names, found 'gpu'"
                + " twice"),
        fails("a pod claim with a name and a template", f -> f.pod().getResourceClaims().get(0)
                .setResourceClaimTemplateName("gpu-template"),
            "ERROR POD_CLAIM_SOURCE " + POD + ".resourceClaims[0]: expected exactly one of resourceClaimName or"
                + " resourceClaimTemplateName, found both"),
        fails("a container naming the claim object instead of the pod entry", f -> f.container().getResources()
                .setClaims(new ArrayList<>(List.of(new ResourceClaimBuilder().withName("gpu-claim").build()))),
            "ERROR CONTAINER_CLAIM_UNKNOWN " + CONTAINER + ".resources.claims[0].name: expected one of the names in"
                + " pod.spec.resourceClaims [gpu], found 'gpu-claim'"),
        fails("a volume mount without its volume", f -> f.container().getVolumeMounts().get(0).setName("shm"),
            "ERROR VOLUME_MOUNT_UNKNOWN " + CONTAINER + ".volumeMounts[0].name: expected the name of a pod volume"
                + " [dshm], found 'shm'"),
        fails("an Exists toleration with a value", f -> f.pod().getTolerations().get(0).setValue("present"),
            "ERROR TOLERATION_INVALID " + POD + ".tolerations[0].value: expected no value with operator Exists,"
                + " found 'present'"),
        fails("a misspelled toleration effect", f -> f.pod().getTolerations().get(0).setEffect("NoScheduling"),
            "ERROR TOLERATION_INVALID " + POD + ".tolerations[0].effect: expected NoSchedule, PreferNoSchedule or"
                + " NoExecute, found 'NoScheduling'"),
        passes("a toleration of every taint", f -> f.pod().setTolerations(new ArrayList<>(List.of(new Toleration(
            null, null, "Exists", null, null))))),
        fails("a selector the template does not carry", f -> f.deployment.getSpec().getSelector()
                .setMatchLabels(new LinkedHashMap<>(Map.of("app", "vllm"))),
            "ERROR SELECTOR_MISMATCH Deployment[vllm-gpu].spec.selector.matchLabels.app: expected the pod template to"
                + " carry app: vllm, found 'vllm-gpu'"),
        fails("a container port out of range", f -> f.container().setPorts(new ArrayList<>(List.of(
                new ContainerPortBuilder().withContainerPort(80000).build()))),
            "ERROR VLLM_PORT_MISMATCH " + CONTAINER + ".ports: expected a containerPort 8000 (--port 8000), found"
                + " [80000]",
            "ERROR PORT_RANGE " + CONTAINER + ".ports[0].containerPort: expected a port in 1..65535, found 80000"),
        fails("a Service selecting no pod", f -> f.service.getSpec().setSelector(new LinkedHashMap<>(Map.of("app", "vllm"))),
            "WARNING SERVICE_SELECTS_NOTHING Service[vllm-service].spec.selector: expected the selector {app=vllm} to"
                + " match the pods of a workload in the set, found none"),
        fails("300 pods on one claim", f -> {
              f.deployment.getSpec().setReplicas(300);
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.003");
            },
            "ERROR LIMIT_EXCEEDED ResourceClaim[gpu-claim]: expected at most 256 pods on one claim"
                + " (status.reservedFor), found 300"),

        fails("a config entry without opaque", f -> f.devices().getConfig().get(0).setOpaque(null),
            "ERROR OPAQUE_MISSING " + DEVICES + ".config[0].opaque: expected an `opaque` configuration (the only kind"
                + " there is), found none"),
        fails("a selector without an expression", f -> f.devices().getRequests().get(0).getExactly().setSelectors(
                new ArrayList<>(List.of(new DeviceSelectorBuilder().withNewCel().endCel().build()))),
            "ERROR CEL_MISSING " + DEVICES + ".requests[0].exactly.selectors[0].cel.expression: expected a CEL"
                + " expression, found none"),
        fails("a pod claim entry named like an object", f -> {
              f.pod().getResourceClaims().get(0).setName("gpu.claim");
              f.container().getResources().getClaims().get(0).setName("gpu.claim");
            },
            "ERROR INVALID_NAME " + POD + ".resourceClaims[0].name: expected a lowercase RFC 1123 label (at most 63"
                + " characters of a-z, 0-9 and '-', starting and ending alphanumeric), found 'gpu.claim'"),
        fails("a template the set does not include", f -> {
              f.pod().getResourceClaims().get(0).setResourceClaimName(null);
              f.pod().getResourceClaims().get(0).setResourceClaimTemplateName("elsewhere");
            },
            "INFO CLAIM_NOT_IN_SET " + POD + ".resourceClaims[0].resourceClaimTemplateName: ResourceClaimTemplate"
                + " 'elsewhere' is not among the manifests checked, so nothing about it was checked"),
        fails("a Service port out of range", f -> f.service.getSpec().getPorts().get(0).setPort(0),
            "ERROR PORT_RANGE Service[vllm-service].spec.ports[0].port: expected a port in 1..65535, found 0"),
        fails("negative replicas", f -> f.deployment.getSpec().setReplicas(-1),
            "ERROR REPLICAS_RANGE Deployment[vllm-gpu].spec.replicas: replicas must be >= 0, found -1"),
        fails("zero replicas", f -> f.deployment.getSpec().setReplicas(0),
            "WARNING REPLICAS_RANGE Deployment[vllm-gpu].spec.replicas: replicas is 0: no pod will run"),

        fails("33 requests", f -> {
              for (int i = 1; i < 33; i++) {
                f.devices().getRequests().add(new DeviceRequestBuilder().withName("gpu-" + i)
                    .withNewExactly().withDeviceClassName("gpu.nvidia.com").endExactly().build());
              }
              f.pod().getResourceClaims().get(0).setResourceClaimName(null);
              f.pod().getResourceClaims().get(0).setResourceClaimTemplateName("elsewhere");
            },
            "ERROR LIMIT_EXCEEDED " + DEVICES + ".requests: expected at most 32 requests, found 33",
            "INFO CLAIM_NOT_IN_SET " + POD + ".resourceClaims[0].resourceClaimTemplateName: ResourceClaimTemplate"
                + " 'elsewhere' is not among the manifests checked, so nothing about it was checked"),
        fails("a request name with capitals", f -> {
              f.devices().getRequests().get(0).setName("GPU");
              f.devices().getConfig().get(0).setRequests(new ArrayList<>(List.of("GPU")));
            },
            "ERROR INVALID_NAME " + DEVICES + ".requests[0].name: expected a lowercase RFC 1123 label (at most 63"
                + " characters of a-z, 0-9 and '-', starting and ending alphanumeric), found 'GPU'"),
        fails("parameters that are a list", f -> f.devices().getConfig().get(0).getOpaque()
                .setParameters(List.of("apiVersion", "kind")),
            "ERROR OPAQUE_PARAMETERS_INVALID " + PARAMETERS + ": expected a JSON object, found an array"),
        fails("an unknown allocation mode", f -> f.devices().getRequests().get(0).getExactly().setAllocationMode("Some"),
            "ERROR ALLOCATION_MODE_COUNT " + DEVICES + ".requests[0].exactly.allocationMode: expected ExactCount or All,"
                + " found 'Some'"),
        fails("a toleration operator in the wrong case", f -> f.pod().getTolerations().get(0).setOperator("exists"),
            "ERROR TOLERATION_INVALID " + POD + ".tolerations[0].operator: expected Exists or Equal, found 'exists'"),
        fails("two objects of one kind and name", f -> f.extra.add(KubeObjects.toService(
                TutorialSpecs.service("vllm-service", "vllm-gpu"))),
            "ERROR DUPLICATE_NAME Service[vllm-service]: expected one object of this kind and name, found it again;"
                + " only the first was checked"),
        fails("a Deployment whose lists are null, as `key:` with no value reads: findings, no exception", f -> {
              f.pod().setTolerations(null);
              f.pod().setVolumes(null);
              f.container().setVolumeMounts(null);
              f.container().setEnv(null);
              f.container().setPorts(null);
              f.pod().setInitContainers(null);
              f.container().setCommand(null);
            },
            "ERROR HF_TOKEN_MISSING " + CONTAINER + ".args[2]: expected HF_TOKEN (or HUGGING_FACE_HUB_TOKEN) in the"
                + " container's env, since google/gemma-3-1b-it is gated on Hugging Face, found neither: the download"
                + " is refused and vLLM does not start",
            "WARNING API_KEY_MISSING Service[vllm-service].spec.type: expected vLLM behind a LoadBalancer to require"
                + " an API key, found Deployment[vllm-gpu] without --api-key or VLLM_API_KEY"),

        fails("a container named with an underscore", f -> f.container().setName("vllm_gpu"),
            "ERROR INVALID_NAME " + CONTAINER + ".name: expected a lowercase RFC 1123 label (at most 63 characters"
                + " of a-z, 0-9 and '-', starting and ending alphanumeric), found 'vllm_gpu'"),
        fails("a volume named in capitals, mounted by that name", f -> {
              f.pod().getVolumes().get(0).setName("DSHM");
              f.container().getVolumeMounts().get(0).setName("DSHM");
            },
            "ERROR INVALID_NAME " + POD + ".volumes[0].name: expected a lowercase RFC 1123 label (at most 63"
                + " characters of a-z, 0-9 and '-', starting and ending alphanumeric), found 'DSHM'"),

        passes("a claim of resource.k8s.io/v1beta2, judged as the v1 claim it converts to",
            f -> f.claim.setApiVersion("resource.k8s.io/v1beta2")),
        fails("a claim of resource.k8s.io/v1beta2 with the strategy in the wrong case", f -> {
              f.claim.setApiVersion("resource.k8s.io/v1beta2");
              f.sharing().put("strategy", "timeSlicing");
            },
            "ERROR SHARING_STRATEGY_UNKNOWN " + PARAMETERS + ".sharing.strategy: expected TimeSlicing or MPS, found"
                + " 'timeSlicing'"),
        fails("a claim of resource.k8s.io/v1alpha2, which no supported Kubernetes serves",
            f -> f.claim.setApiVersion("resource.k8s.io/v1alpha2"),
            "ERROR RESOURCE_API_VERSION_REMOVED ResourceClaim[gpu-claim].apiVersion: expected resource.k8s.io/v1"
                + " (Kubernetes 1.34 and later; v1beta2 or v1beta1 on older clusters), found resource.k8s.io/v1alpha2,"
                + " which Kubernetes 1.31 removed with classic DRA (it was served by 1.27 to 1.30, as an alpha API);"
                + " nothing else about this object was checked",
            "INFO CLAIM_NOT_IN_SET " + POD + ".resourceClaims[0].resourceClaimName: ResourceClaim 'gpu-claim' is"
                + " among the manifests as resource.k8s.io/v1alpha2, a version gpushare does not judge, so nothing"
                + " about it was checked"),

        // NVIDIA DRA driver
        fails("a strategy in the wrong case", f -> f.sharing().put("strategy", "timeSlicing"),
            "ERROR SHARING_STRATEGY_UNKNOWN " + PARAMETERS + ".sharing.strategy: expected TimeSlicing or MPS, found"
                + " 'timeSlicing'"),
        fails("an interval in the wrong case", f -> f.sharing().put("timeSlicingConfig", Map.of("interval", "long")),
            "ERROR TIME_SLICE_INTERVAL_UNKNOWN " + PARAMETERS + ".sharing.timeSlicingConfig.interval: expected Default,"
                + " Short, Medium or Long, found 'long'"),
        fails("a timeSlicingConfig without interval", f -> f.sharing().put("timeSlicingConfig", Map.of()),
            "ERROR TIME_SLICE_INTERVAL_UNKNOWN " + PARAMETERS + ".sharing.timeSlicingConfig.interval: expected an"
                + " interval (Default, Short, Medium or Long), found none; the driver (0.4.0) dereferences it and crashes"),
        fails("mpsConfig next to TimeSlicing", f -> f.sharing().put("mpsConfig", Map.of()),
            "ERROR SHARING_CONFIG_MISMATCH " + PARAMETERS + ".sharing.mpsConfig: expected mpsConfig only with strategy"
                + " MPS, found strategy TimeSlicing"),
        passes("MPS with 50% threads and 15Gi", f -> f.mps(Map.of("defaultActiveThreadPercentage", 50,
            "defaultPinnedDeviceMemoryLimit", "15Gi"))),
        fails("MPS with 0% threads", f -> f.mps(Map.of("defaultActiveThreadPercentage", 0)),
            "WARNING MPS_THREAD_PERCENTAGE_ZERO " + PARAMETERS + ".sharing.mpsConfig.defaultActiveThreadPercentage:"
                + " expected 1..100, found 0: the driver accepts it and every client gets no threads to run on"),
        fails("MPS with 150% threads", f -> f.mps(Map.of("defaultActiveThreadPercentage", 150)),
            "ERROR MPS_THREAD_PERCENTAGE_RANGE " + PARAMETERS + ".sharing.mpsConfig.defaultActiveThreadPercentage:"
                + " expected 0..100, found 150"),
        fails("an MPS limit in decimal units", f -> f.mps(Map.of("defaultPinnedDeviceMemoryLimit", "10G")),
            "WARNING MPS_PINNED_MEMORY_DECIMAL_UNITS " + PARAMETERS + ".sharing.mpsConfig.defaultPinnedDeviceMemoryLimit:"
                + " expected binary units (Mi, Gi), found 10G, which the driver applies as 9536M (9536 MiB)"),
        fails("an MPS limit under 1Mi", f -> f.mps(Map.of("defaultPinnedDeviceMemoryLimit", "512Ki")),
            "ERROR MPS_PINNED_MEMORY_TOO_LOW " + PARAMETERS + ".sharing.mpsConfig.defaultPinnedDeviceMemoryLimit:"
                + " expected at least 1Mi, found 512Ki (the driver applies whole MiB and refuses 0)"),
        passes("a per-device limit by UUID", f -> f.mps(Map.of("defaultPerDevicePinnedMemoryLimit",
            Map.of("GPU-83d857e2-7326-75a9-c355-4270d0605409", "10Gi")))),
        fails("a per-device limit for a device the claim does not have", f -> f.mps(Map.of(
                "defaultPerDevicePinnedMemoryLimit", Map.of("1", "10Gi"))),
            "ERROR MPS_DEVICE_KEY_INVALID " + PARAMETERS + ".sharing.mpsConfig.defaultPerDevicePinnedMemoryLimit.1:"
                + " expected a device index below 1 (the claim's device count) or a GPU UUID, found 1"),
        fails("a GpuConfig on a MIG request", f -> f.devices().getRequests().get(0).getExactly()
                .setDeviceClassName("mig.nvidia.com"),
            "ERROR NVIDIA_CONFIG_DEVICE_MISMATCH " + DEVICES + ".config[0].requests[0]: expected a gpu.nvidia.com"
                + " request for a GpuConfig, found request 'gpu' of class mig.nvidia.com"),
        fails("timeSlicingConfig inside a MigDeviceConfig", f -> {
              f.devices().getRequests().get(0).getExactly().setDeviceClassName("mig.nvidia.com");
              f.parameters().put("kind", "MigDeviceConfig");
            },
            "ERROR NVIDIA_UNKNOWN_FIELD " + PARAMETERS + ".sharing.timeSlicingConfig: expected one of [mpsConfig,"
                + " strategy] in MigDeviceConfig, found 'timeSlicingConfig'",
            "WARNING MIG_TIME_SLICING_NO_EFFECT " + PARAMETERS + ".sharing.strategy: expected MPS to share a MIG slice,"
                + " found TimeSlicing, which the driver accepts and ignores on MIG devices"),
        fails("parameters without apiVersion", f -> f.parameters().remove("apiVersion"),
            "ERROR NVIDIA_CONFIG_TYPE_MISSING " + PARAMETERS + ".apiVersion: expected apiVersion"
                + " resource.nvidia.com/v1beta1, found nothing"),
        fails("a kind in the wrong case", f -> f.parameters().put("kind", "GPUConfig"),
            "ERROR NVIDIA_CONFIG_KIND_UNKNOWN " + PARAMETERS + ".kind: expected GpuConfig or MigDeviceConfig, found"
                + " 'GPUConfig'"),
        fails("mpsConfig.multiUser, unknown to driver 0.4.0", f -> f.mps(Map.of("multiUser", true)),
            "ERROR NVIDIA_UNKNOWN_FIELD " + PARAMETERS + ".sharing.mpsConfig.multiUser: expected one of"
                + " [defaultActiveThreadPercentage, defaultPerDevicePinnedMemoryLimit, defaultPinnedDeviceMemoryLimit]"
                + " in GpuConfig, found 'multiUser'"),
        fails("a config naming a firstAvailable request without its subrequest", f -> {
              var request = f.devices().getRequests().get(0);
              request.setExactly(null);
              request.setFirstAvailable(new ArrayList<>(List.of(
                  new DeviceSubRequestBuilder().withName("h100").withDeviceClassName("gpu.nvidia.com").build(),
                  new DeviceSubRequestBuilder().withName("a100").withDeviceClassName("gpu.nvidia.com").build())));
            },
            "WARNING FIRST_AVAILABLE_CONFIG_REFERENCE " + DEVICES + ".config[0].requests[0]: expected the subrequests"
                + " [gpu/h100, gpu/a100] (the driver matches the allocated request name exactly), found 'gpu'"),
        // a claim read as YAML cannot say whether its MIG slices are pre-created (static, no gate) or dynamic, so
        // it is taken as static: NVIDIA's quickstart (gpu-test4 next to gpu-test-mps) needs no DynamicMIG
        passes("MPS next to a MIG template: static MIG, no DynamicMIG gate", f -> {
              f.mps(Map.of());
              f.extra.add(migTemplate("mig-slice", "1g.10gb"));
            }),

        fails("timeSlicingConfig next to MPS", f -> {
              f.sharing().put("strategy", "MPS");
            },
            "ERROR SHARING_CONFIG_MISMATCH " + PARAMETERS + ".sharing.timeSlicingConfig: expected timeSlicingConfig"
                + " only with strategy TimeSlicing, found strategy MPS"),
        fails("sharing written as a string", f -> f.parameters().put("sharing", "TimeSlicing"),
            "ERROR NVIDIA_FIELD_TYPE " + PARAMETERS + ".sharing: expected an object with strategy, found the string"
                + " 'TimeSlicing'"),
        fails("a per-device key that is neither index nor UUID", f -> f.mps(Map.of(
                "defaultPerDevicePinnedMemoryLimit", Map.of("first", "10Gi"))),
            "ERROR MPS_DEVICE_KEY_INVALID " + PARAMETERS + ".sharing.mpsConfig.defaultPerDevicePinnedMemoryLimit.first:"
                + " expected a device index or a UUID (GPU-... / MIG-...), found 'first'"),
        fails("a MigDeviceConfig on a whole-GPU request", f -> {
              f.parameters().put("kind", "MigDeviceConfig");
              f.mps(Map.of());
            },
            "ERROR NVIDIA_CONFIG_DEVICE_MISMATCH " + DEVICES + ".config[0].requests[0]: expected a mig.nvidia.com"
                + " request for a MigDeviceConfig, found request 'gpu' of class gpu.nvidia.com"),
        fails("a GpuConfig naming no request on a claim of MIG slices", f -> {
              f.devices().getRequests().get(0).getExactly().setDeviceClassName("mig.nvidia.com");
              f.devices().getConfig().get(0).setRequests(new ArrayList<>());
            },
            "ERROR NVIDIA_CONFIG_DEVICE_MISMATCH " + DEVICES + ".config[0].requests: expected a gpu.nvidia.com request"
                + " for a GpuConfig that names no request, found only [mig.nvidia.com]"),

        // sharing budget
        fails("three replicas at 0.42", f -> f.deployment.getSpec().setReplicas(3),
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 3 x 0.42"),
        // with the GPU unknown, 1.00 leaves nothing for the CUDA contexts (gpu-memory-measured.md: 2 x 0.50 fails)
        fails("one replica at 0.7 and three at 0.1: exactly 1.0", f -> {
              f.deployment.getSpec().setReplicas(1);
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.7");
              var second = KubeObjects.toDeployment(TutorialSpecs.vllm("second", "gpu-claim", 3, "0.1"));
              second.getSpec().setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder()
                  .withType("Recreate").build());
              second.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("vllm/vllm-openai:v0.11.0");
              second.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().add(Fixture.KV_CACHE);
              f.extra.add(second);
            },
            "ERROR GPU_MEMORY_CONTEXT_MARGIN ResourceClaim[gpu-claim]: expected the shares to leave room for the CUDA"
                + " context each of the 4 processes takes outside its share (about 0.5 GiB), found 1.00 of the GPU's"
                + " memory requested: Deployment[vllm-gpu] 1 x 0.7, Deployment[second] 3 x 0.1; vLLM refuses the later"
                + " server: \"Free memory on device cuda:0 (...) on startup is less than desired GPU memory utilization"
                + " (...). Decrease GPU memory utilization or reduce GPU memory used by other processes.\""),
        fails("no utilization: vLLM takes 0.9", f -> f.args("--model=google/gemma-3-1b-it"),
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.80 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 2 x 0.9 (vLLM's default, no --gpu-memory-utilization)"),
        // vllm/config/cache.py, PR #38284: Field(default=0.92) from 0.21.0
        fails("no utilization on vLLM 0.21.0: vLLM takes 0.92", f -> {
              f.container().setImage("vllm/vllm-openai:v0.21.0");
              f.args("--model=google/gemma-3-1b-it");
            },
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.84 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 2 x 0.92 (vLLM's default, no --gpu-memory-utilization)"),
        // vLLM's arguments in every form (VllmArgs_parse_Test has the forms; these are the findings they lead to)
        fails("vllm serve in a bash -c script, 3 replicas on one claim", f -> {
              f.container().setCommand(new ArrayList<>(List.of("bash", "-c",
                  "vllm serve google/gemma-3-1b-it --gpu-memory-utilization 0.42")));
              f.container().setArgs(new ArrayList<>());
              f.deployment.getSpec().setReplicas(3);
            },
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 3 x 0.42"),
        fails("a utilization from $(UTIL), a literal of the container's env", f -> {
              f.container().getEnv().add(new EnvVar("UTIL", "0.6", null));
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=$(UTIL)");
            },
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.20 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 2 x 0.6"),
        fails("a utilization from $(UTIL), a Secret's value", f -> {
              f.container().getEnv().add(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("UTIL")
                  .withNewValueFrom().withNewSecretKeyRef().withName("s").withKey("util").endSecretKeyRef()
                  .endValueFrom().build());
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=$(UTIL)");
            },
            "INFO GPU_MEMORY_UTILIZATION_UNKNOWN " + CONTAINER + ".args[1]: --gpu-memory-utilization comes from what"
                + " only the running pod knows (a Secret, a ConfigMap or a shell command), so the memory budget of the"
                + " devices it uses was not checked"),
        fails("no utilization, but a --config file", f -> f.args("--model=google/gemma-3-1b-it", "--config",
                "/etc/vllm/config.yaml"),
            "INFO GPU_MEMORY_UTILIZATION_UNKNOWN " + CONTAINER + ": no --gpu-memory-utilization here, but a --config"
                + " file or arguments only the running pod knows may set it, so the memory budget of the devices it"
                + " uses was not checked"),
        fails("arguments alone to the image's vllm serve entrypoint, the model positional", f -> {
              f.container().setCommand(null);
              f.args("google/gemma-3-1b-it", "--gpu-memory-utilization", "0.6");
            },
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.20 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 2 x 0.6"),
        fails("a utilization with a comma", f -> f.args("--model", "google/gemma-3-1b-it", "--gpu-memory-utilization",
                "0,42"),
            "ERROR GPU_MEMORY_UTILIZATION_RANGE " + CONTAINER + ".args[3]: --gpu-memory-utilization must be a decimal"
                + " fraction in (0, 1], found '0,42'"),
        fails("a utilization over one", f -> f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=1.5"),
            "ERROR GPU_MEMORY_UTILIZATION_RANGE " + CONTAINER + ".args[1]: --gpu-memory-utilization must be in (0, 1],"
                + " found 1.5"),
        passes("a utilization of exactly one on one replica", f -> {
              f.deployment.getSpec().setReplicas(1);
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=1");
            }),
        fails("the default rolling update's surge pod", f -> f.deployment.getSpec().setStrategy(null),
            "WARNING ROLLOUT_SURGE_OVERCOMMIT Deployment[vllm-gpu].spec.strategy: a rolling update starts 1 more pod"
                + " (maxSurge defaults to 25%) on ResourceClaim[gpu-claim], which then has 1.26 of the GPU's memory"
                + " requested (limit 1.00): Deployment[vllm-gpu] (2 + 1) x 0.42"),
        passes("a rolling update with maxSurge 0", f -> f.deployment.getSpec().setStrategy(
            new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder().withType("RollingUpdate")
                .withNewRollingUpdate().withMaxSurge(new IntOrString(0)).withMaxUnavailable(new IntOrString(1))
                .endRollingUpdate().build())),
        fails("two containers of one pod over their own device", f -> {
              f.pod().getResourceClaims().get(0).setResourceClaimName(null);
              f.pod().getResourceClaims().get(0).setResourceClaimTemplateName("gpu-template");
              f.extra.add(gpuTemplate("gpu-template"));
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.6");
              var sidecar = new io.fabric8.kubernetes.api.model.ContainerBuilder(f.container()).withName("second")
                  .withPorts(new ContainerPortBuilder().withContainerPort(8001).build())
                  .withArgs("--port=8001", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.6")
                  .withReadinessProbe(null).build();
              f.pod().getContainers().add(sidecar);
            },
            "ERROR GPU_MEMORY_OVERCOMMIT " + POD + ".resourceClaims[0]: 1.20 of each pod's own device requested (limit"
                + " 1.00): containers[0] 0.6, containers[1] 0.6"),
        passes("five replicas at 0.9, each on its own device", f -> {
              f.deployment.getSpec().setReplicas(5);
              f.pod().getResourceClaims().get(0).setResourceClaimName(null);
              f.pod().getResourceClaims().get(0).setResourceClaimTemplateName("gpu-template");
              f.extra.add(gpuTemplate("gpu-template"));
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.9");
            }),
        fails("MPS limit below vLLM's share on an A100 40GB", f -> {
              f.onProduct("NVIDIA A100-SXM4-40GB");
              f.mps(Map.of("defaultPinnedDeviceMemoryLimit", "15Gi"));
            },
            "ERROR MPS_PINNED_MEMORY_BELOW_UTILIZATION " + CONTAINER + ".args[3]: expected vLLM's share to fit the MPS"
                + " pinned-memory limit 15Gi of ResourceClaim[gpu-claim] (15360 MiB), found 0.42 x 40491 MiB = 17007"
                + " MiB; vLLM does not see the MPS limit and fails to allocate"),
        passes("the GKE MPS guide: 0.35 of an A100 40GB under 15Gi", f -> {
              f.onProduct("NVIDIA A100-SXM4-40GB");
              f.mps(Map.of("defaultActiveThreadPercentage", 50, "defaultPinnedDeviceMemoryLimit", "15Gi"));
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.35");
            }),
        // shared/reference/gpu-memory-measured.md: two processes x 0.495 of an H100 already fail
        fails("no margin for CUDA contexts: 2 x 0.49 of an A100 40GB", f -> {
              f.onProduct("NVIDIA A100-SXM4-40GB");
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.49");
            },
            "ERROR GPU_MEMORY_CONTEXT_MARGIN ResourceClaim[gpu-claim]: expected the shares and what each vLLM process"
                + " takes outside its share to fit the 39.5 GiB device, found 0.98 of it requested (Deployment[vllm-gpu]"
                + " 2 x 0.49, 38.8 GiB) + 2 x 0.5 GiB of CUDA context + 2 x 0.3 GiB of CUDA graphs (outside the share"
                + " before vLLM 0.21.0) = 40.4 GiB; vLLM refuses the later server: \"Free memory on device cuda:0 (...)"
                + " on startup is less than desired GPU memory utilization (...). Decrease GPU memory utilization or"
                + " reduce GPU memory used by other processes.\""),
        passes("the tutorial's 0.42 on an A100 40GB", f -> f.onProduct("NVIDIA A100-SXM4-40GB")),

        fails("vllm serve with its flags in the command", f -> {
              f.container().setCommand(new ArrayList<>(List.of("vllm", "serve", "google/gemma-3-1b-it",
                  "--gpu_memory_utilization", "0.6")));
              f.container().setArgs(new ArrayList<>());
            },
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.20 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 2 x 0.6"),
        fails("vllm serve in a shell script", f -> {
              f.container().setCommand(new ArrayList<>(List.of("/bin/sh", "-c")));
              f.container().setArgs(new ArrayList<>(List.of("pip install x && vllm serve google/gemma-3-1b-it"
                  + " --gpu-memory-utilization 0.6")));
            },
            "ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.20 of the GPU's memory requested (limit 1.00):"
                + " Deployment[vllm-gpu] 2 x 0.6"),
        // the kubelet leaves $(PORT) as written when the container defines no PORT (kubernetes
        // third_party/forked/golang/expansion), so vLLM's argparse gets the text and refuses it
        fails("a port from an undefined variable", f -> f.args("--host=0.0.0.0", "--port=$(PORT)",
            "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.42"),
            "ERROR VLLM_PORT_MISMATCH Deployment[vllm-gpu].spec.template.spec.containers[0].args[1]: expected a port"
                + " number, found '$(PORT)'"),
        fails("Gemma 3 27B on a GPU with at least 40Gi", f -> {
              f.devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
                  cel("device.capacity[\"gpu.nvidia.com\"].memory.compareTo(quantity(\"40Gi\")) >= 0"))));
              f.args("--model=google/gemma-3-27b-it", "--gpu-memory-utilization=0.42");
            },
            "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the weights of google/gemma-3-27b-it (51.0"
                + " GiB) to fit in 0.42 x 39.5 GiB = 16.6 GiB, found they do not (and the KV cache needs room too)"),

        fails("Gemma 3 27B on an A100 40GB named in a conjunction, in single quotes", f -> {
              f.devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
                  cel("device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].productName =="
                      + " 'NVIDIA A100-SXM4-40GB'"))));
              f.args("--model=google/gemma-3-27b-it", "--gpu-memory-utilization=0.42");
            },
            "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[0]: expected the weights of google/gemma-3-27b-it (51.0"
                + " GiB) to fit in 0.42 x 39.5 GiB = 16.6 GiB, found they do not (and the KV cache needs room too)"),
        passes("Gemma 3 27B on one of two GPUs: which one is not known, so nothing is guessed", f -> {
              f.devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
                  cel("device.attributes['gpu.nvidia.com'].productName == 'NVIDIA H100 80GB HBM3'"
                      + " || device.attributes['gpu.nvidia.com'].productName == 'NVIDIA A100-SXM4-40GB'"))));
              f.args("--model=google/gemma-3-27b-it", "--gpu-memory-utilization=0.42");
            }),

        // capacity
        fails("Gemma 3 27B on 0.42 of an A100 40GB", f -> {
              f.onProduct("NVIDIA A100-SXM4-40GB");
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-27b-it", "--gpu-memory-utilization=0.42");
            },
            "ERROR MODEL_DOES_NOT_FIT " + CONTAINER + ".args[2]: expected the weights of google/gemma-3-27b-it (51.0"
                + " GiB) to fit in 0.42 x 39.5 GiB = 16.6 GiB, found they do not (and the KV cache needs room too)"),
        fails("a model the catalog does not know", f -> f.args("--host=0.0.0.0", "--port=8000",
                "--model=example/unknown-7b", "--gpu-memory-utilization=0.42"),
            "INFO MODEL_UNKNOWN " + CONTAINER + ".args[2]: model 'example/unknown-7b' is not in gpushare's catalog, so"
                + " whether its weights fit was not checked"),
        fails("an H100 profile on an A100 40GB", f -> {
              f.devices().getRequests().get(0).getExactly().setDeviceClassName("mig.nvidia.com");
              f.devices().getConfig().clear();
              f.devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
                  cel("device.attributes[\"gpu.nvidia.com\"].productName == \"NVIDIA A100-SXM4-40GB\""),
                  cel("device.attributes[\"gpu.nvidia.com\"].profile == \"3g.40gb\""))));
              f.args("--host=0.0.0.0", "--port=8000", "--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.42");
            },
            "ERROR MIG_PROFILE_UNKNOWN " + DEVICES + ".requests: expected a MIG profile of NVIDIA A100-SXM4-40GB"
                + " [1g.5gb, 1g.5gb+me, 1g.10gb, 2g.10gb, 3g.20gb, 4g.20gb, 7g.40gb], found '3g.40gb'"),
        fails("a MIG profile no GPU has", f -> {
              f.devices().getRequests().get(0).getExactly().setDeviceClassName("mig.nvidia.com");
              f.devices().getConfig().clear();
              f.devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
                  cel("device.attributes[\"gpu.nvidia.com\"].profile == \"3g.30gb\""))));
            },
            "WARNING MIG_PROFILE_UNKNOWN " + DEVICES + ".requests: expected a MIG profile that some GPU has (e.g."
                + " 1g.10gb, 3g.40gb), found '3g.30gb'"),
        passes("a 3g.20gb slice of an A100 40GB", f -> {
              f.devices().getRequests().get(0).getExactly().setDeviceClassName("mig.nvidia.com");
              f.devices().getConfig().clear();
              f.devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(
                  cel("device.attributes[\"gpu.nvidia.com\"].productName == \"NVIDIA A100-SXM4-40GB\""),
                  cel("device.attributes[\"gpu.nvidia.com\"].profile == \"3g.20gb\""))));
            }),
        passes("Gemma 3 1B on 0.42 of an L4", f -> f.onProduct("NVIDIA L4")),
        fails("a GPU the catalog does not know", f -> f.onProduct("NVIDIA B300"),
            "INFO GPU_PRODUCT_UNKNOWN " + DEVICES + ".requests: GPU product 'NVIDIA B300' is not in gpushare's catalog,"
                + " so its memory and MIG profiles were not checked"),

        // vLLM
        fails("--port twice", f -> f.args("--port=8000", "--model=google/gemma-3-1b-it", "--port", "8000",
                "--gpu-memory-utilization=0.42"),
            "WARNING VLLM_FLAG_DUPLICATE " + CONTAINER + ".args[3]: expected --port once, found it again (first at"
                + " args[0])"),
        fails("tensor parallelism over one GPU", f -> f.args("--model=google/gemma-3-1b-it",
                "--gpu-memory-utilization=0.42", "--tensor-parallel-size=2"),
            "ERROR VLLM_PARALLELISM_MISMATCH " + CONTAINER + ".args[2]: expected --tensor-parallel-size x"
                + " --pipeline-parallel-size to equal the 1 device the container's claims give it, found 2 x 1"),
        passes("tensor parallelism over two GPUs", f -> {
              f.devices().getRequests().get(0).getExactly().setCount(2L);
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.42", "--tensor-parallel-size=2");
            }),
        passes("-tp 2 over two GPUs", f -> {
              f.devices().getRequests().get(0).getExactly().setCount(2L);
              f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.42", "-tp", "2");
            }),
        fails("-tp=2 over one GPU, in a bash -lc script", f -> {
              f.container().setCommand(new ArrayList<>(List.of("bash", "-lc")));
              f.args("exec vllm serve google/gemma-3-1b-it -tp=2 --gpu-memory-utilization 0.42 " + Fixture.KV_CACHE);
            },
            "ERROR VLLM_PARALLELISM_MISMATCH " + CONTAINER + ".args[0]: expected --tensor-parallel-size x"
                + " --pipeline-parallel-size to equal the 1 device the container's claims give it, found 2 x 1"),
        fails("--port the container does not expose", f -> f.args("--port=9000", "--model=google/gemma-3-1b-it",
                "--gpu-memory-utilization=0.42"),
            "ERROR VLLM_PORT_MISMATCH " + CONTAINER + ".ports: expected a containerPort 9000 (--port 9000), found [8000]",
            "ERROR VLLM_PORT_MISMATCH " + CONTAINER + ".readinessProbe.tcpSocket.port: expected the probe on port 9000"
                + " (--port 9000), found 8000"),
        fails("the tutorial's v0.7.2 image for Gemma 3", f -> f.container().setImage("vllm/vllm-openai:v0.7.2"),
            "ERROR VLLM_IMAGE_TOO_OLD " + CONTAINER + ".image: expected vLLM 0.8.2 or newer for google/gemma-3-1b-it,"
                + " found vllm/vllm-openai:v0.7.2",
            // vLLM 0.7.2 has no --kv-cache-memory-bytes, so the fixture's flag does not keep the replicas apart
            RACE),
        // vLLM issue #15096: the v0.8.0 image ships transformers 4.49, which has no gemma3 config; so does v0.8.1.
        // One replica each: two servers on 0.8.x would also be VLLM_COLOCATION_UNSUPPORTED (ColocatedServers_check_Test)
        fails("the v0.8.0 image for Gemma 3", f -> single(f, "vllm/vllm-openai:v0.8.0"),
            "ERROR VLLM_IMAGE_TOO_OLD " + CONTAINER + ".image: expected vLLM 0.8.2 or newer for google/gemma-3-1b-it,"
                + " found vllm/vllm-openai:v0.8.0"),
        fails("the v0.8.1 image for Gemma 3", f -> single(f, "vllm/vllm-openai:v0.8.1"),
            "ERROR VLLM_IMAGE_TOO_OLD " + CONTAINER + ".image: expected vLLM 0.8.2 or newer for google/gemma-3-1b-it,"
                + " found vllm/vllm-openai:v0.8.1"),
        passes("the v0.8.2 image for Gemma 3", f -> single(f, "vllm/vllm-openai:v0.8.2")),
        passes("an image tagged latest, whose release the file does not say", f -> f.container()
            .setImage("vllm/vllm-openai:latest")),
        // vLLM PR #6696 (issue #6688): 0.5.3 cannot read Llama 3.1's rope_scaling; 0.5.3.post1 can
        fails("v0.5.3 for Llama 3.1", f -> {
              single(f, "vllm/vllm-openai:v0.5.3");
              f.args("--model=meta-llama/Llama-3.1-8B-Instruct", "--gpu-memory-utilization=0.42");
            },
            "ERROR VLLM_IMAGE_TOO_OLD " + CONTAINER + ".image: expected vLLM 0.5.3.post1 or newer for"
                + " meta-llama/Llama-3.1-8B-Instruct, found vllm/vllm-openai:v0.5.3"),
        passes("v0.5.3.post1 for Llama 3.1", f -> {
              single(f, "vllm/vllm-openai:v0.5.3.post1");
              f.args("--model=meta-llama/Llama-3.1-8B-Instruct", "--gpu-memory-utilization=0.42");
            }),

        // security
        fails("a literal Hugging Face token", f -> f.container().getEnv().set(0,
                new EnvVar("HF_TOKEN", FakeTokens.HF, null)),
            "ERROR SECRET_LITERAL " + CONTAINER + ".env[0].value: expected HF_TOKEN from a Secret"
                + " (valueFrom.secretKeyRef), found a literal Hugging Face token in the manifest"),
        fails("a literal password", f -> f.container().getEnv().add(new EnvVar("DB_PASSWORD", "hunter2", null)),
            "ERROR SECRET_LITERAL " + CONTAINER + ".env[2].value: expected DB_PASSWORD from a Secret"
                + " (valueFrom.secretKeyRef), found a literal value in the manifest"),
        fails("a literal --api-key", f -> f.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.42",
                "--api-key=sk-123"),
            "ERROR SECRET_LITERAL " + CONTAINER + ".args[2]: expected the API key from a Secret, found a literal"
                + " --api-key in the manifest"),
        passes("TOKENIZERS_PARALLELISM is no credential", f -> f.container().getEnv().add(
            new EnvVar("TOKENIZERS_PARALLELISM", "false", null))),
        passes("a placeholder $HF_TOKEN for envsubst is no credential", f -> f.container().getEnv().set(0,
            new EnvVar("HF_TOKEN", "$HF_TOKEN", null))),
        fails("a Hugging Face token in the arguments", f -> f.args("--model=google/gemma-3-1b-it",
                "--gpu-memory-utilization=0.42", "--hf-token", FakeTokens.HF),
            "ERROR SECRET_LITERAL " + CONTAINER + ".args[3]: expected --hf-token from a Secret, found a literal"
                + " Hugging Face token in the manifest"),
        passes("--api-key from an environment variable", f -> f.args("--model=google/gemma-3-1b-it",
            "--gpu-memory-utilization=0.42", "--api-key=$(VLLM_API_KEY)")),
        fails("a LoadBalancer without an API key", f -> f.container().getEnv().remove(1),
            "WARNING API_KEY_MISSING Service[vllm-service].spec.type: expected vLLM behind a LoadBalancer to require"
                + " an API key, found Deployment[vllm-gpu] without --api-key or VLLM_API_KEY"),
        passes("a ClusterIP Service without an API key", f -> {
              f.container().getEnv().remove(1);
              f.service.getSpec().setType("ClusterIP");
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_report_exactly_the_expected_findings(String name, Consumer<Fixture> change, List<String> expected) {
    // GIVEN the clean fixture changed by the case, WHEN validated, THEN exactly its findings, each with a hint
    Fixture.assertFindings(change, expected);
  }

  static io.fabric8.kubernetes.api.model.resource.v1.DeviceSelector cel(String expression) {
    return new DeviceSelectorBuilder().withNewCel().withExpression(expression).endCel().build();
  }

  static io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate migTemplate(String name, String profile) {
    return new ResourceClaimTemplateBuilder()
        .withApiVersion("resource.k8s.io/v1").withKind("ResourceClaimTemplate")
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withNewSpec().withNewDevices()
        .addNewRequest().withName("gpu").withNewExactly().withDeviceClassName("mig.nvidia.com")
        .addToSelectors(cel("device.attributes[\"gpu.nvidia.com\"].profile == \"" + profile + "\""))
        .endExactly().endRequest()
        .endDevices().endSpec().endSpec()
        .build();
  }

  static io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate gpuTemplate(String name) {
    return new ResourceClaimTemplateBuilder()
        .withApiVersion("resource.k8s.io/v1").withKind("ResourceClaimTemplate")
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withNewSpec().withNewDevices()
        .addNewRequest().withName("gpu").withNewExactly().withDeviceClassName("gpu.nvidia.com").endExactly().endRequest()
        .endDevices().endSpec().endSpec()
        .build();
  }
}
