package io.gpushare.dsl;

/**
 * The memory of the device one vLLM server gets from its claim, as far as the DSL's device choices say
 * it: the product's ({@code onGpu}), the MIG profile's ({@code migSlice}), a lower bound
 * ({@code withMemoryAtLeast}) or the smallest of the alternatives ({@code firstAvailable}).
 *
 * @param device what the device is, for messages: {@code NVIDIA A100-SXM4-40GB}, {@code MIG 3g.40gb}
 * @param productName the GPU product the claim names, empty when it names none: vLLM's default
 *     {@code --max-num-batched-tokens} depends on it, as lint reads it from the claim
 *     ({@link io.gpushare.core.memory.ServerSettings#defaultMaxNumBatchedTokens})
 * @param bytes its memory
 */
record DeviceMemory(String device, String productName, long bytes) {}
