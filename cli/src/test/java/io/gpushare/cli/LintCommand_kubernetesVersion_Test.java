package io.gpushare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpushare lint --kubernetes-version X.Y}: the NVIDIA driver's classic DRA demo (a v1alpha2 claim
 * and a Job whose claim entry uses {@code source:}, as in demo/specs/mig+mps of NVIDIA/k8s-dra-driver-gpu)
 * judged for the release it was written for, and for the current ones.
 */
class LintCommand_kubernetesVersion_Test extends CliTest {
  private static final String DEMO = """
      apiVersion: resource.k8s.io/v1alpha2
      kind: ResourceClaim
      metadata:
        name: gpu-ts-sharing
      spec:
        resourceClassName: gpu.nvidia.com
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: sharing-demo-job
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            resourceClaims:
            - name: gpu-ts-sharing
              source:
                resourceClaimName: gpu-ts-sharing
            containers:
            - name: ctr
              image: nvcr.io/nvidia/k8s/cuda-sample:nbody-cuda11.7.1-ubuntu18.04
              resources:
                claims:
                - name: gpu-ts-sharing
      """;

  @TempDir Path dir;

  private String demo() throws IOException {
    Path file = dir.resolve("demo.yaml");
    Files.writeString(file, DEMO);
    return file.toString();
  }

  @Test
  void should_exit_0_with_infos_when_the_target_release_serves_the_demo() throws IOException {
    // GIVEN
    String file = demo();
    // WHEN
    int exit = run("lint", "--kubernetes-version", "1.30", file);
    // THEN
    assertThat(exit).isZero();
    assertThat(out.toString().lines().toList()).containsExactly(
        file + ":17: INFO CLAIM_NOT_IN_SET Job[sharing-demo-job].spec.template.spec.resourceClaims[0].resourceClaimName:"
            + " ResourceClaim 'gpu-ts-sharing' is among the manifests as resource.k8s.io/v1alpha2, a version gpushare"
            + " does not judge, so nothing about it was checked",
        "  hint: write it as resource.k8s.io/v1 (or v1beta2/v1beta1, which are read as v1) to have it checked",
        file + ":1: INFO RESOURCE_API_VERSION_UNCHECKED ResourceClaim[gpu-ts-sharing].apiVersion: Kubernetes 1.30"
            + " serves resource.k8s.io/v1alpha2 (it is served by 1.27 to 1.30), a version gpushare does not model, so"
            + " gpushare could not check this object",
        "  hint: check it on the cluster (kubectl apply --dry-run=server); gpushare checks resource.k8s.io/v1beta1,"
            + " v1beta2 and v1, none of which Kubernetes 1.30 serves",
        "0 errors, 0 warnings, 2 infos in 1 file");
  }

  @Test
  void should_exit_1_as_today_when_no_release_is_given() throws IOException {
    // GIVEN
    String file = demo();
    // WHEN
    int exit = run("lint", file);
    // THEN
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().lines().toList()).containsExactly(
        file + ":17: ERROR POD_CLAIM_SOURCE Job[sharing-demo-job].spec.template.spec.resourceClaims[0]: expected"
            + " exactly one of resourceClaimName or resourceClaimTemplateName, found neither",
        "  hint: resourceClaimName shares one claim between all pods; resourceClaimTemplateName gives each pod its own",
        file + ":1: ERROR RESOURCE_API_VERSION_REMOVED ResourceClaim[gpu-ts-sharing].apiVersion: expected"
            + " resource.k8s.io/v1 (Kubernetes 1.34 and later; v1beta2 or v1beta1 on older clusters), found"
            + " resource.k8s.io/v1alpha2, which Kubernetes 1.31 removed with classic DRA (it was served by 1.27 to"
            + " 1.30, as an alpha API); nothing else about this object was checked",
        "  hint: rewrite it as resource.k8s.io/v1: each request names a deviceClassName under `exactly:`, and NVIDIA"
            + " sharing settings go in an opaque config of the claim",
        "2 errors, 0 warnings, 0 infos in 1 file");
  }

  @Test
  void should_exit_2_with_a_usage_error_when_the_version_is_malformed() throws IOException {
    // GIVEN
    String file = demo();
    // WHEN
    int exit = run("lint", "--kubernetes-version", "v1.30", file);
    // THEN
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines().findFirst()).contains(
        "--kubernetes-version: expected a Kubernetes minor version MAJOR.MINOR such as 1.32, found 'v1.30'");
  }
}
