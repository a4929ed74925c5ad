package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.PodResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClassBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfigurationBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraintBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequest;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceRequestBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequestBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * gpushare's verdict against the verdict of the API server and of the NVIDIA DRA driver, on cases
 * derived from their own test suites: each case changes one thing of {@link Fixture} (the clean
 * tutorial), says whether the peer accepts (VALID) or refuses (INVALID) the result, and names the
 * upstream test and case it comes from. gpushare agrees when it reports an ERROR of the expected code
 * on an INVALID case, and no ERROR on a VALID one. Cases where gpushare is stricter on purpose (a
 * budget no peer has) expect gpushare's own ERROR and are counted apart.
 *
 * <p>Sources, read at kubernetes/kubernetes master and NVIDIA/k8s-dra-driver-gpu main:
 * {@code pkg/apis/resource/validation/validation_resourceclaim_test.go} (TestValidateClaim: badName is
 * {@code !@#$%^}, badValue is {@code spaces not allowed}), {@code validation_resourceclaimtemplate_test.go}
 * (TestValidateClaimTemplate), {@code validation_deviceclass_test.go} (TestValidateClass),
 * {@code pkg/apis/core/validation/validation_test.go} (pod resourceClaims, container resources.claims,
 * ephemeral containers, labels and annotations), and the driver's {@code cmd/webhook/main_test.go}
 * (TestResourceClaimValidatingWebhook), {@code api/nvidia.com/resource/v1beta1/sharing.go} and
 * {@code validate.go} (what the webhook and NodePrepareResources refuse).
 */
class Validator_upstreamCases_Test {
  private static final String CLAIM_TEST = "validation_resourceclaim_test.go TestValidateClaim";
  private static final String TEMPLATE_TEST = "validation_resourceclaimtemplate_test.go TestValidateClaimTemplate";
  private static final String CLASS_TEST = "validation_deviceclass_test.go TestValidateClass";
  private static final String POD_TEST = "core/validation/validation_test.go";
  private static final String WEBHOOK_TEST = "cmd/webhook/main_test.go TestResourceClaimValidatingWebhook";
  private static final String SHARING = "api/nvidia.com/resource/v1beta1 sharing.go/validate.go";
  private static final String BAD_NAME = "!@#$%^";
  private static final String BAD_VALUE = "spaces not allowed";
  private static final String GPU_A = "GPU-83d857e2-7326-75a9-c355-4270d0605409";
  private static final String GPU_B = "GPU-0f0e0d0c-0b0a-0908-0706-050403020100";

  enum Peer { API_SERVER, DRIVER }

  enum Verdict { VALID, INVALID }

  /**
   * One case.
   *
   * @param peer whose verdict it is
   * @param source the upstream test file and case it is derived from
   * @param name what the case changes
   * @param verdict the peer's verdict
   * @param code the ERROR gpushare must report on an INVALID case (or on a stricter one); null on VALID
   * @param stricter why gpushare refuses what the peer accepts, or null
   * @param change the change to the tutorial
   */
  record Case(Peer peer, String source, String name, Verdict verdict, FindingCode code, String stricter,
      Consumer<Fixture> change) {}

  private static Case valid(Peer peer, String source, String name, Consumer<Fixture> change) {
    return new Case(peer, source, name, Verdict.VALID, null, null, change);
  }

  private static Case invalid(Peer peer, String source, String name, FindingCode code, Consumer<Fixture> change) {
    return new Case(peer, source, name, Verdict.INVALID, code, null, change);
  }

  private static Case stricter(Peer peer, String source, String name, FindingCode code, String why,
      Consumer<Fixture> change) {
    return new Case(peer, source, name, Verdict.VALID, code, why, change);
  }

  static List<Case> cases() {
    Peer api = Peer.API_SERVER;
    Peer driver = Peer.DRIVER;
    return List.of(
        // resource.k8s.io ResourceClaim
        valid(api, CLAIM_TEST + " good-claim", "the tutorial's claim", f -> {}),
        valid(api, CLAIM_TEST + " generate-name", "generateName beside the name",
            f -> f.claim.getMetadata().setGenerateName("pvc-")),
        valid(api, CLAIM_TEST + " finalizers", "a finalizer", f -> f.claim.getMetadata().setFinalizers(
            new ArrayList<>(List.of("example.com/foo")))),
        valid(api, CLAIM_TEST + " good-labels", "label apps.kubernetes.io/name: test",
            f -> f.claim.getMetadata().setLabels(new LinkedHashMap<>(Map.of("apps.kubernetes.io/name", "test")))),
        valid(api, CLAIM_TEST + " good-annotations", "annotation foo: bar",
            f -> f.claim.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of("foo", "bar")))),
        invalid(api, CLAIM_TEST + " missing-name", "no name", FindingCode.INVALID_NAME,
            f -> f.claim.getMetadata().setName(null)),
        invalid(api, CLAIM_TEST + " bad-name", "name " + BAD_NAME, FindingCode.INVALID_NAME,
            f -> f.claim.getMetadata().setName(BAD_NAME)),
        invalid(api, CLAIM_TEST + " bad-labels", "label value '" + BAD_VALUE + "'", FindingCode.LABEL_INVALID,
            f -> f.claim.getMetadata().setLabels(new LinkedHashMap<>(Map.of("hello-world", BAD_VALUE)))),
        invalid(api, CLAIM_TEST + " bad-annotations", "annotation key " + BAD_NAME, FindingCode.LABEL_INVALID,
            f -> f.claim.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(BAD_NAME, "hello world")))),
        invalid(api, CLAIM_TEST + " bad-classname", "deviceClassName " + BAD_NAME, FindingCode.INVALID_NAME,
            f -> f.devices().getRequests().get(0).getExactly().setDeviceClassName(BAD_NAME)),
        invalid(api, CLAIM_TEST + " missing-classname", "no deviceClassName", FindingCode.DEVICE_CLASS_MISSING,
            f -> f.devices().getRequests().get(0).getExactly().setDeviceClassName("")),
        invalid(api, CLAIM_TEST + " invalid-request", "33 requests", FindingCode.LIMIT_EXCEEDED,
            f -> requests(f, 33)),
        valid(api, CLAIM_TEST + " valid-request", "32 requests, 32 constraints on foo/bar", f -> {
          requests(f, 32);
          for (int i = 0; i < 32; i++) {
            f.devices().getConstraints().add(new DeviceConstraintBuilder().withMatchAttribute("foo/bar").build());
          }
        }),
        invalid(api, CLAIM_TEST + " invalid-request", "33 constraints", FindingCode.LIMIT_EXCEEDED, f -> {
          for (int i = 0; i < 33; i++) {
            f.devices().getConstraints().add(new DeviceConstraintBuilder().withMatchAttribute("foo/bar").build());
          }
        }),
        invalid(api, CLAIM_TEST + " invalid-spec", "a constraint naming request " + BAD_NAME,
            FindingCode.CONFIG_REQUEST_UNKNOWN, f -> f.devices().getConstraints().add(new DeviceConstraintBuilder()
                .withRequests("gpu", BAD_NAME).withMatchAttribute("gpu.nvidia.com/uuid").build())),
        invalid(api, CLAIM_TEST + " invalid-spec", "matchAttribute missing-domain", FindingCode.CONSTRAINT_INVALID,
            f -> f.devices().getConstraints().add(new DeviceConstraintBuilder().withRequests("gpu")
                .withMatchAttribute("missing-domain").build())),
        invalid(api, CLAIM_TEST + " invalid-spec", "matchAttribute empty", FindingCode.CONSTRAINT_INVALID,
            f -> f.devices().getConstraints().add(new DeviceConstraintBuilder().withMatchAttribute("").build())),
        invalid(api, CLAIM_TEST + " invalid-spec", "matchAttribute nil", FindingCode.CONSTRAINT_INVALID,
            f -> f.devices().getConstraints().add(new DeviceConstraintBuilder().build())),
        valid(api, CLAIM_TEST + " valid-request", "matchAttribute gpu.nvidia.com/productName",
            f -> f.devices().getConstraints().add(new DeviceConstraintBuilder().withRequests("gpu")
                .withMatchAttribute("gpu.nvidia.com/productName").build())),
        invalid(api, CLAIM_TEST + " invalid-spec", "a config naming request " + BAD_NAME,
            FindingCode.CONFIG_REQUEST_UNKNOWN, f -> f.devices().getConfig().get(0).setRequests(
                new ArrayList<>(List.of("gpu", BAD_NAME)))),
        invalid(api, CLAIM_TEST + " invalid-request", "33 config entries", FindingCode.LIMIT_EXCEEDED, f -> {
          for (int i = 0; i < 32; i++) {
            f.devices().getConfig().add(new DeviceClaimConfigurationBuilder().withNewOpaque()
                .withDriver("dra.example.com").withParameters(Map.of("kind", "foo", "apiVersion", "dra.example.com/v1"))
                .endOpaque().build());
          }
        }),
        invalid(api, CLAIM_TEST + " allocation-mode", "count -1", FindingCode.ALLOCATION_MODE_COUNT,
            f -> f.devices().getRequests().get(0).getExactly().setCount(-1L)),
        invalid(api, CLAIM_TEST + " allocation-mode", "allocationMode other", FindingCode.ALLOCATION_MODE_COUNT,
            f -> f.devices().getRequests().get(0).getExactly().setAllocationMode("other")),
        invalid(api, CLAIM_TEST + " allocation-mode", "allocationMode All with count 2",
            FindingCode.ALLOCATION_MODE_COUNT, f -> {
              f.devices().getRequests().get(0).getExactly().setAllocationMode("All");
              f.devices().getRequests().get(0).getExactly().setCount(2L);
            }),
        invalid(api, CLAIM_TEST + " allocation-mode", "two requests named gpu", FindingCode.DUPLICATE_NAME,
            f -> f.devices().getRequests().add(new DeviceRequestBuilder().withName("gpu").withNewExactly()
                .withDeviceClassName("gpu.nvidia.com").endExactly().build())),
        invalid(api, CLAIM_TEST + " configuration", "a config entry without opaque", FindingCode.OPAQUE_MISSING,
            f -> f.devices().getConfig().add(new DeviceClaimConfigurationBuilder().build())),
        invalid(api, CLAIM_TEST + " configuration", "opaque driver " + BAD_NAME, FindingCode.OPAQUE_DRIVER_INVALID,
            f -> f.devices().getConfig().get(0).getOpaque().setDriver(BAD_NAME)),
        invalid(api, CLAIM_TEST + " configuration", "parameters a string, not an object",
            FindingCode.OPAQUE_PARAMETERS_INVALID, f -> f.devices().getConfig().get(0).getOpaque().setParameters("x")),
        invalid(api, CLAIM_TEST + " prioritized-list", "both exactly and firstAvailable",
            FindingCode.REQUEST_EXACTLY_ONE_OF, f -> f.devices().getRequests().get(0).setFirstAvailable(
                new ArrayList<>(List.of(new DeviceSubRequestBuilder().withName("a").withDeviceClassName("gpu.nvidia.com")
                    .build())))),
        invalid(api, CLAIM_TEST + " prioritized-list", "9 subrequests", FindingCode.LIMIT_EXCEEDED, f -> {
          DeviceRequest request = f.devices().getRequests().get(0);
          request.setExactly(null);
          List<io.fabric8.kubernetes.api.model.resource.v1.DeviceSubRequest> subs = new ArrayList<>();
          for (int i = 0; i < 9; i++) {
            subs.add(new DeviceSubRequestBuilder().withName("s" + i).withDeviceClassName("gpu.nvidia.com").build());
          }
          request.setFirstAvailable(subs);
          f.devices().getConfig().get(0).setRequests(new ArrayList<>());
        }),
        invalid(api, CLAIM_TEST + " prioritized-list", "a subrequest without a device class",
            FindingCode.DEVICE_CLASS_MISSING, f -> {
              DeviceRequest request = f.devices().getRequests().get(0);
              request.setExactly(null);
              request.setFirstAvailable(new ArrayList<>(List.of(new DeviceSubRequestBuilder().withName("a").build())));
              f.devices().getConfig().get(0).setRequests(new ArrayList<>());
            }),
        invalid(api, CLAIM_TEST + " bad-name", "request name " + BAD_NAME, FindingCode.INVALID_NAME, f -> {
          f.devices().getRequests().get(0).setName(BAD_NAME);
          f.devices().getConfig().get(0).setRequests(new ArrayList<>());
        }),

        // resource.k8s.io ResourceClaimTemplate
        valid(api, TEMPLATE_TEST + " good-claim", "a template beside the claim", f -> f.extra.add(template(f, "gpu-template"))),
        invalid(api, TEMPLATE_TEST + " missing-name", "a template without a name", FindingCode.INVALID_NAME,
            f -> f.extra.add(template(f, null))),
        invalid(api, TEMPLATE_TEST + " bad-name", "template name " + BAD_NAME, FindingCode.INVALID_NAME,
            f -> f.extra.add(template(f, BAD_NAME))),
        invalid(api, TEMPLATE_TEST + " bad-labels", "template label value '" + BAD_VALUE + "'", FindingCode.LABEL_INVALID,
            f -> {
              var template = template(f, "gpu-template");
              template.getMetadata().setLabels(new LinkedHashMap<>(Map.of("hello-world", BAD_VALUE)));
              f.extra.add(template);
            }),
        invalid(api, TEMPLATE_TEST + " bad-annotations", "template annotation key " + BAD_NAME,
            FindingCode.LABEL_INVALID, f -> {
              var template = template(f, "gpu-template");
              template.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(BAD_NAME, "hello world")));
              f.extra.add(template);
            }),
        invalid(api, TEMPLATE_TEST + " bad-classname", "template deviceClassName " + BAD_NAME,
            FindingCode.INVALID_NAME, f -> {
              var template = template(f, "gpu-template");
              template.getSpec().getSpec().getDevices().getRequests().get(0).getExactly().setDeviceClassName(BAD_NAME);
              f.extra.add(template);
            }),

        // resource.k8s.io DeviceClass
        valid(api, CLASS_TEST + " good-class", "a DeviceClass", f -> f.extra.add(deviceClass("gpu.example.com"))),
        invalid(api, CLASS_TEST + " bad-name", "DeviceClass name " + BAD_NAME, FindingCode.INVALID_NAME,
            f -> f.extra.add(deviceClass(BAD_NAME))),
        invalid(api, CLASS_TEST + " bad-labels", "DeviceClass label value '" + BAD_VALUE + "'", FindingCode.LABEL_INVALID,
            f -> {
              var deviceClass = deviceClass("gpu.example.com");
              deviceClass.getMetadata().setLabels(new LinkedHashMap<>(Map.of("hello-world", BAD_VALUE)));
              f.extra.add(deviceClass);
            }),
        invalid(api, CLASS_TEST + " bad-annotations", "DeviceClass annotation key " + BAD_NAME, FindingCode.LABEL_INVALID,
            f -> {
              var deviceClass = deviceClass("gpu.example.com");
              deviceClass.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(BAD_NAME, "hello world")));
              f.extra.add(deviceClass);
            }),

        // core: pod resourceClaims and container resources.claims
        valid(api, POD_TEST + " pod resourceClaims", "a container claim by request", f -> f.container().getResources()
            .getClaims().get(0).setRequest("gpu")),
        invalid(api, POD_TEST + " pod resourceClaims", "pod claim name not a DNS label", FindingCode.INVALID_NAME, f -> {
          f.pod().getResourceClaims().get(0).setName("GPU");
          f.container().getResources().getClaims().get(0).setName("GPU");
        }),
        invalid(api, POD_TEST + " pod resourceClaims", "two pod claim entries named gpu", FindingCode.DUPLICATE_NAME,
            f -> f.pod().getResourceClaims().add(new PodResourceClaimBuilder().withName("gpu")
                .withResourceClaimName("gpu-claim").build())),
        invalid(api, POD_TEST + " pod resourceClaims", "both resourceClaimName and resourceClaimTemplateName",
            FindingCode.POD_CLAIM_SOURCE, f -> f.pod().getResourceClaims().get(0).setResourceClaimTemplateName("t")),
        invalid(api, POD_TEST + " pod resourceClaims", "neither resourceClaimName nor resourceClaimTemplateName",
            FindingCode.POD_CLAIM_SOURCE, f -> f.pod().getResourceClaims().get(0).setResourceClaimName(null)),
        invalid(api, POD_TEST + " pod resourceClaims", "resourceClaimName .foo_bar", FindingCode.INVALID_NAME,
            f -> f.pod().getResourceClaims().get(0).setResourceClaimName(".foo_bar")),
        invalid(api, POD_TEST + " pod resourceClaims", "resourceClaimTemplateName .foo_bar", FindingCode.INVALID_NAME,
            f -> {
              f.pod().getResourceClaims().get(0).setResourceClaimName(null);
              f.pod().getResourceClaims().get(0).setResourceClaimTemplateName(".foo_bar");
            }),
        invalid(api, POD_TEST + " container resources.claims", "a container claim naming no pod entry",
            FindingCode.CONTAINER_CLAIM_UNKNOWN, f -> f.container().getResources().getClaims().get(0).setName("no-such-claim")),
        invalid(api, POD_TEST + " container resources.claims", "a container claim listed twice", FindingCode.DUPLICATE_NAME,
            f -> f.container().getResources().getClaims().add(new io.fabric8.kubernetes.api.model.ResourceClaimBuilder()
                .withName("gpu").build())),
        invalid(api, POD_TEST + " container resources.claims", "request " + BAD_NAME, FindingCode.INVALID_NAME,
            f -> f.container().getResources().getClaims().get(0).setRequest(BAD_NAME)),
        invalid(api, POD_TEST + " container resources.claims", "claim whole, then by request", FindingCode.DUPLICATE_NAME,
            f -> f.container().getResources().getClaims().add(new ResourceClaimBuilder().withName("gpu")
                .withRequest("gpu").build())),
        invalid(api, POD_TEST + " container resources.claims", "claim by request, then whole", FindingCode.DUPLICATE_NAME,
            f -> {
              f.container().getResources().getClaims().get(0).setRequest("gpu");
              f.container().getResources().getClaims().add(new ResourceClaimBuilder().withName("gpu").build());
            }),
        invalid(api, POD_TEST + " ephemeral containers", "resources.claims on an ephemeral container",
            FindingCode.FIELD_FORBIDDEN, f -> f.pod().setEphemeralContainers(new ArrayList<>(List.of(
                new EphemeralContainerBuilder().withName("debug").withImage("busybox").withNewResources()
                    .addNewClaim().withName("gpu").endClaim().endResources().build())))),
        invalid(api, POD_TEST + " labels", "pod template label value '" + BAD_VALUE + "'", FindingCode.LABEL_INVALID,
            f -> f.deployment.getSpec().getTemplate().getMetadata().getLabels().put("note", BAD_VALUE)),
        invalid(api, POD_TEST + " annotations", "Deployment annotation key " + BAD_NAME, FindingCode.LABEL_INVALID,
            f -> f.deployment.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(BAD_NAME, "x")))),
        invalid(api, POD_TEST + " ports", "containerPort 80000", FindingCode.PORT_RANGE,
            f -> f.container().setPorts(new ArrayList<>(List.of(new ContainerPortBuilder().withContainerPort(80000)
                .build())))),
        stricter(api, POD_TEST + " pod resourceClaims", "3 replicas at 0.42 on one shared GPU",
            FindingCode.GPU_MEMORY_OVERCOMMIT, "the API server admits any number of pods on a claim; 3 x 0.42 of"
                + " one GPU's memory cannot all start", f -> f.deployment.getSpec().setReplicas(3)),

        // NVIDIA driver
        valid(driver, WEBHOOK_TEST + " valid GpuConfig in ResourceClaim", "TimeSlicing, interval Default",
            f -> f.sharing().put("timeSlicingConfig", new LinkedHashMap<>(Map.of("interval", "Default")))),
        invalid(driver, WEBHOOK_TEST + " invalid GpuConfigs in ResourceClaim", "interval 'Invalid Interval'",
            FindingCode.TIME_SLICE_INTERVAL_UNKNOWN,
            f -> f.sharing().put("timeSlicingConfig", new LinkedHashMap<>(Map.of("interval", "Invalid Interval")))),
        invalid(driver, WEBHOOK_TEST + " invalid GpuConfigs in ResourceClaim", "MPS thread percentage -1",
            FindingCode.MPS_THREAD_PERCENTAGE_RANGE, f -> f.mps(Map.of("defaultActiveThreadPercentage", -1))),
        invalid(driver, SHARING + " MpsConfig.Validate", "MPS thread percentage 101",
            FindingCode.MPS_THREAD_PERCENTAGE_RANGE, f -> f.mps(Map.of("defaultActiveThreadPercentage", 101))),
        invalid(driver, SHARING + " strict decoding", "MPS thread percentage \"50\", a string", FindingCode.NVIDIA_FIELD_TYPE,
            f -> f.mps(Map.of("defaultActiveThreadPercentage", "50"))),
        valid(driver, SHARING + " MpsConfig.Validate", "MPS, 50% threads, 10Gi pinned",
            f -> f.mps(Map.of("defaultActiveThreadPercentage", 50, "defaultPinnedDeviceMemoryLimit", "10Gi"))),
        invalid(driver, SHARING + " limit.Megabyte", "pinned limit below 1Mi", FindingCode.MPS_PINNED_MEMORY_TOO_LOW,
            f -> f.mps(Map.of("defaultPinnedDeviceMemoryLimit", "512Ki"))),
        invalid(driver, SHARING + " GpuSharing.Validate", "strategy timeslicing", FindingCode.SHARING_STRATEGY_UNKNOWN,
            f -> f.sharing().put("strategy", "timeslicing")),
        invalid(driver, SHARING + " GpuSharing.Validate", "mpsConfig with TimeSlicing", FindingCode.SHARING_CONFIG_MISMATCH,
            f -> f.sharing().put("mpsConfig", new LinkedHashMap<>())),
        invalid(driver, SHARING + " strict decoding", "apiVersion resource.nvidia.com/v1",
            FindingCode.NVIDIA_API_VERSION_UNKNOWN, f -> f.parameters().put("apiVersion", "resource.nvidia.com/v1")),
        invalid(driver, SHARING + " strict decoding", "no kind", FindingCode.NVIDIA_CONFIG_TYPE_MISSING,
            f -> f.parameters().remove("kind")),
        invalid(driver, SHARING + " strict decoding", "kind GPUConfig", FindingCode.NVIDIA_CONFIG_KIND_UNKNOWN,
            f -> f.parameters().put("kind", "GPUConfig")),
        invalid(driver, SHARING + " strict decoding", "an unknown field", FindingCode.NVIDIA_UNKNOWN_FIELD,
            f -> f.parameters().put("shareing", Map.of())),
        invalid(driver, SHARING + " MpsPerDevicePinnedMemoryLimit.Normalize", "per-device key foo",
            FindingCode.MPS_DEVICE_KEY_INVALID, f -> f.mps(Map.of("defaultPerDevicePinnedMemoryLimit", Map.of("foo", "1Gi")))),
        invalid(driver, SHARING + " MpsPerDevicePinnedMemoryLimit.Normalize", "per-device index 1 of one device",
            FindingCode.MPS_DEVICE_KEY_INVALID, f -> f.mps(Map.of("defaultPerDevicePinnedMemoryLimit", Map.of("1", "1Gi")))),
        valid(driver, SHARING + " MpsPerDevicePinnedMemoryLimit.Normalize", "per-device key of the pinned UUID", f -> {
          pin(f, GPU_A);
          f.mps(Map.of("defaultPerDevicePinnedMemoryLimit", Map.of(GPU_A, "1Gi")));
        }),
        invalid(driver, SHARING + " MpsPerDevicePinnedMemoryLimit.Normalize", "per-device key of another UUID",
            FindingCode.MPS_DEVICE_KEY_INVALID, f -> {
              pin(f, GPU_A);
              f.mps(Map.of("defaultPerDevicePinnedMemoryLimit", Map.of(GPU_B, "1Gi")));
            }),
        valid(driver, SHARING + " GpuConfig.Validate", "a GpuConfig without sharing", f -> f.parameters().remove("sharing")),
        valid(driver, SHARING + " TimeSlicingConfig.Validate", "interval Long",
            f -> f.sharing().put("timeSlicingConfig", new LinkedHashMap<>(Map.of("interval", "Long")))),
        valid(driver, SHARING + " MpsConfig.Validate", "MPS thread percentage 0 (a WARNING only)",
            f -> f.mps(Map.of("defaultActiveThreadPercentage", 0))),
        invalid(driver, SHARING + " GpuSharing.Validate", "sharing without strategy", FindingCode.SHARING_STRATEGY_UNKNOWN,
            f -> f.sharing().remove("strategy")),
        invalid(driver, SHARING + " GpuSharing.Validate", "timeSlicingConfig with MPS", FindingCode.SHARING_CONFIG_MISMATCH,
            f -> f.mps(Map.of()).put("timeSlicingConfig", new LinkedHashMap<>(Map.of("interval", "Default")))),
        invalid(driver, SHARING + " strict decoding", "pinned limit 'abc', not a quantity",
            FindingCode.MPS_PINNED_MEMORY_TOO_LOW, f -> f.mps(Map.of("defaultPinnedDeviceMemoryLimit", "abc"))),
        invalid(driver, SHARING + " strict decoding", "timeSlicingConfig in a MigDeviceConfig", FindingCode.NVIDIA_UNKNOWN_FIELD,
            f -> {
              f.devices().getRequests().get(0).getExactly().setDeviceClassName("mig.nvidia.com");
              f.parameters().put("kind", "MigDeviceConfig");
            }),
        invalid(driver, SHARING + " MigDeviceConfig on a GPU", "MigDeviceConfig on gpu.nvidia.com",
            FindingCode.NVIDIA_CONFIG_DEVICE_MISMATCH, f -> {
              f.parameters().put("kind", "MigDeviceConfig");
              f.mps(Map.of());
            }),
        invalid(driver, SHARING + " GpuConfig on a MIG device", "GpuConfig on mig.nvidia.com",
            FindingCode.NVIDIA_CONFIG_DEVICE_MISMATCH,
            f -> f.devices().getRequests().get(0).getExactly().setDeviceClassName("mig.nvidia.com")),
        stricter(driver, SHARING + " MpsConfig.Validate", "MPS pinned 10Gi while vLLM takes 0.42 of a 40 GB GPU",
            FindingCode.MPS_PINNED_MEMORY_BELOW_UTILIZATION, "the driver applies any limit; vLLM's share of the"
                + " GPU does not fit under it", f -> {
              f.onProduct("NVIDIA A100-SXM4-40GB");
              f.mps(Map.of("defaultPinnedDeviceMemoryLimit", "10Gi"));
            }));
  }

  @Test
  void should_agree_with_the_api_server_and_the_driver_on_every_upstream_case() {
    // GIVEN
    List<Case> cases = cases();
    // WHEN
    Map<String, String> disagreements = new LinkedHashMap<>();
    Map<Peer, Integer> agreeing = new java.util.EnumMap<>(Peer.class);
    for (Case c : cases) {
      Fixture fixture = new Fixture();
      c.change().accept(fixture);
      List<Finding> errors = Validator.standard().validate(fixture.set()).findings().stream()
          .filter(finding -> finding.severity() == Severity.ERROR).toList();
      boolean agrees = c.code() == null ? errors.isEmpty()
          : errors.stream().anyMatch(finding -> finding.code().equals(c.code().name()));
      if (agrees) {
        agreeing.merge(c.peer(), 1, Integer::sum);
      } else {
        disagreements.put(c.peer() + " " + c.source() + ": " + c.name() + " (" + c.verdict() + ")",
            errors.stream().map(Finding::headline).collect(Collectors.joining("; ")));
      }
    }
    // THEN
    for (Peer peer : Peer.values()) {
      long total = cases.stream().filter(c -> c.peer() == peer).count();
      long invalid = cases.stream().filter(c -> c.peer() == peer && c.verdict() == Verdict.INVALID).count();
      long stricter = cases.stream().filter(c -> c.peer() == peer && c.stricter() != null).count();
      System.out.printf("%s: %d of %d upstream-derived cases agree (%d invalid, %d valid, %d stricter on purpose)%n",
          peer, agreeing.getOrDefault(peer, 0), total, invalid, total - invalid - stricter, stricter);
    }
    assertThat(disagreements).as("cases where gpushare and the peer disagree (case -> gpushare's ERRORs)")
        .isEmpty();
    assertThat(agreeing).containsEntry(Peer.API_SERVER, 59).containsEntry(Peer.DRIVER, 27);
    assertThat(cases).filteredOn(c -> c.peer() == Peer.API_SERVER).hasSize(59);
    assertThat(cases).filteredOn(c -> c.peer() == Peer.DRIVER).hasSize(27);
  }

  private static void requests(Fixture f, int count) {
    DeviceRequest first = f.devices().getRequests().get(0);
    for (int i = f.devices().getRequests().size(); i < count; i++) {
      f.devices().getRequests().add(new DeviceRequestBuilder(first).withName("gpu" + i).build());
    }
  }

  private static void pin(Fixture f, String uuid) {
    f.devices().getRequests().get(0).getExactly().setSelectors(new ArrayList<>(List.of(Validator_rules_Test.cel(
        "device.attributes[\"gpu.nvidia.com\"].uuid == \"" + uuid + "\""))));
  }

  private static io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate template(Fixture f, String name) {
    var devices = new io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimBuilder(f.devices()).build();
    return new ResourceClaimTemplateBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withNewSpec().withDevices(devices).endSpec().endSpec().build();
  }

  private static io.fabric8.kubernetes.api.model.resource.v1.DeviceClass deviceClass(String name) {
    return new DeviceClassBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .addNewSelector().withNewCel().withExpression("device.driver == \"gpu.nvidia.com\"").endCel().endSelector()
        .endSpec().build();
  }
}
