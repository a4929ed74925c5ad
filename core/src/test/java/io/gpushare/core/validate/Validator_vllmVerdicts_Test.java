package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.gpushare.core.model.MigDeviceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdicts of issue 12 on vLLM's parallelism, flags and pod, each with its source: parallelism
 * over data-parallel ranks, short forms and device-plugin limits, tensor parallelism over MIG slices,
 * repeatable flags, a Service named {@code vllm}, {@code /dev/shm}, {@code CUDA_VISIBLE_DEVICES}, and
 * the GPUs the catalog now knows. Cases start from {@link Fixture} and change one thing.
 */
class Validator_vllmVerdicts_Test {
  private static final String POD = "Deployment[vllm-gpu].spec.template.spec";
  private static final String CONTAINER = POD + ".containers[0]";
  private static final String DEVICES = "ResourceClaim[gpu-claim].spec.devices";
  private static final String MODEL = "--model=google/gemma-3-1b-it";
  private static final String UTILIZATION = "--gpu-memory-utilization=0.42";

  private static Arguments passes(String name, Consumer<Fixture> change) {
    return Arguments.of(name, change, List.of());
  }

  private static Arguments fails(String name, Consumer<Fixture> change, String... headlines) {
    return Arguments.of(name, change, List.of(headlines));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // devices used = data parallel (local) x tensor x pipeline: vllm/v1/worker/gpu_worker.py takes device
        // dp_local_rank x tp_pp_world_size + local_rank; the local size defaults to --data-parallel-size, is
        // --data-parallel-size-local when given, 1 with --data-parallel-rank (vllm/engine/arg_utils.py)
        passes("--data-parallel-size 2 on two devices", f -> {
              twoDevices(f);
              f.args(MODEL, UTILIZATION, "--data-parallel-size", "2");
            }),
        passes("-dp=2 on two devices", f -> {
              twoDevices(f);
              f.args(MODEL, UTILIZATION, "-dp=2");
            }),
        passes("-tp 2 -pp 1 on two devices", f -> {
              twoDevices(f);
              f.args(MODEL, UTILIZATION, "-tp", "2", "-pp", "1");
            }),
        passes("--tensor_parallel_size 2 on two devices", f -> {
              twoDevices(f);
              f.args(MODEL, UTILIZATION, "--tensor_parallel_size", "2");
            }),
        passes("-dp 2 -tp 2 on four devices", f -> {
              f.devices().getRequests().get(0).getExactly().setCount(4L);
              f.args(MODEL, UTILIZATION, "-dp", "2", "-tp", "2");
            }),
        passes("--data-parallel-size 4 --data-parallel-size-local 2 on two devices", f -> {
              twoDevices(f);
              f.args(MODEL, UTILIZATION, "--data-parallel-size", "4", "--data-parallel-size-local", "2");
            }),
        passes("--data-parallel-size 4 --data-parallel-rank 1 on one device (external load balancing)",
            f -> f.args(MODEL, UTILIZATION, "--data-parallel-size", "4", "--data-parallel-rank", "1")),
        fails("--data-parallel-size 2 on one device", f -> f.args(MODEL, UTILIZATION, "--data-parallel-size", "2"),
            "ERROR VLLM_PARALLELISM_MISMATCH " + CONTAINER + ".args[3]: expected --data-parallel-size x"
                + " --tensor-parallel-size x --pipeline-parallel-size to equal the 1 device the container's claims"
                + " give it, found 2 x 1 x 1"),
        fails("--tensor-parallel-size 1 on two devices: one sits idle", f -> {
              twoDevices(f);
              f.args(MODEL, UTILIZATION, "--tensor-parallel-size=1");
            },
            "WARNING VLLM_PARALLELISM_MISMATCH " + CONTAINER + ".args[2]: expected --tensor-parallel-size x"
                + " --pipeline-parallel-size to equal the 2 devices the container's claims give it, found 1 x 1"),
        // the device plugin's nvidia.com/gpu limit gives the container its devices as a claim does
        fails("--tensor-parallel-size 4 with nvidia.com/gpu: 1", f -> {
              devicePlugin(f, "nvidia.com/gpu", "1");
              f.args(MODEL, UTILIZATION, "--tensor-parallel-size", "4");
            },
            "ERROR VLLM_PARALLELISM_MISMATCH " + CONTAINER + ".args[3]: expected --tensor-parallel-size x"
                + " --pipeline-parallel-size to equal the 1 device its nvidia.com/gpu limit gives it, found 4 x 1"),
        passes("--tensor-parallel-size 4 with nvidia.com/gpu: 4", f -> {
              devicePlugin(f, "nvidia.com/gpu", "4");
              f.args(MODEL, UTILIZATION, "--tensor-parallel-size", "4");
            }),

        // a CUDA process enumerates one MIG device (NVIDIA MIG user guide on device enumeration, quoted in
        // pytorch/pytorch#130181; vllm-project/vllm#7211): tensor parallelism over slices cannot start
        fails("--tensor-parallel-size 2 over two MIG slices of a claim", f -> {
              migSlices(f, 2, "3g.40gb");
              f.args(MODEL, UTILIZATION, "--tensor-parallel-size=2");
            },
            "ERROR VLLM_PARALLEL_ACROSS_MIG " + CONTAINER + ".args[2]: expected --tensor-parallel-size x"
                + " --pipeline-parallel-size of 1 on MIG slices (a CUDA process sees one MIG device), found 2 x 1 on"
                + " the MIG slices the container's claims give it"),
        fails("--pipeline-parallel-size 2 over two nvidia.com/mig-1g.10gb slices", f -> {
              devicePlugin(f, "nvidia.com/mig-1g.10gb", "2");
              f.args(MODEL, UTILIZATION, "-pp", "2");
            },
            "ERROR VLLM_PARALLEL_ACROSS_MIG " + CONTAINER + ".args[3]: expected --tensor-parallel-size x"
                + " --pipeline-parallel-size of 1 on MIG slices (a CUDA process sees one MIG device), found 1 x 2 on"
                + " the MIG slices its nvidia.com/mig-1g.10gb limit gives it"),
        passes("one server on one MIG slice", f -> migSlices(f, 1, "3g.40gb")),

        // --middleware is action="append" (vllm/entrypoints/openai/cli_args.py); other repeats: vLLM logs
        // "Found duplicate keys" and keeps the last (vllm/utils/argparse_utils.py)
        passes("--middleware twice", f -> f.args(MODEL, UTILIZATION, "--middleware", "a.Auth", "--middleware",
            "b.Log")),
        passes("a dotted list item twice", f -> f.args(MODEL, UTILIZATION, "--compilation-config.custom_ops+",
            "none", "--compilation-config.custom_ops+", "+rms_norm")),
        fails("--max-model-len twice", f -> f.args(MODEL, UTILIZATION, "--max-model-len", "4096",
                "--max-model-len=8192"),
            "WARNING VLLM_FLAG_DUPLICATE " + CONTAINER + ".args[4]: expected --max-model-len once, found it again"
                + " (first at args[3])"),

        // a Service named vllm gives pods VLLM_PORT=tcp://...; vllm/envs.py get_vllm_port raises "appears to be a
        // URI" (PR #18209; vLLM environment-variable docs; vllm-project/vllm#34199)
        fails("a Service named vllm", f -> f.service.getMetadata().setName("vllm"),
            "ERROR VLLM_SERVICE_NAME_CONFLICT Service[vllm].metadata.name: expected no Service named vllm beside"
                + " Deployment[vllm-gpu], found one: Kubernetes gives its pods VLLM_PORT=tcp://<service IP>:<port>,"
                + " which vLLM reads as its own port setting and exits (\"VLLM_PORT 'tcp://...' appears to be a"
                + " URI\")"),
        passes("a Service named vllm with enableServiceLinks: false", f -> {
              f.service.getMetadata().setName("vllm");
              f.pod().setEnableServiceLinks(false);
            }),
        passes("a Service named vllm with VLLM_PORT set in the container", f -> {
              f.service.getMetadata().setName("vllm");
              f.container().getEnv().add(new EnvVar("VLLM_PORT", "5570", null));
            }),

        // tensor parallelism exchanges tensors through /dev/shm (vLLM Docker docs: --ipc=host or --shm-size)
        fails("--tensor-parallel-size 2 without /dev/shm", f -> {
              twoDevices(f);
              f.container().getVolumeMounts().clear();
              f.pod().getVolumes().clear();
              f.args(MODEL, UTILIZATION, "--tensor-parallel-size=2");
            },
            "WARNING VLLM_SHM_MISSING " + CONTAINER + ".volumeMounts: expected an emptyDir with medium: Memory"
                + " mounted at /dev/shm for --tensor-parallel-size 2 (its workers exchange tensors through shared"
                + " memory, and a container's own /dev/shm is 64 MiB), found none"),

        passes("--tensor-parallel-size 4 over a Ray cluster, one GPU per pod, without /dev/shm", f -> {
              devicePlugin(f, "nvidia.com/gpu", "1");
              f.container().getVolumeMounts().clear();
              f.pod().getVolumes().clear();
              f.args(MODEL, UTILIZATION, "--distributed-executor-backend", "ray", "--tensor-parallel-size", "4");
            }),

        // CUDA_VISIBLE_DEVICES by hand beside DRA names devices the container may not have (vllm-project/vllm#6551)
        fails("CUDA_VISIBLE_DEVICES beside a claim", f -> f.container().getEnv().add(
                new EnvVar("CUDA_VISIBLE_DEVICES", "1", null)),
            "WARNING CUDA_VISIBLE_DEVICES_SET " + CONTAINER + ".env[2]: expected the devices of the container's"
                + " claims to be all CUDA sees (the DRA driver makes exactly those visible), found"
                + " CUDA_VISIBLE_DEVICES set by hand to '1'"),

        // GPUs of shared/reference/vllm-memory.md section 7, with MIG profiles from mig-parted config-default.yaml
        passes("a 3g.47gb slice of an H100 NVL", f -> migOn(f, "NVIDIA H100 NVL", "3g.47gb")),
        passes("a 3g.48gb slice of a GH200 96GB", f -> migOn(f, "NVIDIA GH200 480GB", "3g.48gb")),
        passes("a 3g.72gb slice of a GH200 144GB", f -> migOn(f, "NVIDIA GH200 144G HBM3e", "3g.72gb")),
        passes("a 1g.23gb slice of a B200", f -> migOn(f, "NVIDIA B200", "1g.23gb")),
        passes("a 4g.24gb slice of an A30", f -> migOn(f, "NVIDIA A30", "4g.24gb")),
        passes("a 2g.48gb slice of an RTX PRO 6000", f -> migOn(f, "NVIDIA RTX PRO 6000 Blackwell Server Edition",
            "2g.48gb")),
        fails("an H100 80GB profile on an H100 NVL", f -> migOn(f, "NVIDIA H100 NVL", "3g.40gb"),
            "ERROR MIG_PROFILE_UNKNOWN " + DEVICES + ".requests: expected a MIG profile of NVIDIA H100 NVL [1g.12gb,"
                + " 1g.12gb+me, 1g.24gb, 2g.24gb, 3g.47gb, 4g.47gb, 7g.94gb], found '3g.40gb'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_report_exactly_the_expected_findings(String name, Consumer<Fixture> change, List<String> expected) {
    // GIVEN the clean fixture changed by the case, WHEN validated, THEN exactly its findings, each with a hint
    Fixture.assertFindings(change, expected);
  }

  @Test
  void should_not_suggest_tensor_parallelism_when_the_model_does_not_fit_a_mig_slice() {
    // GIVEN: Llama 3.1 70B on one 1g.10gb slice; more tensor-parallel devices cannot help on MIG
    // (VLLM_PARALLEL_ACROSS_MIG), so the hint must not offer them
    Fixture fixture = new Fixture();
    migSlices(fixture, 1, "1g.10gb");
    fixture.args("--model=meta-llama/Llama-3.1-70B-Instruct", UTILIZATION);
    // WHEN
    ValidationReport report = Validator.standard().validate(fixture.set());
    // THEN
    assertThat(report.findings()).filteredOn(finding -> finding.code().equals("MODEL_DOES_NOT_FIT"))
        .extracting(Finding::hint)
        .containsExactly("use a bigger MIG profile or a whole GPU, a higher --gpu-memory-utilization, or a smaller"
            + " model");
  }

  @Test
  void should_still_suggest_tensor_parallelism_when_the_model_does_not_fit_a_whole_gpu() {
    // GIVEN: Llama 3.1 70B on 0.42 of an L4
    Fixture fixture = new Fixture();
    fixture.onProduct("NVIDIA L4");
    fixture.args("--model=meta-llama/Llama-3.1-70B-Instruct", UTILIZATION);
    // WHEN
    ValidationReport report = Validator.standard().validate(fixture.set());
    // THEN
    assertThat(report.findings()).filteredOn(finding -> finding.code().equals("MODEL_DOES_NOT_FIT"))
        .extracting(Finding::hint)
        .containsExactly("use a bigger device or MIG profile, more tensor-parallel devices, a higher"
            + " --gpu-memory-utilization, or a smaller model");
  }

  private static void twoDevices(Fixture f) {
    f.devices().getRequests().get(0).getExactly().setCount(2L);
  }

  /** The container gets its devices from the device plugin: no pod claim (the claim stays unused), a limit. */
  private static void devicePlugin(Fixture f, String resource, String count) {
    f.pod().getResourceClaims().clear();
    f.container().getResources().getClaims().clear();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put(resource, new Quantity(count));
    f.container().getResources().setLimits(limits);
  }

  /** The claim asks for MIG slices of one profile, with no sharing config. */
  private static void migSlices(Fixture f, long count, String profile) {
    var exactly = f.devices().getRequests().get(0).getExactly();
    exactly.setDeviceClassName(MigDeviceConfig.DEVICE_CLASS);
    exactly.setCount(count);
    exactly.setSelectors(new ArrayList<>(List.of(
        Validator_rules_Test.cel("device.attributes[\"gpu.nvidia.com\"].profile == \"" + profile + "\""))));
    f.devices().getConfig().clear();
  }

  private static void migOn(Fixture f, String productName, String profile) {
    migSlices(f, 1, profile);
    f.devices().getRequests().get(0).getExactly().getSelectors().add(0,
        Validator_rules_Test.cel("device.attributes[\"gpu.nvidia.com\"].productName == \"" + productName + "\""));
  }
}
