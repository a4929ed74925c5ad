package io.gpushare.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Key order of the kinds gpushare does not shape itself. The expected orders are those of the Go
 * structs in k8s.io/api (core/v1 Container, PodSpec, ServiceSpec; batch/v1 JobSpec; apps/v1
 * StatefulSetSpec), with the deviations key-order.tsv declares for the tutorial's reference
 * documents (env before ports, probes before volumeMounts, tolerations/resourceClaims/containers/
 * volumes first in a pod spec, selector/type/ports in a Service).
 */
class YamlRenderer_keyOrder_Test {
  private final YamlRenderer renderer = YamlRenderer.canonical();

  @Test
  void should_write_a_containers_fields_in_go_struct_order_when_fabric8_serializes_them_alphabetically() {
    // GIVEN a pod whose container sets most fields (fabric8 writes them args, command, env, ...)
    HasMetadata pod = new PodBuilder()
        .withNewMetadata().withName("vllm").withNamespace("inference").endMetadata()
        .withNewSpec()
        .withServiceAccountName("vllm")
        .withRestartPolicy("Always")
        .addToNodeSelector("cloud.google.com/gke-accelerator", "nvidia-l4")
        .addNewContainer()
        .withSecurityContext(new io.fabric8.kubernetes.api.model.SecurityContextBuilder()
            .withRunAsNonRoot(true).withAllowPrivilegeEscalation(false).build())
        .withImagePullPolicy("IfNotPresent")
        .addNewVolumeMount().withMountPath("/root/.cache/huggingface").withName("hf-cache").endVolumeMount()
        .withNewStartupProbe().withFailureThreshold(60).withPeriodSeconds(10)
            .withNewHttpGet().withPort(new IntOrString(8000)).withPath("/health").endHttpGet().endStartupProbe()
        .withNewReadinessProbe().withPeriodSeconds(5)
            .withNewHttpGet().withPort(new IntOrString(8000)).withPath("/health").endHttpGet().endReadinessProbe()
        .withNewResources()
            .addToRequests("memory", new Quantity("16Gi")).addToRequests("cpu", new Quantity("4"))
            .addNewClaim().withName("gpu").endClaim().endResources()
        .addNewPort().withProtocol("TCP").withContainerPort(8000).withName("http").endPort()
        .addNewEnv().withValue("/root/.cache/huggingface").withName("HF_HOME").endEnv()
        .addNewEnvFrom().withNewConfigMapRef().withName("vllm-env").endConfigMapRef().endEnvFrom()
        .withWorkingDir("/workspace")
        .withArgs("--port=8000")
        .withCommand("vllm", "serve")
        .withImage("vllm/vllm-openai:v0.7.2")
        .withName("vllm")
        .endContainer()
        .addNewVolume().withName("hf-cache")
            .withNewPersistentVolumeClaim().withReadOnly(false).withClaimName("hf-cache").endPersistentVolumeClaim()
            .endVolume()
        .endSpec()
        .build();
    // WHEN
    String yaml = renderer.render(pod);
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: vllm
          namespace: inference
        spec:
          containers:
          - name: vllm
            image: vllm/vllm-openai:v0.7.2
            command: ["vllm", "serve"]
            args:
            - --port=8000
            workingDir: /workspace
            envFrom:
            - configMapRef:
                name: vllm-env
            env:
            - name: HF_HOME
              value: /root/.cache/huggingface
            ports:
            - name: http
              containerPort: 8000
              protocol: TCP
            resources:
              requests:
                cpu: "4"
                memory: 16Gi
              claims:
              - name: gpu
            readinessProbe:
              httpGet:
                path: /health
                port: 8000
              periodSeconds: 5
            startupProbe:
              httpGet:
                path: /health
                port: 8000
              periodSeconds: 10
              failureThreshold: 60
            volumeMounts:
            - name: hf-cache
              mountPath: /root/.cache/huggingface
            imagePullPolicy: IfNotPresent
            securityContext:
              runAsNonRoot: true
              allowPrivilegeEscalation: false
          volumes:
          - name: hf-cache
            persistentVolumeClaim:
              claimName: hf-cache
              readOnly: false
          restartPolicy: Always
          nodeSelector:
            cloud.google.com/gke-accelerator: nvidia-l4
          serviceAccountName: vllm
        """);
  }

  @Test
  void should_write_a_job_in_go_struct_order_when_built_in_another_order() {
    // GIVEN a batch Job (batch/v1 JobSpec: parallelism, completions, activeDeadlineSeconds,
    // backoffLimit, ..., template, ttlSecondsAfterFinished)
    HasMetadata job = new JobBuilder()
        .withNewMetadata().addToLabels("app", "batch").withName("embed").endMetadata()
        .withNewSpec()
        .withTtlSecondsAfterFinished(600)
        .withNewTemplate()
            .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withImage("vllm/vllm-openai:v0.7.2").withName("embed").endContainer()
            .endSpec()
        .endTemplate()
        .withBackoffLimit(2)
        .withCompletions(4)
        .withParallelism(2)
        .endSpec()
        .build();
    // WHEN
    String yaml = renderer.render(job);
    // THEN
    assertThat(yaml).isEqualTo("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: embed
          labels:
            app: batch
        spec:
          parallelism: 2
          completions: 4
          backoffLimit: 2
          template:
            spec:
              containers:
              - name: embed
                image: vllm/vllm-openai:v0.7.2
              restartPolicy: Never
          ttlSecondsAfterFinished: 600
        """);
  }

  @Test
  void should_write_a_stateful_set_and_its_headless_service_in_go_struct_order() {
    // GIVEN a StatefulSet (apps/v1 StatefulSetSpec: replicas, selector, template,
    // volumeClaimTemplates, serviceName, podManagementPolicy, updateStrategy) and a headless Service;
    // fabric8 writes apiVersion and kind on each volume claim template
    HasMetadata statefulSet = new StatefulSetBuilder()
        .withNewMetadata().withName("vllm").endMetadata()
        .withNewSpec()
        .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
        .withPodManagementPolicy("OrderedReady")
        .withServiceName("vllm")
        .addNewVolumeClaimTemplate()
            .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity("100Gi")).endResources().endSpec()
            .withNewMetadata().withName("hf-cache").endMetadata()
        .endVolumeClaimTemplate()
        .withNewTemplate()
            .withNewSpec().addNewContainer().withImage("vllm/vllm-openai:v0.7.2").withName("vllm").endContainer()
            .endSpec()
            .withNewMetadata().addToLabels("app", "vllm").endMetadata()
        .endTemplate()
        .withNewSelector().addToMatchLabels("app", "vllm").endSelector()
        .withReplicas(2)
        .endSpec()
        .build();
    HasMetadata service = new ServiceBuilder()
        .withNewMetadata().withName("vllm").endMetadata()
        .withNewSpec()
        .addNewPort().withTargetPort(new IntOrString(8000)).withPort(8000).withProtocol("TCP").withName("http")
            .endPort()
        .withType("ClusterIP")
        .withClusterIP("None")
        .addToSelector("app", "vllm")
        .endSpec()
        .build();
    // WHEN
    String yaml = renderer.render(List.of(statefulSet, service));
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
              containers:
              - name: vllm
                image: vllm/vllm-openai:v0.7.2
          volumeClaimTemplates:
          - apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: hf-cache
            spec:
              accessModes:
              - ReadWriteOnce
              resources:
                requests:
                  storage: 100Gi
          serviceName: vllm
          podManagementPolicy: OrderedReady
          updateStrategy:
            type: RollingUpdate
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: vllm
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
  void should_render_the_same_text_when_labels_come_from_maps_of_different_iteration_orders() {
    // GIVEN the same labels, annotations and node selector from a Map.of, a HashMap, a TreeMap and
    // two LinkedHashMaps filled in opposite orders
    Map<String, String> labels = Map.of("app", "vllm", "team", "ml", "cost-center", "42", "tier", "gpu");
    List<Map<String, String>> maps = List.of(labels, new HashMap<>(labels), new TreeMap<>(labels),
        linked("tier", "gpu", "team", "ml", "cost-center", "42", "app", "vllm"),
        linked("app", "vllm", "cost-center", "42", "team", "ml", "tier", "gpu"));
    // WHEN each is rendered
    List<String> texts = maps.stream().map(this::podWithLabels).toList();
    // THEN every text is the same, the keys sorted
    assertThat(texts).containsOnly(texts.get(0));
    assertThat(texts.get(0)).isEqualTo("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: vllm
          labels:
            app: vllm
            cost-center: "42"
            team: ml
            tier: gpu
          annotations:
            app: vllm
            cost-center: "42"
            team: ml
            tier: gpu
        spec:
          containers:
          - name: vllm
            image: vllm/vllm-openai:v0.7.2
          nodeSelector:
            app: vllm
            cost-center: "42"
            team: ml
            tier: gpu
        """);
  }

  @Test
  void should_reorder_keys_when_fmt_is_given_a_file_with_shuffled_keys() {
    // GIVEN a Deployment and a Service written with their keys shuffled at every level
    String text = """
        spec:
          template:
            spec:
              containers:
              - ports:
                - containerPort: 8000
                  name: http
                args: ["--port=8000"]
                image: vllm/vllm-openai:v0.7.2
                name: vllm   # the server
            metadata:
              labels: {tier: gpu, app: vllm}
          selector:
            matchLabels: {app: vllm}
          replicas: 1
        metadata:
          labels: {tier: gpu, app: vllm}
          name: vllm
        kind: Deployment
        apiVersion: apps/v1
        ---
        spec:
          ports:
          - targetPort: 8000
            port: 8000
          type: ClusterIP
          selector: {app: vllm}
        kind: Service
        metadata: {name: vllm}
        apiVersion: v1
        """;
    // WHEN it is formatted
    String formatted = ManifestFormatter.standard().format(text, "shuffled.yaml");
    // THEN every mapping is in the table's order, free-form maps sorted, the comment kept
    assertThat(formatted).isEqualTo("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          labels:
            app: vllm
            tier: gpu
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: vllm
          template:
            metadata:
              labels:
                app: vllm
                tier: gpu
            spec:
              containers:
              - name: vllm # the server
                image: vllm/vllm-openai:v0.7.2
                args:
                - --port=8000
                ports:
                - name: http
                  containerPort: 8000
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: vllm
        spec:
          selector:
            app: vllm
          type: ClusterIP
          ports:
          - port: 8000
            targetPort: 8000
        """);
  }

  @Test
  void should_keep_the_given_order_of_fields_when_the_kind_is_unknown() {
    // GIVEN a custom resource whose spec fields are not in any row of the table
    HasMetadata custom = new GenericKubernetesResourceBuilder()
        .withApiVersion("example.com/v1").withKind("InferenceModel")
        .withNewMetadata().withName("gemma").endMetadata()
        .withAdditionalProperties(Map.of("spec", linkedObject("zeta", 1, "alpha", 2)))
        .build();
    // WHEN
    String yaml = renderer.render(custom);
    // THEN apiVersion, kind, metadata, spec lead; the spec keeps its own order
    assertThat(yaml).isEqualTo("""
        apiVersion: example.com/v1
        kind: InferenceModel
        metadata:
          name: gemma
        spec:
          zeta: 1
          alpha: 2
        """);
  }

  @Test
  void should_have_a_row_for_every_kubernetes_type_gpushare_writes() {
    // GIVEN the types issue 11 names
    List<String> types = List.of("ObjectMeta", "PodSpec", "PodTemplateSpec", "Container", "ContainerPort", "EnvVar",
        "EnvVarSource", "SecretKeySelector", "ConfigMapKeySelector", "EnvFromSource", "ResourceRequirements",
        "PodResourceClaim", "ContainerResourceClaim", "Probe", "HTTPGetAction", "TCPSocketAction", "ExecAction",
        "Volume", "VolumeMount", "PersistentVolumeClaimVolumeSource", "ConfigMapVolumeSource",
        "EmptyDirVolumeSource", "Toleration", "Affinity", "NodeAffinity", "PodAffinity",
        "TopologySpreadConstraint", "SecurityContext", "PodSecurityContext", "LocalObjectReference",
        "DeploymentSpec", "DeploymentStrategy", "RollingUpdateDeployment", "StatefulSetSpec", "DaemonSetSpec",
        "ReplicaSetSpec", "JobSpec", "CronJobSpec", "ServiceSpec", "ServicePort", "PersistentVolumeClaimSpec",
        "LabelSelector", "ResourceClaimSpec", "ResourceClaimTemplateSpec", "DeviceClassSpec", "DeviceRequest",
        "ExactDeviceRequest", "DeviceSubRequest", "LeaderWorkerSetSpec", "LeaderWorkerTemplate");
    List<String> kinds = List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
        "Service", "ConfigMap", "Secret", "PersistentVolumeClaim", "ResourceClaim", "ResourceClaimTemplate",
        "DeviceClass", "LeaderWorkerSet");
    // WHEN / THEN each has a row, and each kind's document starts apiVersion, kind, metadata
    assertThat(types).allSatisfy(type -> assertThat(KubernetesStyle.forType(type)).as(type).isNotNull());
    assertThat(kinds).allSatisfy(kind -> assertThat(KubernetesStyle.forKind(kind)).as(kind)
        .isSameAs(KubernetesStyle.forType(kind))
        .satisfies(shape -> assertThat(shape.keys()).startsWith("apiVersion", "kind", "metadata")));
    // ObjectMeta: metadata (name, namespace, labels, annotations, ...) as apimachinery declares it
    assertThat(KubernetesStyle.forType("ObjectMeta").keys())
        .containsSubsequence("name", "namespace", "labels", "annotations");
  }

  @Test
  void should_refuse_a_table_row_that_names_a_type_without_a_row() {
    // GIVEN a table whose Pod row names a type it does not define
    List<String> lines = List.of("kind\t*\tapiVersion kind", "kind\tPod\tapiVersion kind spec:PodSpecc");
    // WHEN / THEN
    assertThatThrownBy(() -> KubernetesStyle.Table.parse(lines))
        .hasMessage("key-order.tsv line 2: field spec names the type PodSpecc, which has no row");
  }

  private String podWithLabels(Map<String, String> map) {
    return renderer.render(new PodBuilder()
        .withNewMetadata().withName("vllm").withLabels(map).withAnnotations(map).endMetadata()
        .withNewSpec().withNodeSelector(map)
            .addNewContainer().withName("vllm").withImage("vllm/vllm-openai:v0.7.2").endContainer()
        .endSpec()
        .build());
  }

  private static Map<String, String> linked(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> linkedObject(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
