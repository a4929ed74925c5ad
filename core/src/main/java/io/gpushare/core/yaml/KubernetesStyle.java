package io.gpushare.core.yaml;

import java.util.Map;

/**
 * The one declared style policy of every YAML document gpushare writes: key order per Kubernetes
 * type, the few flow sequences, and the values that are always double-quoted. Everything else
 * follows fixed rules in {@link YamlEmitter}: block mappings, two-space indentation, block sequences
 * at the parent key's indentation, plain strings unless a YAML 1.1 or 1.2 reader would read them as
 * something else, LF line ends.
 *
 * <p>The order is the "human" one of the GKE DRA tutorials and the Kubernetes documentation
 * ({@code name} first, then what identifies the thing, then its details), not fabric8's
 * alphabetical {@code @JsonPropertyOrder}. Keys not listed here follow the listed ones in the order
 * the object gave them.
 */
final class KubernetesStyle {

  private static final Shape METADATA =
      Shape.keys("name", "generateName", "namespace", "labels", "annotations");

  private static final Shape LABEL_SELECTOR = Shape.keys("matchLabels", "matchExpressions");

  // resource.k8s.io/v1 (and v1beta2, v1beta1): ResourceClaim, ResourceClaimTemplate
  private static final Shape CEL = Shape.keys("expression");
  private static final Shape DEVICE_SELECTOR = Shape.keys("cel").child("cel", CEL);
  private static final Shape DEVICE_TOLERATION =
      Shape.keys("key", "operator", "value", "effect", "tolerationSeconds")
          .doubleQuoted("key", "operator", "value", "effect");
  private static final Shape EXACT_REQUEST =
      Shape.keys("deviceClassName", "allocationMode", "count", "selectors", "tolerations",
              "adminAccess", "capacity")
          .child("selectors", DEVICE_SELECTOR)
          .child("tolerations", DEVICE_TOLERATION);
  private static final Shape SUB_REQUEST =
      Shape.keys("name", "deviceClassName", "allocationMode", "count", "selectors", "tolerations",
              "capacity")
          .child("selectors", DEVICE_SELECTOR)
          .child("tolerations", DEVICE_TOLERATION);
  // v1beta1 (rendered for Kubernetes 1.32, or formatted as written) has exactly's fields on the request
  private static final Shape DEVICE_REQUEST =
      Shape.keys("name", "exactly", "deviceClassName", "allocationMode", "count", "selectors", "tolerations",
              "adminAccess", "capacity", "firstAvailable")
          .child("exactly", EXACT_REQUEST)
          .child("selectors", DEVICE_SELECTOR)
          .child("tolerations", DEVICE_TOLERATION)
          .child("firstAvailable", SUB_REQUEST);
  private static final Shape DEVICE_CONSTRAINT =
      Shape.keys("requests", "matchAttribute", "distinctAttribute").flowSequence("requests");
  private static final Shape OPAQUE = Shape.keys("driver", "parameters");
  private static final Shape DEVICE_CONFIG =
      Shape.keys("requests", "opaque").flowSequence("requests").child("opaque", OPAQUE);
  private static final Shape DEVICE_CLAIM =
      Shape.keys("requests", "constraints", "config")
          .child("requests", DEVICE_REQUEST)
          .child("constraints", DEVICE_CONSTRAINT)
          .child("config", DEVICE_CONFIG);
  private static final Shape CLAIM_SPEC = Shape.keys("devices").child("devices", DEVICE_CLAIM);
  private static final Shape CLAIM_TEMPLATE_SPEC =
      Shape.keys("metadata", "spec").child("metadata", METADATA).child("spec", CLAIM_SPEC);

