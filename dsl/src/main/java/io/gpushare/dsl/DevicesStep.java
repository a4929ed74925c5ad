package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import java.util.function.Consumer;

/**
 * After {@link GpuShare#perPod}: which devices each pod gets for itself, through a
 * {@code ResourceClaimTemplate}. No sharing config: each pod has its devices alone.
 */
public interface DevicesStep {

  /** Only this GPU product; see {@link SharingStep#onGpu}. */
  DevicesStep onGpu(String productName);

  /** Any GPU with at least this much memory; see {@link SharingStep#withMemoryAtLeast}. */
  DevicesStep withMemoryAtLeast(String quantity);

  /** The first of these products that can be allocated; see {@link SharingStep#firstAvailable}. */
  DevicesStep firstAvailable(String... productNames);

  /**
   * One whole GPU per pod (exclusive use).
   *
   * <pre>
   * requests:
   * - name: gpu
   *   exactly:
   *     deviceClassName: gpu.nvidia.com
   * </pre>
   */
  WorkloadStep wholeGpu();

  /**
   * {@code count} whole GPUs per pod; every vLLM server added after this gets
   * {@code --tensor-parallel-size=<count>} to use them all.
   *
   * <pre>
   * exactly:
   *   deviceClassName: gpu.nvidia.com
   *   allocationMode: ExactCount
   *   count: 4
   * </pre>
   */
  WorkloadStep gpus(int count);

  /**
   * One MIG slice of this profile per pod, e.g. {@code 3g.40gb} on an H100 80GB, out of the slices
   * created ahead of time (static MIG, e.g. by mig-parted): no driver feature gate. For slices the
   * driver creates on demand, see {@link #dynamicMigSlice}.
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
  WorkloadStep migSlice(String profile);

  /**
   * One MIG slice of this profile per pod, which the driver creates on demand (dynamic MIG): the same
   * claim as {@link #migSlice}, and the driver's {@code DynamicMIG} feature gate in the rendered Helm
   * values ({@code dra-driver-values.yaml}). With that gate on, the driver destroys MIG slices it did
   * not create, and it cannot be combined with MPS.
   *
   * <pre>
   * # ResourceClaimTemplate                     # dra-driver-values.yaml
   * exactly:                                    featureGates:
   *   deviceClassName: mig.nvidia.com             DynamicMIG: true
   *   selectors:
   *   - cel:
   *       expression: |
   *         device.attributes["gpu.nvidia.com"].profile == "3g.40gb"
   * </pre>
   */
  WorkloadStep dynamicMigSlice(String profile);

  /**
   * Escape hatch: edits the {@code ResourceClaimTemplate} through fabric8's builder before it is
   * validated.
   *
   * <pre>{@code
   * GpuShare.perPod("gpu-claim-template").customizeClaimTemplate(t -> t.editMetadata().addToLabels("team", "ml").endMetadata())
   * }</pre>
   */
  DevicesStep customizeClaimTemplate(Consumer<? super ResourceClaimTemplateBuilder> hook);
}
