package io.gpushare.examples;

import io.gpushare.core.model.ManifestBundle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The examples by the names the command line knows them by ({@code gpushare render --example mps}).
 *
 * <pre>
 * timeslicing  claim.yaml, vllm.yaml            the GKE time-slicing tutorial
 * mps          claim.yaml, vllm.yaml            the GKE MPS tutorial
 * mig          claim-templates.yaml, vllm.yaml  the GKE dynamic MIG tutorial
 * exclusive    claim-templates.yaml, vllm.yaml  a whole GPU per pod
 * multi-gpu    claim-templates.yaml, vllm.yaml  four GPUs per pod, tensor parallel
 * production   claim.yaml, vllm.yaml            time slicing in namespace ml, ready for production
 * timeslicing-corrected  claim.yaml, vllm.yaml  the time-slicing tutorial without its mistakes
 * </pre>
 */
public enum Example {
  TIMESLICING("timeslicing", TimeSlicingTutorial::bundle),
  MPS("mps", MpsTutorial::bundle),
  MIG("mig", DynamicMigTutorial::bundle),
  EXCLUSIVE("exclusive", ExclusiveGpuExample::bundle),
  MULTI_GPU("multi-gpu", MultiGpuExample::bundle),
  PRODUCTION("production", ProductionExample::bundle),
  TIMESLICING_CORRECTED("timeslicing-corrected", CorrectedTimeSlicingTutorial::bundle);

  private final String id;
  private final Supplier<ManifestBundle> bundle;

  Example(String id, Supplier<ManifestBundle> bundle) {
    this.id = id;
    this.bundle = bundle;
  }

  /** The name on the command line, e.g. {@code multi-gpu}. */
  public String id() {
    return id;
  }

  public ManifestBundle bundle() {
    return bundle.get();
  }

  public static Optional<Example> byId(String id) {
    return Arrays.stream(values()).filter(e -> e.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
  }

  /** {@code timeslicing, mps, mig, exclusive, multi-gpu, production, timeslicing-corrected}, for messages. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Example::id).toList());
  }
}
