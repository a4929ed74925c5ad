package io.gpushare.dsl;

/**
 * The memory of the device one vLLM server gets from its claim, as far as the DSL's device choices say
 * it: the product's ({@code onGpu}), the MIG profile's ({@code migSlice}), a lower bound
 * ({@code withMemoryAtLeast}) or the smallest of the alternatives ({@code firstAvailable}).
 *
 * @param device what the device is, for messages: {@code NVIDIA A100-SXM4-40GB}, {@code MIG 3g.40gb}
 * @param bytes its memory
 */
record DeviceMemory(String device, long bytes) {}
