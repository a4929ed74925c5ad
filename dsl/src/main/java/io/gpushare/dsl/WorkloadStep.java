package io.gpushare.dsl;

import io.gpushare.core.model.ManifestBundle;
import java.util.function.Consumer;

/** The last step: the servers that share the claim, their Services, then {@link #build()}. */
public interface WorkloadStep {

  /**
   * A vLLM Deployment named {@code name} whose pods all reference the shared claim. The container
   * gets {@code resources.claims: [{name: gpu}]} and the pod
   * {@code resourceClaims: [{name: gpu, resourceClaimName: <claim>}]}.
   *
   * @param options sets the model, replicas and the rest; see {@link VllmOptions} for defaults
   */
  WorkloadStep vllm(String name, Consumer<VllmOptions> options);

  /**
   * A {@code LoadBalancer} Service named {@code name} in front of the Deployment added last,
   * selecting its pods' labels, forwarding {@code port} to the server's port.
   *
   * <pre>
   * spec:
   *   selector:
   *     app: vllm-gpu
   *   type: LoadBalancer
   *   ports:
   *   - name: http
   *     protocol: TCP
   *     port: 8000
   *     targetPort: 8000
   * </pre>
   *
   * @throws IllegalStateException when no vLLM Deployment was added before
   */
  WorkloadStep loadBalancer(String name, int port);

  /**
   * A {@code ClusterIP} Service named {@code name} in front of the workload added last, reachable
   * inside the cluster only, its port named {@code http}.
   *
   * <pre>
   * spec:
   *   selector:
   *     app: vllm
   *   type: ClusterIP
   *   ports:
   *   - name: http
   *     protocol: TCP
   *     port: 8000
   *     targetPort: 8000
   * </pre>
   *
   * @throws IllegalStateException when no vLLM workload was added before
   */
  WorkloadStep clusterIp(String name, int port);

  /**
   * Puts every object of the bundle, the claim and each workload and Service, in {@code namespace}
   * (a pod can only use a claim of its own namespace). May be called at any point before
   * {@link #build()}.
   *
   * <pre>
   * metadata:
   *   name: gpu-claim
   *   namespace: ml
   * </pre>
   */
  WorkloadStep inNamespace(String namespace);

  /**
   * The bundle: the claim in {@value GpuShare#CLAIM_FILE}, then each Deployment and its Service in
   * {@value GpuShare#WORKLOAD_FILE}, in the order they were added. Nothing is validated across
   * objects here: rendering does that.
   */
  ManifestBundle build();
}
