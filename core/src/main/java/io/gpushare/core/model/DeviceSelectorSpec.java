package io.gpushare.core.model;

/**
 * One condition every device allocated for a request must meet. The typed forms say what gpushare
 * knows how to check (a product, a MIG profile, a memory floor); {@link Cel} carries any other CEL
 * expression as written. {@code io.gpushare.core.kube.DeviceSelectors} writes each as the CEL the
 * NVIDIA driver's attributes answer to, and recognizes it back:
 *
 * <pre>
 * selectors:
 * - cel:                                   # productName("NVIDIA A100-SXM4-40GB")
 *     expression: device.attributes["gpu.nvidia.com"].productName == "NVIDIA A100-SXM4-40GB"
 * - cel:                                   # memoryAtLeast("40Gi")
 *     expression: device.capacity["gpu.nvidia.com"].memory.compareTo(quantity("40Gi")) >= 0
 * - cel:                                   # migProfile("3g.40gb")
 *     expression: |
 *       device.attributes["gpu.nvidia.com"].profile == "3g.40gb"
 * </pre>
 */
public sealed interface DeviceSelectorSpec {

  /** Only this GPU product, as its {@code productName} attribute spells it, e.g. {@code NVIDIA L4}. */
  static DeviceSelectorSpec productName(String productName) {
    return new ProductName(productName);
  }

  /** Only MIG slices of this profile, e.g. {@code 3g.40gb}. */
  static DeviceSelectorSpec migProfile(String profile) {
    return new MigProfile(profile);
  }

  /** Only devices with at least this much memory, a Kubernetes quantity such as {@code 40Gi}. */
  static DeviceSelectorSpec memoryAtLeast(String quantity) {
    return new MemoryAtLeast(quantity);
  }

  /**
   * Any CEL expression, written as given. <strong>Escape hatch:</strong> the validator cannot tell
   * what it selects, so capacity and budget checks that need the device's memory are skipped.
   */
  static DeviceSelectorSpec cel(String expression) {
    return new Cel(expression);
  }

  /** @param productName the {@code productName} attribute; no double quotes */
  record ProductName(String productName) implements DeviceSelectorSpec {
    public ProductName {
      Problems problems = new Problems("ProductName");
      problems.require(literal(productName), "productName must be non-blank text without '\"' or '\\', found "
          + productName);
      problems.throwIfAny();
    }
  }

  /** @param profile the {@code profile} attribute, e.g. {@code 3g.40gb}; no double quotes */
  record MigProfile(String profile) implements DeviceSelectorSpec {
    public MigProfile {
      Problems problems = new Problems("MigProfile");
      problems.require(literal(profile), "profile must be non-blank text without '\"' or '\\', found " + profile);
      problems.throwIfAny();
    }
  }

  /** @param quantity the least memory, a Kubernetes quantity such as {@code 40Gi} */
  record MemoryAtLeast(String quantity) implements DeviceSelectorSpec {
    public MemoryAtLeast {
      Problems problems = new Problems("MemoryAtLeast");
      problems.require(quantity != null && Quantities.isQuantity(quantity),
          "quantity must be a Kubernetes quantity such as 40Gi, found " + quantity);
      problems.throwIfAny();
    }
  }

  /** @param expression a CEL expression over {@code device} */
  record Cel(String expression) implements DeviceSelectorSpec {
    public Cel {
      Problems problems = new Problems("Cel");
      problems.require(expression != null && !expression.isBlank(), "expression must not be blank");
      problems.throwIfAny();
    }
  }

  /** Whether {@code text} can stand between double quotes of a CEL string literal as it is. */
  private static boolean literal(String text) {
    return text != null && !text.isBlank() && text.indexOf('"') < 0 && text.indexOf('\\') < 0;
  }
}
