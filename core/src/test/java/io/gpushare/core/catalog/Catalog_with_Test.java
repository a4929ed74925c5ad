package io.gpushare.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpushare.core.TestCatalogs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Catalog_with_Test {

  @Test
  void should_know_the_built_in_entries_and_the_users_when_the_user_adds_new_ones() {
    // WHEN
    Catalog catalog = TestCatalogs.standardWithAcme();
    // THEN
    assertThat(catalog.gpuByProductName("ACME X1 96GB")).map(GpuProduct::memoryMiB).contains(98304L);
    assertThat(catalog.gpuByProductName("NVIDIA A100-SXM4-40GB")).map(GpuProduct::id).contains("A100_40GB");
    assertThat(catalog.model("acme/acme-chat-40b")).isPresent();
    assertThat(catalog.model("google/gemma-3-1b-it")).isPresent();
    assertThat(catalog.gpus()).hasSize(Catalog.standard().gpus().size() + 1);
    assertThat(catalog.gpus().get(0).productName()).isEqualTo("ACME X1 96GB");
  }

  @Test
  void should_replace_a_built_in_gpu_name_by_name_when_the_user_describes_the_same_product_name() {
    // GIVEN: the SXM4 A100 40GB with less memory; the PCIe one is not mentioned
    Catalog mine = Catalog.of(List.of(new GpuProduct("mine", List.of("NVIDIA A100-SXM4-40GB"), 40000, List.of())),
        List.of());
    // WHEN
    Catalog catalog = Catalog.standard().with(mine);
    // THEN
    assertThat(catalog.gpuByProductName("NVIDIA A100-SXM4-40GB")).map(GpuProduct::memoryMiB).contains(40000L);
    assertThat(catalog.gpuByProductName("NVIDIA A100-PCIE-40GB")).map(GpuProduct::memoryMiB).contains(40960L);
    assertThat(catalog.gpus()).filteredOn(gpu -> gpu.productNames().contains("NVIDIA A100-SXM4-40GB")).hasSize(1);
  }

  @Test
  void should_replace_a_built_in_model_when_the_user_describes_the_same_id() {
    // GIVEN
    ModelInfo quantized = new ModelInfo("google/gemma-3-27b-it", new BigDecimal("27.4"), 1, Optional.empty());
    // WHEN
    Catalog catalog = Catalog.standard().with(Catalog.of(List.of(), List.of(quantized)));
    // THEN
    assertThat(catalog.model("google/gemma-3-27b-it")).contains(quantized);
    assertThat(catalog.models()).hasSameSizeAs(Catalog.standard().models());
  }

  @Test
  void should_let_the_last_catalog_win_when_several_are_laid_over_each_other() {
    // GIVEN
    Catalog first = Catalog.of(List.of(new GpuProduct("a", List.of("ACME X1"), 1024, List.of())), List.of());
    Catalog second = Catalog.of(List.of(new GpuProduct("b", List.of("ACME X1"), 2048, List.of())), List.of());
    // WHEN
    Catalog catalog = Catalog.standard().with(first).with(second);
    // THEN
    assertThat(catalog.gpuByProductName("ACME X1")).map(GpuProduct::id).contains("b");
    assertThat(catalog.gpus()).filteredOn(gpu -> gpu.productNames().contains("ACME X1")).hasSize(1);
  }
}
