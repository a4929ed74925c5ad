package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.gpushare.core.model.MpsConfig;
import io.gpushare.core.model.TimeSliceInterval;
import java.util.function.Consumer;

/**
 * After {@link GpuShare#claim}: optionally which device, then how the pods on the shared claim share
 * it. By default the claim asks for one whole GPU of class {@code gpu.nvidia.com}.
 */
public interface SharingStep {

  /**
   * Narrows the claim to one GPU product, by the {@code productName} attribute the NVIDIA driver
   * publishes. The validator then knows the device's memory and checks model weights, MPS limits and
   * headroom against it (products in gpushare's catalog: A100 40GB and 80GB, H100 80GB, H200, L4, T4).
   *
   * <pre>
   * exactly:
   *   deviceClassName: gpu.nvidia.com
   *   selectors:
   *   - cel:
   *       expression: device.attributes["gpu.nvidia.com"].productName == "NVIDIA A100-SXM4-40GB"
   * </pre>
   *
   * @param productName e.g. {@code NVIDIA A100-SXM4-40GB}, as {@code kubectl get resourceslices -o yaml} shows it
   */
  SharingStep onGpu(String productName);

  /**
   * Any GPU with at least this much memory.
   *
   * <pre>
   * selectors:
   * - cel:
   *     expression: device.capacity["gpu.nvidia.com"].memory.compareTo(quantity("40Gi")) >= 0
   * </pre>
   */
  SharingStep withMemoryAtLeast(String quantity);

  /**
   * The first of these products that can be allocated (an H100, else an A100). The sharing config
   * then names each {@code gpu/<alternative>}, since the driver matches the allocated name exactly.
   *
   * <pre>
   * requests:
   * - name: gpu
   *   firstAvailable:
   *   - name: h100-80gb
   *     deviceClassName: gpu.nvidia.com
   *     selectors: ...
   *   - name: a100-80gb
   *     ...
   * config:
   * - requests: ["gpu/h100-80gb", "gpu/a100-80gb"]
   * </pre>
   */
  SharingStep firstAvailable(String... productNames);

  /**
   * A MIG slice of this profile instead of a whole GPU (class {@code mig.nvidia.com}), out of the
   * slices created ahead of time (static MIG): no driver feature gate; share it with {@link #mps}.
   * For a slice the driver creates on demand, see {@link #dynamicMigSlice}.
   *
   * <pre>
   * exactly:
   *   deviceClassName: mig.nvidia.com
   *   selectors:
   *   - cel:
   *       expression: |
   *         device.attributes["gpu.nvidia.com"].profile == "3g.40gb"
   * </pre>
   */
  SharingStep migSlice(String profile);

  /**
   * A MIG slice of this profile that the driver creates on demand (dynamic MIG): the claim of
   * {@link #migSlice}, and the driver's {@code DynamicMIG} feature gate in the rendered Helm values.
   * The driver cannot combine it with MPS, so end with {@link #withoutSharing()}.
   *
   * <pre>
   * # ResourceClaim                              # dra-driver-values.yaml
   * exactly:                                     featureGates:
   *   deviceClassName: mig.nvidia.com              DynamicMIG: true
   *   selectors: [profile == "3g.40gb"]
   * </pre>
   */
  SharingStep dynamicMigSlice(String profile);

  /**
   * Several MIG slices of one physical GPU in one claim, kept together by a constraint on their
   * parent GPU; the requests are {@code gpu-0}, {@code gpu-1}, ... in order, and each Deployment's
   * container uses one of them with {@link VllmOptions#request}. Typically ended with
   * {@link #withoutSharing()}: each slice then serves one server.
   *
   * <pre>
   * requests:
   * - name: gpu-0
   *   exactly: {deviceClassName: mig.nvidia.com, selectors: [profile == "3g.40gb"]}
   * - name: gpu-1
   *   exactly: {deviceClassName: mig.nvidia.com, selectors: [profile == "3g.40gb"]}
   * constraints:
   * - requests: ["gpu-0", "gpu-1"]
   *   matchAttribute: gpu.nvidia.com/parentUUID
   * </pre>
   */
  SharingStep migSlices(String... profiles);

  /**
   * No NVIDIA sharing config: the pods referencing the claim use its devices as they are (for
   * several slices of one GPU, each used by one server). No driver feature gate.
   */
  WorkloadStep withoutSharing();

  /**
   * The driver switches the GPU between processes; no memory isolation, so each server's
   * {@code --gpu-memory-utilization} is what keeps them apart. Needs the driver's
   * {@code TimeSlicingSettings} feature gate.
   *
   * <pre>
   * sharing:
   *   strategy: TimeSlicing
   *   timeSlicingConfig:
   *     interval: Long
   * </pre>
   *
   * @throws IllegalStateException on a MIG slice, where time slicing has no effect
   */
  WorkloadStep timeSlicing(TimeSliceInterval interval);

  /**
   * MPS: processes run concurrently; each gets at most {@code activeThreadPercentage} of the GPU's
   * threads and may pin at most {@code pinnedMemoryLimit} of its memory. vLLM does not see the MPS
   * limit, so keep {@code --gpu-memory-utilization} x memory under it (the validator checks when the
   * GPU is known). Needs the driver's {@code MPSSupport} feature gate.
   *
   * <pre>
   * sharing:
   *   strategy: MPS
   *   mpsConfig:
   *     defaultActiveThreadPercentage: 50
   *     defaultPinnedDeviceMemoryLimit: 15Gi
   * </pre>
   */
  WorkloadStep mps(int activeThreadPercentage, String pinnedMemoryLimit);

  /** MPS with any {@link MpsConfig}, e.g. per-device pinned-memory limits. */
  WorkloadStep mps(MpsConfig config);

  /**
   * Escape hatch: edits the {@code ResourceClaim} through fabric8's builder before it is validated
   * (a hook that breaks the claim's references is reported like any other manifest).
   *
   * <pre>{@code
   * GpuShare.claim("gpu-claim").customizeClaim(c -> c.editMetadata().addToLabels("team", "ml").endMetadata())
   * }</pre>
   */
  SharingStep customizeClaim(Consumer<? super ResourceClaimBuilder> hook);
}