  // core/v1 pod spec
  private static final Shape TOLERATION =
      Shape.keys("key", "operator", "value", "effect", "tolerationSeconds")
          .doubleQuoted("key", "operator", "value", "effect");
  private static final Shape POD_RESOURCE_CLAIM =
      Shape.keys("name", "resourceClaimName", "resourceClaimTemplateName");
  private static final Shape KEY_SELECTOR = Shape.keys("name", "key", "optional");
  private static final Shape ENV_VAR_SOURCE =
      Shape.keys("secretKeyRef", "configMapKeyRef", "fieldRef", "resourceFieldRef")
          .child("secretKeyRef", KEY_SELECTOR)
          .child("configMapKeyRef", KEY_SELECTOR);
  private static final Shape ENV_VAR =
      Shape.keys("name", "value", "valueFrom").child("valueFrom", ENV_VAR_SOURCE);
  private static final Shape CONTAINER_PORT =
      Shape.keys("name", "containerPort", "protocol", "hostPort");
  private static final Shape CONTAINER_CLAIM = Shape.keys("name", "request");
  private static final Shape RESOURCES =
      Shape.keys("limits", "requests", "claims").child("claims", CONTAINER_CLAIM);
  private static final Shape HTTP_GET = Shape.keys("path", "port", "scheme", "httpHeaders");
  private static final Shape PROBE =
      Shape.keys("exec", "httpGet", "tcpSocket", "grpc", "initialDelaySeconds", "periodSeconds",
          "timeoutSeconds", "successThreshold", "failureThreshold").child("httpGet", HTTP_GET);
  private static final Shape VOLUME_MOUNT =
      Shape.keys("name", "mountPath", "subPath", "readOnly");
  private static final Shape CONTAINER =
      Shape.keys("name", "image", "imagePullPolicy", "command", "args", "workingDir", "env",
              "envFrom", "ports", "resources", "livenessProbe", "readinessProbe", "startupProbe",
              "volumeMounts", "securityContext")
          .flowSequence("command")
          .child("env", ENV_VAR)
          .child("envFrom", Shape.keys("configMapRef", "secretRef", "prefix"))
          .child("ports", CONTAINER_PORT)
          .child("resources", RESOURCES)
          .child("livenessProbe", PROBE)
          .child("readinessProbe", PROBE)
          .child("startupProbe", PROBE)
          .child("volumeMounts", VOLUME_MOUNT);
  private static final Shape EMPTY_DIR = Shape.keys("medium", "sizeLimit");
  private static final Shape VOLUME =
      Shape.keys("name", "emptyDir", "persistentVolumeClaim", "configMap", "secret").child("emptyDir", EMPTY_DIR);
  private static final Shape POD_SPEC =
      Shape.keys("serviceAccountName", "priorityClassName", "restartPolicy", "terminationGracePeriodSeconds",
              "securityContext", "imagePullSecrets", "nodeSelector", "affinity", "tolerations",
              "topologySpreadConstraints", "resourceClaims", "initContainers", "containers", "volumes")
          .child("tolerations", TOLERATION)
          .child("resourceClaims", POD_RESOURCE_CLAIM)
          .child("initContainers", CONTAINER)
          .child("containers", CONTAINER)
          .child("volumes", VOLUME);
  private static final Shape POD_TEMPLATE =
      Shape.keys("metadata", "spec").child("metadata", METADATA).child("spec", POD_SPEC);

  // apps/v1
  private static final Shape STRATEGY =
      Shape.keys("type", "rollingUpdate").child("rollingUpdate", Shape.keys("maxSurge", "maxUnavailable"));
  private static final Shape DEPLOYMENT_SPEC =
      Shape.keys("replicas", "selector", "strategy", "template")
          .child("selector", LABEL_SELECTOR)
          .child("strategy", STRATEGY)
          .child("template", POD_TEMPLATE);
  private static final Shape STATEFUL_SET_SPEC =
      Shape.keys("replicas", "serviceName", "podManagementPolicy", "selector", "updateStrategy", "template")
          .child("selector", LABEL_SELECTOR)
          .child("template", POD_TEMPLATE);

  // batch/v1
  private static final Shape JOB_SPEC =
      Shape.keys("completions", "parallelism", "backoffLimit", "selector", "template")
          .child("selector", LABEL_SELECTOR)
          .child("template", POD_TEMPLATE);

  // leaderworkerset.x-k8s.io/v1
  private static final Shape LEADER_WORKER_SET_SPEC =
      Shape.keys("replicas", "startupPolicy", "rolloutStrategy", "leaderWorkerTemplate")
          .child("leaderWorkerTemplate", Shape.keys("size", "leaderTemplate", "workerTemplate")
              .child("leaderTemplate", POD_TEMPLATE)
              .child("workerTemplate", POD_TEMPLATE));

  // core/v1 Service
  private static final Shape SERVICE_PORT =
      Shape.keys("name", "protocol", "port", "targetPort", "nodePort");
  private static final Shape SERVICE_SPEC =
      Shape.keys("selector", "type", "clusterIP", "ports").child("ports", SERVICE_PORT);

  private static final Map<String, Shape> BY_KIND =
      Map.of(
          "ResourceClaim", document(CLAIM_SPEC),
          "ResourceClaimTemplate", document(CLAIM_TEMPLATE_SPEC),
          "Deployment", document(DEPLOYMENT_SPEC),
          "StatefulSet", document(STATEFUL_SET_SPEC),
          "Job", document(JOB_SPEC),
          "LeaderWorkerSet", document(LEADER_WORKER_SET_SPEC),
          "Pod", document(POD_SPEC),
          "Service", document(SERVICE_SPEC));

  private static final Shape ANY_DOCUMENT = document(Shape.ANY);

  private KubernetesStyle() {}

  private static Shape document(Shape spec) {
    return Shape.keys("apiVersion", "kind", "metadata", "spec", "data", "status")
        .child("metadata", METADATA)
        .child("spec", spec);
  }

  /** The shape of a top-level document of this {@code kind}; an unknown kind keeps its own order. */
  static Shape forKind(String kind) {
    Shape shape = kind == null ? null : BY_KIND.get(kind);
    return shape == null ? ANY_DOCUMENT : shape;
  }
}
