package io.gpushare.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several vLLM servers on one shared device: what the release and the start-up add to the sum of the
 * fractions. Sources: shared/reference/vllm-memory.md sections 1, 2 and 4, gpu-memory-measured.md.
 */
class ColocatedServers_check_Test {
  private static final String REFUSAL = "vLLM refuses the later server: \"Free memory on device cuda:0 (...) on"
      + " startup is less than desired GPU memory utilization (...). Decrease GPU memory utilization or reduce GPU"
      + " memory used by other processes.\"";

  private static List<Finding> findings(ManifestSet set) {
    return Validator.standard().validate(set).findings();
  }

  private static List<Finding> findings(Fixture fixture) {
    return findings(fixture.set());
  }

  @Test
  void should_refuse_two_servers_at_half_each_when_the_gpu_is_unknown() {
    // GIVEN 2 x 0.50 on a claim without a GPU selector: the fractions sum to exactly 1.00
    // (gpu-memory-measured.md: the second of two processes at 0.50 of an H100 runs out of memory)
    Fixture fixture = new Fixture();
    fixture.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.50");
    // WHEN
    List<Finding> findings = findings(fixture);
    // THEN
    assertThat(findings).extracting(Finding::headline).containsExactly(
        "ERROR GPU_MEMORY_CONTEXT_MARGIN ResourceClaim[gpu-claim]: expected the shares to leave room for the CUDA"
            + " context each of the 2 processes takes outside its share (about 0.5 GiB), found 1.00 of the GPU's memory"
            + " requested: Deployment[vllm-gpu] 2 x 0.50; " + REFUSAL);
    assertThat(findings.get(0).hint()).isEqualTo("lower --gpu-memory-utilization so that the shares sum to less than"
        + " 1.00: two contexts take about 0.013 of an 80 GB GPU and 0.026 of a 40 GB one");
  }

  @Test
  void should_refuse_two_servers_at_half_each_on_an_a100_40gb() {
    // GIVEN 2 x 0.50 of an A100 40GB on vLLM 0.11.0 (CUDA graphs outside the share before 0.21.0)
    Fixture fixture = new Fixture();
    fixture.onProduct("NVIDIA A100-SXM4-40GB");
    fixture.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.50");
    // WHEN
    List<Finding> findings = findings(fixture);
    // THEN
    assertThat(findings).extracting(Finding::headline).containsExactly(
        "ERROR GPU_MEMORY_CONTEXT_MARGIN ResourceClaim[gpu-claim]: expected the shares and what each vLLM process"
            + " takes outside its share to fit the 39.5 GiB device, found 1.00 of it requested (Deployment[vllm-gpu]"
            + " 2 x 0.50, 39.5 GiB) + 2 x 0.5 GiB of CUDA context + 2 x 0.3 GiB of CUDA graphs (outside the share"
            + " before vLLM 0.21.0) = 41.1 GiB; " + REFUSAL);
    assertThat(findings.get(0).hint()).isEqualTo("lower --gpu-memory-utilization so that the shares sum to at most"
        + " 0.95, or use vLLM 0.21.0 or later, which keeps CUDA graphs inside the share");
  }

  @Test
  void should_count_only_the_contexts_when_vllm_keeps_cuda_graphs_inside_the_share() {
    // GIVEN vLLM 0.21.0 (PR #38284: CUDA graphs profiled inside the budget), 2 x 0.49 of an A100 40GB
    Fixture fixture = new Fixture();
    fixture.onProduct("NVIDIA A100-SXM4-40GB");
    fixture.container().setImage("vllm/vllm-openai:v0.21.0");
    fixture.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.49");
    // WHEN
    List<Finding> findings = findings(fixture);
    // THEN 38.8 GiB + 2 x 0.5 GiB > 39.5 GiB (what CUDA reports of an A100 40GB)
    assertThat(findings).extracting(Finding::headline).containsExactly(
        "ERROR GPU_MEMORY_CONTEXT_MARGIN ResourceClaim[gpu-claim]: expected the shares and what each vLLM process"
            + " takes outside its share to fit the 39.5 GiB device, found 0.98 of it requested (Deployment[vllm-gpu]"
            + " 2 x 0.49, 38.8 GiB) + 2 x 0.5 GiB of CUDA context = 39.8 GiB; " + REFUSAL);
    assertThat(findings.get(0).hint()).isEqualTo("lower --gpu-memory-utilization so that the shares sum to at most"
        + " 0.97");
  }

