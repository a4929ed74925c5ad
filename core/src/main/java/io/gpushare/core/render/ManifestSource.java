package io.gpushare.core.render;

import io.gpushare.core.model.ManifestBundle;

/**
 * A project's own manifests, for build tools: the gpushare Maven plugin's {@code render} goal finds
 * every implementation on the project's classpath (listed in
 * {@code META-INF/services/io.gpushare.core.render.ManifestSource}, or named in the plugin's
 * {@code <sources>}), validates their bundles together, and writes the YAML.
 *
 * <pre>{@code
 * public final class TutorialManifests implements ManifestSource {
 *   public ManifestBundle bundle() {
 *     return GpuShare.claim("gpu-claim").timeSlicing(TimeSliceInterval.LONG)
 *         .vllm("vllm-gpu", v -> v.model("google/gemma-3-1b-it").replicas(2).gpuMemoryUtilization(0.42))
 *         .build();
 *   }
 * }
 * }</pre>
 *
 * writes {@code target/gpushare/claim.yaml}:
 *
 * <pre>
 * apiVersion: resource.k8s.io/v1
 * kind: ResourceClaim
 * metadata:
 *   name: gpu-claim
 * ...
 * </pre>
 *
 * <p>The bundle may carry escape-hatch hooks ({@code customizePod}, {@code customizeDeployment}, ...)
 * and fabric8 objects added with {@code add(file, object)}; they are applied and validated like the
 * rest. {@code gpushare render --source CLASS --classpath PATH} renders a source the same way.
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface ManifestSource {
  ManifestBundle bundle();
}
