package io.gpushare.core.validate;

/**
 * Every code a {@link Finding} can carry, declared once: its default severity, who would otherwise
 * catch the problem ({@link Group}), a one-line summary, and the section of
 * {@code docs/validation.md} that shows a failing example and the fix. Rules report through
 * {@code Findings.add(FindingCode, ...)}; no rule spells a code as a string, and
 * {@code FindingCode_docs_Test} fails when the page and these declarations disagree.
 *
 * <pre>
 * ERROR GPU_MEMORY_OVERCOMMIT ResourceClaim[gpu-claim]: 1.26 of the GPU's memory requested (limit 1.00): ...
 * </pre>
 */
public enum FindingCode {
  // Kubernetes API server
  INVALID_NAME(Severity.ERROR, Group.API_SERVER, "a name the API server refuses (DNS subdomain, label or RFC 1035 label)"),
  LABEL_INVALID(Severity.ERROR, Group.API_SERVER, "a label key or value, or an annotation key, the API server refuses"),
  DUPLICATE_NAME(Severity.ERROR, Group.API_SERVER, "a name used twice where the API server wants each once"),
  REQUEST_EXACTLY_ONE_OF(Severity.ERROR, Group.API_SERVER, "a device request with both or neither of exactly and firstAvailable"),
  LIMIT_EXCEEDED(Severity.ERROR, Group.API_SERVER, "more requests, subrequests, selectors, config entries or pods than the API allows"),
  DEVICE_CLASS_MISSING(Severity.ERROR, Group.API_SERVER, "a device request without a device class"),
  CEL_MISSING(Severity.ERROR, Group.API_SERVER, "a selector without a CEL expression"),
  CEL_TOO_LONG(Severity.ERROR, Group.API_SERVER, "a CEL expression longer than the API allows"),
  CEL_INVALID(Severity.ERROR, Group.API_SERVER, "a CEL selector that does not parse or type-check in the API server's DRA environment"),
  CEL_NOT_BOOL(Severity.ERROR, Group.API_SERVER, "a CEL selector whose result is not a bool"),
  CEL_COST_EXCEEDED(Severity.ERROR, Group.API_SERVER, "a CEL selector certain to exceed the API server's cost limit"),
  ALLOCATION_MODE_COUNT(Severity.ERROR, Group.API_SERVER, "an allocation mode and count that do not go together"),
  CONSTRAINT_INVALID(Severity.ERROR, Group.API_SERVER, "a device constraint without a matchAttribute of the form domain/name"),
  CONFIG_REQUEST_UNKNOWN(Severity.ERROR, Group.API_SERVER, "a config or constraint naming a request the claim does not have"),
  OPAQUE_MISSING(Severity.ERROR, Group.API_SERVER, "a config entry without an opaque configuration"),
  OPAQUE_DRIVER_INVALID(Severity.ERROR, Group.API_SERVER, "an opaque config whose driver name the API refuses"),
  OPAQUE_PARAMETERS_INVALID(Severity.ERROR, Group.API_SERVER, "opaque parameters that are not a JSON object or are too large"),
  POD_CLAIM_SOURCE(Severity.ERROR, Group.API_SERVER, "a pod claim entry with both or neither of resourceClaimName and resourceClaimTemplateName"),
  CONTAINER_CLAIM_UNKNOWN(Severity.ERROR, Group.API_SERVER, "a container claim naming no pod-level claim entry"),
  FIELD_FORBIDDEN(Severity.ERROR, Group.API_SERVER, "a field the API server forbids where it is written (resources on an ephemeral container)"),
  VOLUME_MOUNT_UNKNOWN(Severity.ERROR, Group.API_SERVER, "a volume mount naming no pod volume"),
  TOLERATION_INVALID(Severity.ERROR, Group.API_SERVER, "a toleration the API server refuses"),
  SELECTOR_MISMATCH(Severity.ERROR, Group.API_SERVER, "a workload selector that does not select its own pod template"),
  PORT_RANGE(Severity.ERROR, Group.API_SERVER, "a port outside 1..65535"),
  SERVICE_SELECTS_NOTHING(Severity.WARNING, Group.API_SERVER, "a Service whose selector matches no workload in the set"),
  RESOURCE_API_VERSION_REMOVED(Severity.ERROR, Group.API_SERVER, "a DRA object of an API version no supported Kubernetes serves"),
  CLAIM_NAMESPACE_MISMATCH(Severity.ERROR, Group.API_SERVER, "a pod that references a claim or template the files put only in another namespace"),
  CLAIM_NOT_IN_SET(Severity.INFO, Group.API_SERVER, "a pod references a claim or template that is not among the manifests checked"),
  REPLICAS_RANGE(Severity.ERROR, Group.API_SERVER, "negative replicas (error) or zero replicas (warning)"),
  FIELD_TYPE_INVALID(Severity.ERROR, Group.API_SERVER, "a field of a custom resource read without a schema (a LeaderWorkerSet) of the wrong JSON type"),
  NOT_A_KUBERNETES_OBJECT(Severity.INFO, Group.API_SERVER, "a YAML file beside the manifests that holds no Kubernetes API object, skipped"),
  SHARED_CLAIM_ANTI_AFFINITY(Severity.ERROR, Group.API_SERVER, "required pod anti-affinity that keeps apart the pods of one shared claim, which all run on its device's node"),
  SHARED_CLAIM_TOPOLOGY_SPREAD(Severity.ERROR, Group.API_SERVER, "a DoNotSchedule topology spread over more pods of one shared claim than maxSkew allows in one domain"),
  RESOURCE_API_VERSION_NOT_SERVED(Severity.ERROR, Group.API_SERVER, "a DRA object of an API version the target Kubernetes (--kubernetes-version) does not serve yet"),
  RESOURCE_API_VERSION_UNCHECKED(Severity.INFO, Group.API_SERVER, "a DRA object of an API version the target Kubernetes serves but gpushare does not model, so not checked"),
  KUSTOMIZE_RESOURCE_NOT_READ(Severity.INFO, Group.API_SERVER, "a kustomization resource gpushare does not fetch (a remote URL), so its objects were not checked"),
  KUSTOMIZE_PATCH_NOT_APPLIED(Severity.INFO, Group.API_SERVER, "a kustomize patch gpushare did not apply: no target among the resources, JSON 6902 operations, a set-based selector"),
  KUSTOMIZE_TRANSFORMER_NOT_APPLIED(Severity.INFO, Group.API_SERVER, "kustomization fields gpushare does not apply (namePrefix, replicas, generators...), named once per kustomization"),
  // NVIDIA DRA driver
  NVIDIA_CONFIG_TYPE_MISSING(Severity.ERROR, Group.DRIVER, "NVIDIA parameters without apiVersion or kind"),
  NVIDIA_API_VERSION_UNKNOWN(Severity.ERROR, Group.DRIVER, "NVIDIA parameters of an apiVersion the driver does not decode"),
  NVIDIA_FIELD_TYPE(Severity.ERROR, Group.DRIVER, "an NVIDIA config field of the wrong JSON type"),
  NVIDIA_CONFIG_KIND_UNKNOWN(Severity.ERROR, Group.DRIVER, "an NVIDIA config kind the driver does not know"),
  NVIDIA_UNKNOWN_FIELD(Severity.ERROR, Group.DRIVER, "a field the driver's strict decoder rejects"),
  SHARING_STRATEGY_UNKNOWN(Severity.ERROR, Group.DRIVER, "a sharing strategy other than TimeSlicing or MPS"),
  TIME_SLICE_INTERVAL_UNKNOWN(Severity.ERROR, Group.DRIVER, "a time-slice interval missing or not Default, Short, Medium or Long"),
  SHARING_CONFIG_MISMATCH(Severity.ERROR, Group.DRIVER, "a sharing config that does not belong to the strategy"),
  MPS_THREAD_PERCENTAGE_RANGE(Severity.ERROR, Group.DRIVER, "an MPS active thread percentage outside 0..100"),
  MPS_THREAD_PERCENTAGE_ZERO(Severity.WARNING, Group.DRIVER, "an MPS active thread percentage of 0"),
  MPS_PINNED_MEMORY_TOO_LOW(Severity.ERROR, Group.DRIVER, "an MPS pinned-memory limit below 1Mi or not a quantity"),
  MPS_PINNED_MEMORY_DECIMAL_UNITS(Severity.WARNING, Group.DRIVER, "an MPS pinned-memory limit in decimal units the driver reads as binary"),
  MPS_DEVICE_KEY_INVALID(Severity.ERROR, Group.DRIVER, "a per-device MPS limit keyed by neither a device index nor the UUID of a device the claim can get"),
  NVIDIA_CONFIG_DEVICE_MISMATCH(Severity.ERROR, Group.DRIVER, "a GpuConfig on MIG slices, or a MigDeviceConfig on whole GPUs"),
  MIG_TIME_SLICING_NO_EFFECT(Severity.WARNING, Group.DRIVER, "time slicing on a MIG slice, which the driver ignores"),
  FIRST_AVAILABLE_CONFIG_REFERENCE(Severity.WARNING, Group.DRIVER, "a config naming a firstAvailable request instead of its subrequests"),
  FEATURE_GATES_INCOMPATIBLE(Severity.ERROR, Group.DRIVER, "a set that needs driver feature gates that cannot be combined"),
  // Sharing budget
  GPU_MEMORY_OVERCOMMIT(Severity.ERROR, Group.BUDGET, "pods sharing a device ask for more than all of its memory"),
  GPU_MEMORY_UTILIZATION_RANGE(Severity.ERROR, Group.BUDGET, "a --gpu-memory-utilization that is not a fraction in (0, 1]"),
  ROLLOUT_SURGE_OVERCOMMIT(Severity.WARNING, Group.BUDGET, "a rolling update (or an overlapping CronJob run) whose extra pods overcommit the shared device"),
  MPS_PINNED_MEMORY_BELOW_UTILIZATION(Severity.ERROR, Group.BUDGET, "a vLLM share larger than the MPS pinned-memory limit"),
  GPU_MEMORY_CONTEXT_MARGIN(Severity.ERROR, Group.BUDGET, "vLLM shares that leave no room for each process's CUDA context (and CUDA graphs before vLLM 0.21.0)"),
  VLLM_COLOCATION_UNSUPPORTED(Severity.ERROR, Group.BUDGET, "several vLLM servers on one device with a release that counts the others' memory as its own"),
  VLLM_STARTUP_RACE(Severity.WARNING, Group.BUDGET, "co-located vLLM servers that can start together and profile each other's memory"),
  GPU_MEMORY_UTILIZATION_UNKNOWN(Severity.INFO, Group.BUDGET, "a --gpu-memory-utilization only the running pod knows, so its budget was not checked"),
  POD_COUNT_UNKNOWN(Severity.INFO, Group.BUDGET, "pods of a number the manifests do not say (a DaemonSet's) on a shared claim, left out of its budget"),
  // Capacity
  MODEL_DOES_NOT_FIT(Severity.ERROR, Group.CAPACITY, "model weights (with vLLM's activation peak and non-torch memory, where the model is known) larger than the memory vLLM is given"),
  MIG_PROFILE_UNKNOWN(Severity.ERROR, Group.CAPACITY, "a MIG profile the GPU (error) or any known GPU (warning) does not have"),
  MODEL_UNKNOWN(Severity.INFO, Group.CAPACITY, "a model the catalogs do not know"),
  GPU_PRODUCT_UNKNOWN(Severity.INFO, Group.CAPACITY, "a GPU product the catalogs do not know"),
  VLLM_MAX_MODEL_LEN_DOES_NOT_FIT(Severity.ERROR, Group.CAPACITY, "a KV cache that cannot hold one sequence of --max-model-len (given, or the model's own length)"),
  MODEL_ARCHITECTURE_UNKNOWN(Severity.INFO, Group.CAPACITY, "a model the catalogs know by its size only, so its KV cache was not checked"),
  // vLLM
  VLLM_FLAG_DUPLICATE(Severity.WARNING, Group.VLLM, "a vLLM flag given twice, of which vLLM keeps the last"),
  VLLM_PARALLELISM_MISMATCH(Severity.ERROR, Group.VLLM, "parallelism that needs more devices than the container gets (error) or uses fewer (warning)"),
  VLLM_PARALLEL_ACROSS_MIG(Severity.ERROR, Group.VLLM, "tensor or pipeline parallelism over MIG slices, which one process cannot see together"),
  VLLM_SERVICE_NAME_CONFLICT(Severity.ERROR, Group.VLLM, "a Service named vllm, whose injected VLLM_PORT=tcp://... vLLM reads as its own setting"),
  VLLM_SHM_MISSING(Severity.WARNING, Group.VLLM, "tensor parallelism without a memory-backed /dev/shm"),
  CUDA_VISIBLE_DEVICES_SET(Severity.WARNING, Group.VLLM, "CUDA_VISIBLE_DEVICES set by hand beside the devices DRA gives"),
  VLLM_PORT_MISMATCH(Severity.ERROR, Group.VLLM, "a container port or probe that is not vLLM's port"),
  VLLM_IMAGE_TOO_OLD(Severity.ERROR, Group.VLLM, "a vLLM image older than the first release that loads the model"),
  HF_TOKEN_MISSING(Severity.ERROR, Group.VLLM, "a gated Hugging Face model loaded without a token"),
  // Security
  SECRET_LITERAL(Severity.ERROR, Group.SECURITY, "a credential written in the manifest"),
  SECRET_IN_MANIFEST(Severity.WARNING, Group.SECURITY, "a Secret whose values are written in the manifest"),
  API_KEY_MISSING(Severity.WARNING, Group.SECURITY, "vLLM behind a LoadBalancer without an API key"),
  // Acknowledged findings
  ACKNOWLEDGEMENT_UNUSED(Severity.WARNING, Group.ACKNOWLEDGEMENTS, "an acknowledgement that matches no finding of its object"),
  ACKNOWLEDGEMENT_INVALID(Severity.WARNING, Group.ACKNOWLEDGEMENTS, "a gpushare.io/acknowledge line without a known code and a reason, ignored");

