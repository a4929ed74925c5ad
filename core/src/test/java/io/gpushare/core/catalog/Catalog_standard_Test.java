package io.gpushare.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in GPUs: published memory, the total CUDA reports, and MIG profiles with their memory. */
class Catalog_standard_Test {

  @Test
  void should_give_the_cuda_total_vllm_logs_when_the_gpu_is_an_h100() {
    // GIVEN: vLLM logs "total_gpu_memory (79.19GiB)" on an H100 80GB whose driver publishes 81559 MiB
    // (shared/reference/vllm-memory/calibration.tsv, 58 start-up logs)
    GpuProduct h100 = Catalog.standard().gpuByProductName("NVIDIA H100 80GB HBM3").orElseThrow();
    // WHEN
    double gib = h100.cudaTotalBytes() / (1024.0 * 1024 * 1024);
    // THEN
    assertThat(h100.memoryMiB()).isEqualTo(81559);
    assertThat(h100.cudaTotalMiB()).isEqualTo(81090);
    assertThat(String.format(java.util.Locale.ROOT, "%.2f", gib)).isEqualTo("79.19");
  }

  @Test
  void should_give_each_profile_its_memory_when_nvidia_smi_publishes_it() {
    // GIVEN: nvidia-smi mig -lgip on an H100 80GB: 9.75, 19.62, 39.50, 79.25 GiB
    GpuProduct h100 = Catalog.standard().gpu("H100_80GB").orElseThrow();
    // WHEN / THEN
    assertThat(h100.mig()).extracting(p -> p.name() + " " + p.memoryMiB()).containsExactly(
        "1g.10gb 9984", "1g.10gb+me 9984", "1g.20gb 20096", "2g.20gb 20096", "3g.40gb 40448", "4g.40gb 40448",
        "7g.80gb 81152");
    assertThat(h100.migProfile("3g.40gb")).map(MigProfile::cudaTotalBytes).contains(40448L * 1024 * 1024);
    assertThat(h100.migProfiles()).startsWith("1g.10gb", "1g.10gb+me");
  }

  static Stream<Arguments> newGpus() {
    // productName and memory: vllm-project/vllm#56830 (H100 NVL), #10643 (GH200 96GB), nvidia-smi output for
    // the others; profiles: NVIDIA/mig-parted config-default.yaml (shared/reference/nvidia-dra-driver.md 5.3)
    return Stream.of(
        Arguments.of("NVIDIA H100 NVL", 95830, List.of("1g.12gb", "1g.12gb+me", "1g.24gb", "2g.24gb", "3g.47gb",
            "4g.47gb", "7g.94gb")),
        Arguments.of("NVIDIA GH200 480GB", 97871, List.of("1g.12gb", "2g.24gb", "3g.48gb", "4g.48gb", "7g.96gb")),
        Arguments.of("NVIDIA GH200 144G HBM3e", 146831, List.of("1g.18gb", "1g.18gb+me", "1g.36gb", "2g.36gb",
            "3g.72gb", "4g.72gb", "7g.144gb")),
        Arguments.of("NVIDIA B200", 183359, List.of("1g.23gb", "1g.23gb+me", "1g.45gb", "2g.45gb", "3g.90gb",
            "4g.90gb", "7g.180gb")),
        Arguments.of("NVIDIA A30", 24576, List.of("1g.6gb", "1g.6gb+me", "2g.12gb", "2g.12gb+me", "4g.24gb")),
        Arguments.of("NVIDIA RTX PRO 6000 Blackwell Server Edition", 97887, List.of("1g.24gb", "1g.24gb+me",
            "2g.48gb", "4g.96gb")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newGpus")
  void should_know_the_gpu_and_its_profiles_when_the_driver_publishes_its_product_name(String productName,
      long memoryMiB, List<String> profiles) {
    // WHEN
    GpuProduct gpu = Catalog.standard().gpuByProductName(productName).orElseThrow();
    // THEN: the CUDA total derived as the published memory less the H100's measured 469 MiB
    assertThat(gpu.memoryMiB()).isEqualTo(memoryMiB);
    assertThat(gpu.cudaTotalMiB()).isEqualTo(memoryMiB - 469);
    assertThat(gpu.migProfiles()).containsExactlyElementsOf(profiles);
    assertThat(gpu.mig()).allSatisfy(profile -> assertThat(profile.memoryMiB()).isLessThan(memoryMiB));
  }

  @Test
  void should_derive_a_profile_memory_from_its_name_when_none_is_published() {
    // WHEN
    MigProfile derived = MigProfile.derived("3g.47gb");
    // THEN: 47 GiB x 0.975 = 46924.8 MiB, rounded down to 128 MiB
    assertThat(derived).isEqualTo(new MigProfile("3g.47gb", 46848, 46848));
    assertThat(MigProfile.derived("1g.10gb").memoryMiB()).isEqualTo(9984); // the H100's published figure
  }

  @Test
  void should_keep_names_and_derive_memory_when_built_from_profile_names() {
    // WHEN
    GpuProduct gpu = new GpuProduct("ACME", List.of("ACME X1"), 40960, List.of("1g.5gb", "7g.40gb"));
    // THEN
    assertThat(gpu.cudaTotalMiB()).isEqualTo(40491);
    assertThat(gpu.migProfiles()).containsExactly("1g.5gb", "7g.40gb");
    assertThat(gpu.migProfile("7g.40gb")).map(MigProfile::memoryMiB).contains(39936L);
    assertThat(gpu.supportsMig()).isTrue();
  }
}