  @Test
  void should_only_warn_about_the_margin_when_the_release_does_not_check_free_memory() {
    // GIVEN vLLM 0.7.3 (no start-up free-memory check before PR #18974, 0.9.1), 2 x 0.49 of an A100 40GB,
    // started one after another so that only the margin is in question
    Fixture fixture = new Fixture();
    fixture.onProduct("NVIDIA A100-SXM4-40GB");
    fixture.container().setImage("vllm/vllm-openai:v0.7.3");
    fixture.args("--model=google/gemma-3-1b-it", "--gpu-memory-utilization=0.49");
    // WHEN
    List<Finding> findings = findings(ManifestSet.of(List.of(new Manifest(fixture.claim, "claim.yaml", "test"),
        new Manifest(orderedStatefulSet(fixture, "OrderedReady"), "vllm.yaml", "test"))));
    // THEN
    assertThat(findings).filteredOn(f -> f.code().startsWith("GPU_MEMORY")).extracting(Finding::headline).containsExactly(
        "WARNING GPU_MEMORY_CONTEXT_MARGIN ResourceClaim[gpu-claim]: expected the shares and what each vLLM process"
            + " takes outside its share to fit the 39.5 GiB device, found 0.98 of it requested (StatefulSet[vllm-gpu]"
            + " 2 x 0.49, 38.8 GiB) + 2 x 0.5 GiB of CUDA context + 2 x 0.3 GiB of CUDA graphs (outside the share"
            + " before vLLM 0.21.0) = 40.4 GiB; this vLLM release does not check free memory at start-up (0.9.1 and"
            + " later do), so the later server starts and may run out of memory");
  }

  @Test
  void should_refuse_colocation_when_vllm_0_6_4_counts_the_other_process() {
    // GIVEN two replicas of vLLM 0.6.4 (PR #9352; issues #10451, #10643: the second instance sees the
    // first one's memory as its own), at a comfortable 2 x 0.42
    Fixture fixture = new Fixture();
    fixture.container().setImage("vllm/vllm-openai:v0.6.4");
    // WHEN
    List<Finding> findings = findings(fixture);
    // THEN
    assertThat(findings).extracting(Finding::headline).contains(
        "ERROR VLLM_COLOCATION_UNSUPPORTED ResourceClaim[gpu-claim]: expected vLLM releases that can share a GPU,"
            + " found 2 servers on ResourceClaim[gpu-claim] (Deployment[vllm-gpu] 2 x 0.42) running vLLM 0.6.4, which"
            + " counts the memory of every process on the GPU as its own: the later server cannot start whatever the"
            + " fractions");
    assertThat(findings).extracting(Finding::code).doesNotContain("VLLM_STARTUP_RACE", "GPU_MEMORY_CONTEXT_MARGIN");
    assertThat(findings).filteredOn(f -> f.code().equals("VLLM_COLOCATION_UNSUPPORTED")).first()
        .extracting(Finding::hint).isEqualTo("use vLLM 0.6.5 to 0.7.x or 0.9.1 and later (0.6.4 and the V1 engine of"
            + " 0.8.0 to 0.9.0 count other processes, vLLM issues #10451 and #17979), or give each server its own GPU"
            + " with a ResourceClaimTemplate");
  }

  @Test
  void should_refuse_colocation_when_the_v1_engine_of_0_8_5_post1_counts_the_other_process() {
    // GIVEN vLLM 0.8.5.post1 (issue #17979: the V1 engine, default from 0.8.0, counts other processes) in a
    // StatefulSet that starts its servers one after another: ordering does not help
    Fixture fixture = new Fixture();
    fixture.container().setImage("vllm/vllm-openai:v0.8.5.post1");
    // WHEN
    List<Finding> findings = findings(ManifestSet.of(List.of(new Manifest(fixture.claim, "claim.yaml", "test"),
        new Manifest(orderedStatefulSet(fixture, "OrderedReady"), "vllm.yaml", "test"))));
    // THEN
    assertThat(findings).extracting(Finding::headline).containsExactly(
        "ERROR VLLM_COLOCATION_UNSUPPORTED ResourceClaim[gpu-claim]: expected vLLM releases that can share a GPU,"
            + " found 2 servers on ResourceClaim[gpu-claim] (StatefulSet[vllm-gpu] 2 x 0.42) running vLLM 0.8.5.post1,"
            + " which counts the memory of every process on the GPU as its own: the later server cannot start"
            + " whatever the fractions");
  }

  @Test
  void should_warn_of_the_startup_race_when_the_tutorials_two_replicas_start_together() {
    // GIVEN the tutorial: a Deployment starts both replicas at once (vLLM issues #9198, #45534, #56830; a
    // maintainer in PR #18974: "two vLLM instances should not be initialized at the same time on the same GPU")
    // WHEN
    List<Finding> findings = findings(Fixture.tutorial());
    // THEN
    Finding race = findings.stream().filter(f -> f.code().equals("VLLM_STARTUP_RACE")).findFirst().orElseThrow();
    assertThat(race.headline()).isEqualTo("WARNING VLLM_STARTUP_RACE ResourceClaim[gpu-claim]: expected co-located"
        + " vLLM servers to start one after another, found 2 servers on ResourceClaim[gpu-claim] that can start"
        + " together (Deployment[vllm-gpu] starts its 2 pods at once); each profiles the device's memory while the"
        + " other loads and counts its growth as its own: \"No available memory for the cache blocks\" or \"Error in"
        + " memory profiling\" until a restart");
    assertThat(race.hint()).isEqualTo("start them one after another: one StatefulSet with the default"
        + " podManagementPolicy OrderedReady and a readinessProbe on the vLLM container; or size each KV cache with"
        + " --kv-cache-memory-bytes (vLLM 0.11.0 and later, not vLLM 0.7.2), which skips the profiling");
  }