  /** Who would otherwise catch the problem; each group is one section of docs/validation.md. */
  public enum Group {
    API_SERVER("Kubernetes API server"),
    DRIVER("NVIDIA DRA driver"),
    BUDGET("Sharing budget"),
    CAPACITY("Capacity"),
    VLLM("vLLM"),
    SECURITY("Security"),
    ACKNOWLEDGEMENTS("Acknowledged findings");

    private final String title;

    Group(String title) {
      this.title = title;
    }

    /** The heading of the group's section in docs/validation.md. */
    public String title() {
      return title;
    }

    /** The GitHub-style anchor of that heading, e.g. {@code kubernetes-api-server}. */
    public String anchor() {
      return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
  }

  static final String DOCS = "docs/validation.md";

  private final Severity severity;
  private final Group group;
  private final String summary;

  FindingCode(Severity severity, Group group, String summary) {
    this.severity = severity;
    this.group = group;
    this.summary = summary;
  }

  /** The severity a finding of this code has unless the rule says otherwise. */
  public Severity severity() {
    return severity;
  }

  public Group group() {
    return group;
  }

  /** One line: what the code means. */
  public String summary() {
    return summary;
  }

  /** The code named {@code name} exactly ({@code VLLM_STARTUP_RACE}); empty for any other text. */
  public static java.util.Optional<FindingCode> named(String name) {
    try {
      return name == null ? java.util.Optional.empty() : java.util.Optional.of(valueOf(name));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** Where the code is documented with a failing example and the fix, e.g. {@code docs/validation.md#sharing-budget}. */
  public String documentation() {
    return DOCS + "#" + group.anchor();
  }
}
