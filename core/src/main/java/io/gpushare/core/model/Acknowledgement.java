package io.gpushare.core.model;

import io.gpushare.core.validate.FindingCode;
import java.util.Objects;

/**
 * A finding the author knows about and keeps on purpose, with the reason: the validator still
 * reports it, marked as acknowledged, but it no longer stops rendering or fails {@code lint}.
 *
 * <pre>{@code
 * GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
 *     .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it")
 *         .acknowledge(FindingCode.VLLM_IMAGE_TOO_OLD, "reproduces the GKE tutorial as published"))
 * }</pre>
 *
 * <p>reports
 *
 * <pre>
 * ERROR (acknowledged: reproduces the GKE tutorial as published) VLLM_IMAGE_TOO_OLD Deployment[vllm-gpu].spec.template.spec.containers[0].image: ...
 * </pre>
 *
 * <p>An acknowledgement in a spec covers the findings of its code whose path names the object the
 * spec becomes ({@code Deployment[vllm-gpu]...}); it is not written into the YAML. In a file read by
 * {@code gpushare lint}, the same is an annotation of the object, one {@code CODE: reason} per line:
 *
 * <pre>
 * metadata:
 *   annotations:
 *     gpushare.io/acknowledge: "VLLM_IMAGE_TOO_OLD: reproduces the GKE tutorial as published"
 * </pre>
 *
 * @param code the finding's code; not {@code ACKNOWLEDGEMENT_UNUSED} or {@code ACKNOWLEDGEMENT_INVALID},
 *     which are about acknowledgements themselves
 * @param reason why the finding is kept: not blank, one line, at most {@value #MAX_REASON_LENGTH} characters
 */
public record Acknowledgement(FindingCode code, String reason) {
  /** The annotation that acknowledges findings in a manifest read from a file. */
  public static final String ANNOTATION = "gpushare.io/acknowledge";

  /** The longest reason accepted: a reason is a sentence, not a document. */
  public static final int MAX_REASON_LENGTH = 200;

  public Acknowledgement {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    reason = reason.strip();
    problem(code, reason).ifPresent(problem -> {
      throw new IllegalArgumentException("INVALID_SPEC acknowledgement of " + code + ": " + problem);
    });
  }

  /** {@code new Acknowledgement(code, reason)}. */
  public static Acknowledgement of(FindingCode code, String reason) {
    return new Acknowledgement(code, reason);
  }

  /**
   * What is wrong with acknowledging {@code code} for {@code reason}, if anything; the one check of the
   * DSL's acknowledgements and of the annotation's lines.
   */
  public static java.util.Optional<String> problem(FindingCode code, String reason) {
    if (code.group() == FindingCode.Group.ACKNOWLEDGEMENTS) {
      return java.util.Optional.of(code + " is about acknowledgements and cannot itself be acknowledged");
    }
    String text = reason.strip();
    if (text.isEmpty()) {
      return java.util.Optional.of("a reason is required, found none");
    }
    if (text.length() > MAX_REASON_LENGTH) {
      return java.util.Optional.of("a reason of at most " + MAX_REASON_LENGTH + " characters is expected, found "
          + text.length());
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return java.util.Optional.of("a reason of one line is expected, found a line break");
    }
    return java.util.Optional.empty();
  }
}
