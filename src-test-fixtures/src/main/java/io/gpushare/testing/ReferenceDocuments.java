package io.gpushare.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The reference documents of the GKE tutorial "Time slicing of GPUs with DRA", read from the classpath as
 * UTF-8 strings.
 *
 * <p>These documents are the contract the gpushare renderer must reproduce byte for byte: compare rendered
 * output against them with {@link GoldenFile#assertMatches(String, String, String)}. They are stored under
 * the classpath folder {@value #BASE}, for example {@code timeslicing/claim.yaml}, which begins:
 *
 * <pre>
 * apiVersion: resource.k8s.io/v1
 * kind: ResourceClaim
 * metadata:
 *   name: gpu-claim
 * spec:
 *   devices:
 *     requests:
 *     - name: gpu
 *       exactly:
 *         deviceClassName: gpu.nvidia.com
 * </pre>
 */
public final class ReferenceDocuments {

  /** The classpath folder that holds the reference documents. */
  static final String BASE = "io/gpushare/testing/reference/";

  /** The reference documents this module ships, relative to {@link #BASE}. */
  static final List<String> KNOWN = List.of("timeslicing/claim.yaml", "timeslicing/vllm.yaml",
      "mps/claim.yaml", "mps/vllm.yaml", "mig/claim-templates.yaml", "mig/vllm.yaml");

  private ReferenceDocuments() {
  }

  /**
   * Returns the tutorial's ResourceClaim that shares one GPU by time slicing.
   *
   * @return the content of {@code timeslicing/claim.yaml}
   */
  public static String timeSlicingClaim() {
    return read("timeslicing/claim.yaml");
  }

  /**
   * Returns the tutorial's vLLM Deployment and Service that use the time-sliced GPU claim.
   *
   * @return the content of {@code timeslicing/vllm.yaml}
   */
  public static String timeSlicingVllm() {
    return read("timeslicing/vllm.yaml");
  }

  /**
   * Reads a reference document as a UTF-8 string.
   *
   * @param relativePath the path relative to {@code io/gpushare/testing/reference/}, for example
   *     {@code "timeslicing/claim.yaml"}
   * @return the document's content, exactly as stored
   * @throws IllegalArgumentException if there is no such classpath resource
   */
  public static String read(String relativePath) {
    Objects.requireNonNull(relativePath, "relativePath");
    String resource = BASE + relativePath;
    ClassLoader loader = ReferenceDocuments.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No reference document at classpath resource " + resource
            + " (relative path \"" + relativePath + "\"); expected one of "
            + String.join(", ", KNOWN) + " under " + BASE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read classpath resource " + resource, e);
    }
  }
}