  @Test
  void should_find_no_race_when_an_ordered_statefulset_waits_for_each_server_to_be_ready() {
    // GIVEN the tutorial's server in a StatefulSet with OrderedReady (the default) and its readiness probe,
    // without --kv-cache-memory-bytes
    Fixture fixture = new Fixture();
    fixture.container().getArgs().remove(Fixture.KV_CACHE);
    StatefulSet ordered = orderedStatefulSet(fixture, null);
    // WHEN
    List<Finding> findings = findings(ManifestSet.of(List.of(new Manifest(fixture.claim, "claim.yaml", "test"),
        new Manifest(ordered, "vllm.yaml", "test"))));
    // THEN
    assertThat(fixture.container().getReadinessProbe()).isNotNull();
    assertThat(findings).isEmpty();
  }

  @Test
  void should_warn_of_the_startup_race_when_a_statefulset_starts_its_pods_in_parallel() {
    // GIVEN podManagementPolicy: Parallel, without --kv-cache-memory-bytes
    Fixture fixture = new Fixture();
    fixture.container().getArgs().remove(Fixture.KV_CACHE);
    // WHEN
    List<Finding> findings = findings(ManifestSet.of(List.of(new Manifest(fixture.claim, "claim.yaml", "test"),
        new Manifest(orderedStatefulSet(fixture, "Parallel"), "vllm.yaml", "test"))));
    // THEN
    assertThat(findings).extracting(Finding::headline).containsExactly("WARNING VLLM_STARTUP_RACE"
        + " ResourceClaim[gpu-claim]: expected co-located vLLM servers to start one after another, found 2 servers on"
        + " ResourceClaim[gpu-claim] that can start together (StatefulSet[vllm-gpu] starts its 2 pods at once"
        + " (podManagementPolicy: Parallel)); each profiles the device's memory while the other loads and counts its"
        + " growth as its own: \"No available memory for the cache blocks\" or \"Error in memory profiling\" until a"
        + " restart");
  }

  @Test
  void should_warn_of_the_startup_race_when_the_ordered_servers_have_no_readiness_probe() {
    // GIVEN OrderedReady without a readiness probe: a pod is Ready as soon as its containers run
    Fixture fixture = new Fixture();
    fixture.container().getArgs().remove(Fixture.KV_CACHE);
    fixture.container().setReadinessProbe(null);
    // WHEN
    List<Finding> findings = findings(ManifestSet.of(List.of(new Manifest(fixture.claim, "claim.yaml", "test"),
        new Manifest(orderedStatefulSet(fixture, "OrderedReady"), "vllm.yaml", "test"))));
    // THEN
    assertThat(findings).extracting(Finding::message).containsExactly("expected co-located vLLM servers to start one"
        + " after another, found 2 servers on ResourceClaim[gpu-claim] that can start together (StatefulSet[vllm-gpu]"
        + " starts its pods in order, but without a readinessProbe on the vLLM container a pod is ready as soon as it"
        + " runs); each profiles the device's memory while the other loads and counts its growth as its own: \"No"
        + " available memory for the cache blocks\" or \"Error in memory profiling\" until a restart");
  }

  @Test
  void should_warn_of_the_startup_race_when_two_workloads_share_a_claim() {
    // GIVEN two ordered StatefulSets on one claim: each orders its own pods, not the other's
    Fixture fixture = new Fixture();
    fixture.container().getArgs().remove(Fixture.KV_CACHE);
    StatefulSet first = new StatefulSetBuilder(orderedStatefulSet(fixture, null)).editSpec().withReplicas(1).endSpec()
        .build();
    StatefulSet second = new StatefulSetBuilder(first).editMetadata().withName("vllm-other").endMetadata().build();
    // WHEN
    List<Finding> findings = findings(ManifestSet.of(List.of(new Manifest(fixture.claim, "claim.yaml", "test"),
        new Manifest(first, "vllm.yaml", "test"), new Manifest(second, "vllm.yaml", "test"))));
    // THEN
    assertThat(findings).extracting(Finding::code).containsExactly("VLLM_STARTUP_RACE");
    assertThat(findings.get(0).message()).contains("(StatefulSet[vllm-gpu] and StatefulSet[vllm-other] start"
        + " independently)");
  }

  /** The fixture's server in a StatefulSet of 2 with {@code policy} (null: the default, OrderedReady). */
  private static StatefulSet orderedStatefulSet(Fixture fixture, String policy) {
    var spec = fixture.deployment.getSpec();
    return new StatefulSetBuilder()
        .withApiVersion("apps/v1").withKind("StatefulSet")
        .withNewMetadata().withName("vllm-gpu").endMetadata()
        .withNewSpec().withReplicas(2).withServiceName("vllm-gpu").withPodManagementPolicy(policy)
        .withSelector(spec.getSelector()).withTemplate(spec.getTemplate()).endSpec()
        .build();
  }
}
