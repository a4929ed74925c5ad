package io.gpushare.dsl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
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
   * Escape hatch: edits the Service added last through fabric8's builder before it is validated.
   *
   * <pre>{@code
   * .loadBalancer("vllm-service", 8000)
   * .customizeService(s -> s.editSpec().withLoadBalancerSourceRanges("10.0.0.0/8").endSpec())
   * }</pre>
   *
   * <pre>
   * spec:
   *   loadBalancerSourceRanges:
   *   - 10.0.0.0/8
   * </pre>
   *
   * @throws IllegalStateException when no Service was added before
   */
  WorkloadStep customizeService(Consumer<? super ServiceBuilder> hook);

  /**
   * Any other Kubernetes object, built with fabric8 (a PersistentVolumeClaim for the model cache, a
   * ConfigMap, a NetworkPolicy...), as the next document of {@code file}: validated with the rest
   * and written after gpushare's own documents, in the order added.
   *
   * <pre>{@code
   * .add("cache.yaml", new PersistentVolumeClaimBuilder().withNewMetadata().withName("hf-cache").endMetadata()
   *     .withNewSpec().withAccessModes("ReadWriteOnce")
   *     .withNewResources().addToRequests("storage", new Quantity("50Gi")).endResources().endSpec().build())
   * }</pre>
   */
  WorkloadStep add(String file, HasMetadata resource);

  /**
   * The bundle: the claim in {@value GpuShare#CLAIM_FILE}, then each Deployment and its Service in
   * {@value GpuShare#WORKLOAD_FILE}, in the order they were added. Nothing is validated across
   * objects here: rendering does that.
   */
  ManifestBundle build();
}
