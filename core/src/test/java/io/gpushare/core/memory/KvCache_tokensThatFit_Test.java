package io.gpushare.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KvCache_tokensThatFit_Test {

  private static final long GIB = 1L << 30;

  @Test
  void should_round_down_to_whole_blocks_of_16_when_the_block_size_is_the_default() {
    // GIVEN: 131072 B per token x 16 = 2 MiB per block; 10 blocks and a half
    long bytes = 10 * 16 * 131_072L + 8 * 131_072L;
    // WHEN
    long tokens = KvCache.tokensThatFit(bytes, 131_072L);
    // THEN
    assertThat(tokens).isEqualTo(160L);
  }

  @Test
  void should_match_vllms_log_when_llama_3_1_8b_has_58_gib_of_kv_cache() {
    // GIVEN: v0.19.0 log on an H100 (calibration.tsv): "Available KV cache memory: 58.11 GiB",
    // "GPU KV cache size: 476,016 tokens"; 58.11 is rounded to 2 decimals by the log
    long bytes = Math.round(58.11 * GIB);
    // WHEN
    long tokens = KvCache.tokensThatFit(bytes, 131_072L);
    // THEN: 58.11 GiB / 128 KiB = 476037.1 -> 29752 blocks of 16; the log's 29751 blocks differ
    // only by the rounding of 58.11
    assertThat(tokens).isEqualTo(476_032L);
  }

  @Test
  void should_honour_another_block_size_when_one_is_given() {
    // WHEN: 1000 tokens' worth of bytes in blocks of 32
    long tokens = KvCache.tokensThatFit(1000 * 64L, 64L, 32);
    // THEN: 31 whole blocks
    assertThat(tokens).isEqualTo(992L);
  }

  @Test
  void should_hold_no_token_when_no_memory_is_left_for_the_cache() {
    // WHEN
    long none = KvCache.tokensThatFit(0, 131_072L);
    long negative = KvCache.tokensThatFit(-GIB, 131_072L);
    long lessThanABlock = KvCache.tokensThatFit(15 * 131_072L, 131_072L);
    // THEN
    assertThat(none).isZero();
    assertThat(negative).isZero();
    assertThat(lessThanABlock).isZero();
  }
}
