package io.gpushare.core.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.gpushare.core.model.ClaimReference;
import io.gpushare.core.model.EnvVarSpec;
import io.gpushare.core.model.JobOptions;
import io.gpushare.core.model.PodOptions;
import io.gpushare.core.model.PortSpec;
import io.gpushare.core.model.RolloutStrategy;
import io.gpushare.core.model.SecretKeyRef;
import io.gpushare.core.model.TolerationSpec;
import io.gpushare.core.model.VllmServiceSpec;
import io.gpushare.core.model.VllmWorkloadSpec;
import io.gpushare.core.model.VolumeSpec;
import io.gpushare.core.model.WorkloadKind;
import io.gpushare.core.yaml.YamlRenderer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeObjects_workloads_Test {

  private static VllmWorkloadSpec.Builder vllm(String name) {
    return vllm(name, 2, false);
  }

  private static VllmWorkloadSpec.Builder vllm(String name, int replicas, boolean sharedMemoryVolume) {
    return VllmWorkloadSpec.builder()
        .name(name)
        .replicas(replicas)
        .image("vllm/vllm-openai:v0.7.2")
        .port(8000)
        .model("google/gemma-3-1b-it")
        .gpuMemoryUtilization(new BigDecimal("0.42"))
        .claim(ClaimReference.of("gpu", "gpu-claim"))
        .addTolerations(TolerationSpec.gpuNoSchedule())
        .sharedMemoryVolume(sharedMemoryVolume);
  }

  private static String yaml(HasMetadata... objects) {
    return YamlRenderer.canonical().render(List.of(objects));
  }

  @Test
  void should_write_a_statefulset_that_starts_its_pods_in_order_with_its_headless_service() {
    // GIVEN
    VllmWorkloadSpec spec = vllm("vllm").workloadKind(WorkloadKind.STATEFUL_SET).serviceName("vllm-pods").build();
    VllmServiceSpec headless = VllmServiceSpec.builder().name("vllm-pods").type("ClusterIP").headless(true)
        .putSelector("app", "vllm").addPorts(PortSpec.http(8000)).build();
    // WHEN
    String yaml = yaml(KubeObjects.toKubernetes(spec), KubeObjects.toKubernetes(headless));
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: vllm
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: vllm
          template:
            metadata:
              labels:
                app: vllm
            spec:
              tolerations:
              - key: "nvidia.com/gpu"
                operator: "Exists"
                effect: "NoSchedule"
              resourceClaims:
              - name: gpu
                resourceClaimName: gpu-claim
              containers:
              - name: vllm
                image: vllm/vllm-openai:v0.7.2
                args:
                - --port=8000
                - --model=google/gemma-3-1b-it
                - --gpu-memory-utilization=0.42
                ports:
                - containerPort: 8000
                resources:
                  claims:
                  - name: gpu
          serviceName: vllm-pods
          podManagementPolicy: OrderedReady
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: vllm-pods
        spec:
          selector:
            app: vllm
          clusterIP: None
          type: ClusterIP
          ports:
          - name: http
            protocol: TCP
            port: 8000
            targetPort: 8000
        """);
  }

  @Test
  void should_write_a_job_whose_parallelism_is_the_replicas() {
    // GIVEN
    VllmWorkloadSpec spec = vllm("batch").workloadKind(WorkloadKind.JOB)
        .job(JobOptions.builder().completions(4).backoffLimit(1).restartPolicy(JobOptions.RestartPolicy.ON_FAILURE)
            .build())
        .build();
    // WHEN
    String yaml = yaml(KubeObjects.toWorkload(spec));
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: batch
        spec:
          parallelism: 2
          completions: 4
          backoffLimit: 1
          template:
            metadata:
              labels:
                app: batch
            spec:
              tolerations:
              - key: "nvidia.com/gpu"
                operator: "Exists"
                effect: "NoSchedule"
              resourceClaims:
              - name: gpu
                resourceClaimName: gpu-claim
              containers:
              - name: batch
                image: vllm/vllm-openai:v0.7.2
                args:
                - --port=8000
                - --model=google/gemma-3-1b-it
                - --gpu-memory-utilization=0.42
                ports:
                - containerPort: 8000
                resources:
                  claims:
                  - name: gpu
              restartPolicy: OnFailure
        """);
  }

  @Test
  void should_write_a_leaderworkerset_as_the_validator_reads_it() {
    // GIVEN
    VllmWorkloadSpec spec = vllm("multi-node", 1, false).workloadKind(WorkloadKind.LEADER_WORKER_SET).groupSize(2)
        .build();
    // WHEN
    String yaml = yaml(KubeObjects.toWorkload(spec));
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata:
          name: multi-node
        spec:
          replicas: 1
          leaderWorkerTemplate:
            workerTemplate:
              metadata:
                labels:
                  app: multi-node
              spec:
                tolerations:
                - key: "nvidia.com/gpu"
                  operator: "Exists"
                  effect: "NoSchedule"
                resourceClaims:
                - name: gpu
                  resourceClaimName: gpu-claim
                containers:
                - name: multi-node
                  image: vllm/vllm-openai:v0.7.2
                  args:
                  - --port=8000
                  - --model=google/gemma-3-1b-it
                  - --gpu-memory-utilization=0.42
                  ports:
                  - containerPort: 8000
                  resources:
                    claims:
                    - name: gpu
            size: 2
        """);
  }

  @Test
  void should_write_a_production_deployment_with_every_pod_option() {
    // GIVEN
    VllmWorkloadSpec spec = vllm("vllm", 2, true)
        .namespace("ml")
        .putObjectLabels("team", "inference")
        .putAnnotations("owner", "platform")
        .huggingFaceToken(SecretKeyRef.of("hf-secret", "hf_api_token"))
        .apiKey(SecretKeyRef.of("vllm-api-key", "key"))
        .strategy(RolloutStrategy.rollingUpdate("0", "1"))
        .pod(PodOptions.withVllmProbes()
            .putAnnotations("prometheus.io/scrape", "true")
            .putRequests("cpu", "2").putRequests("memory", "8Gi")
            .putLimits("memory", "16Gi")
            .addEnv(EnvVarSpec.literal("VLLM_LOGGING_LEVEL", "INFO"))
            .addVolumes(VolumeSpec.huggingFaceCache("hf-cache"))
            .putNodeSelector("cloud.google.com/gke-accelerator", "nvidia-l4")
            .addImagePullSecrets("registry")
            .serviceAccountName("vllm")
            .priorityClassName("inference")
            .terminationGracePeriodSeconds(60L)
            .securityContext(new SecurityContextBuilder().withAllowPrivilegeEscalation(false).build())
            .build())
        .build();
    // WHEN
    String yaml = yaml(KubeObjects.toWorkload(spec));
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          namespace: ml
          labels:
            team: inference
          annotations:
            owner: platform
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: vllm
          template:
            metadata:
              labels:
                app: vllm
              annotations:
                prometheus.io/scrape: "true"
            spec:
              tolerations:
              - key: "nvidia.com/gpu"
                operator: "Exists"
                effect: "NoSchedule"
              resourceClaims:
              - name: gpu
                resourceClaimName: gpu-claim
              containers:
              - name: vllm
                image: vllm/vllm-openai:v0.7.2
                args:
                - --port=8000
                - --model=google/gemma-3-1b-it
                - --gpu-memory-utilization=0.42
                env:
                - name: HF_TOKEN
                  valueFrom:
                    secretKeyRef:
                      name: hf-secret
                      key: hf_api_token
                - name: VLLM_API_KEY
                  valueFrom:
                    secretKeyRef:
                      name: vllm-api-key
                      key: key
                - name: VLLM_LOGGING_LEVEL
                  value: INFO
                ports:
                - containerPort: 8000
                resources:
                  limits:
                    memory: 16Gi
                  requests:
                    cpu: "2"
                    memory: 8Gi
                  claims:
                  - name: gpu
                livenessProbe:
                  httpGet:
                    path: /health
                    port: 8000
                  periodSeconds: 10
                  failureThreshold: 3
                readinessProbe:
                  httpGet:
                    path: /health
                    port: 8000
                  periodSeconds: 5
                  failureThreshold: 3
                startupProbe:
                  httpGet:
                    path: /health
                    port: 8000
                  periodSeconds: 10
                  failureThreshold: 90
                volumeMounts:
                - name: dshm
                  mountPath: /dev/shm
                - name: hf-cache
                  mountPath: /root/.cache/huggingface
                securityContext:
                  allowPrivilegeEscalation: false
              volumes:
              - name: dshm
                emptyDir:
                  medium: Memory
              - name: hf-cache
                persistentVolumeClaim:
                  claimName: hf-cache
              terminationGracePeriodSeconds: 60
              nodeSelector:
                cloud.google.com/gke-accelerator: nvidia-l4
              serviceAccountName: vllm
              imagePullSecrets:
              - name: registry
              priorityClassName: inference
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxUnavailable: 1
              maxSurge: 0
        """);
  }

  @Test
  void should_refuse_to_convert_a_spec_to_another_kind_than_its_own() {
    // GIVEN
    VllmWorkloadSpec job = vllm("batch").workloadKind(WorkloadKind.JOB).build();
    // WHEN / THEN
    assertThatThrownBy(() -> KubeObjects.toDeployment(job))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Job[batch] is written as a Job, not a Deployment; convert it with toWorkload");
  }
}
