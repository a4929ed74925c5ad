package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodResourceClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server checks on pods and the workloads that run them ({@code pkg/apis/core/validation},
 * {@code pkg/apis/apps/validation}, {@code pkg/apis/batch/validation}): workload names, selectors
 * against their pod template, fields of the wrong type, and in every pod template: pod claim entries,
 * container claim references, volume mounts, tolerations, ports, and the 256 pods one claim can serve
 * ({@link ClaimReservations}, with the pods of autoscaled workloads at their {@code maxReplicas}).
 */
final class PodApiRule implements Rule {
  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  @Override
  public void check(ValidationContext context, Findings findings) {
    ClaimReservations reservations = new ClaimReservations();
    for (Workload workload : context.workloads()) {
      String problem = Names.dns1123Subdomain(ValidationContext.name(workload.resource()));
      boolean generated = ValidationContext.name(workload.resource()) == null && workload.resource().getMetadata() != null
          && workload.resource().getMetadata().getGenerateName() != null;
      if (!problem.isEmpty() && !generated) {
        findings.add(FindingCode.INVALID_NAME, workload.id() + ".metadata.name",
            "expected " + problem + ", found " + Names.quoted(ValidationContext.name(workload.resource())),
            "rename it, e.g. vllm-gpu");
      }
      workload.selector().ifPresent(selector -> checkSelector(selector, findings));
      for (String path : workload.unreadable()) {
        findings.add(FindingCode.FIELD_TYPE_INVALID, path,
            "expected the JSON type the " + workload.kind() + " API gives this field, found another, so what depends"
                + " on it was not checked",
            "the API server refuses the object as written; give the field its type (an object, a list, an integer)");
      }
    }
    for (PodGroup group : context.podGroups()) {
      PodSpec pod = group.pod();
      if (pod == null) {
        continue;
      }
      Set<String> podClaims = checkPodClaims(pod, group, context, reservations, findings);
      Set<String> volumes = new HashSet<>();
      List<Volume> podVolumes = Nulls.list(pod.getVolumes());
      for (int v = 0; v < podVolumes.size(); v++) {
        String volumeName = podVolumes.get(v).getName();
        if (!Names.dns1123Label(volumeName).isEmpty()) {
          findings.add(FindingCode.INVALID_NAME, group.podPath() + ".volumes[" + v + "].name",
              "expected " + Names.dns1123Label(volumeName) + ", found " + Names.quoted(volumeName), "name it like dshm");
        }
        volumes.add(volumeName);
      }
      List<Container> containers = Nulls.list(pod.getContainers());
      for (int c = 0; c < containers.size(); c++) {
        checkContainer(containers.get(c), group.podPath() + ".containers[" + c + "]", podClaims, volumes, findings);
      }
      for (int c = 0; c < Nulls.list(pod.getInitContainers()).size(); c++) {
        checkContainer(Nulls.list(pod.getInitContainers()).get(c), group.podPath() + ".initContainers[" + c + "]", podClaims,
            volumes, findings);
      }
      EphemeralContainers.check(pod, group.podPath(), findings);
      checkTolerations(Nulls.list(pod.getTolerations()), group.podPath() + ".tolerations", findings);
    }
    reservations.report(findings);
  }

  private static Set<String> checkPodClaims(PodSpec pod, PodGroup group, ValidationContext context,
      ClaimReservations reservations, Findings findings) {
    Set<String> names = new HashSet<>();
    Set<String> reserved = new HashSet<>();
    List<PodResourceClaim> claims = Nulls.list(pod.getResourceClaims());
    for (int i = 0; i < claims.size(); i++) {
      PodResourceClaim claim = claims.get(i);
      String path = group.podPath() + ".resourceClaims[" + i + "]";
      String problem = Names.dns1123Label(claim.getName());
      // every entry's name counts for the containers' references, valid or not, as the API server gathers them
      boolean first = claim.getName() == null || names.add(claim.getName());
      if (!problem.isEmpty()) {
        findings.add(FindingCode.INVALID_NAME, path + ".name", "expected " + problem + ", found " + Names.quoted(claim.getName()),
            "name the pod's claim entry like gpu");
      } else if (!first) {
        findings.add(FindingCode.DUPLICATE_NAME, path + ".name",
            "expected unique pod claim names, found '" + claim.getName() + "' twice", "give each entry its own name");
      }
      PodClaimSources.Entry source = PodClaimSources.entry(claim, path, context.kubernetesVersion(), findings);
      if (source == null) {
        continue; // written for a release on the other side of 1.31 than the target: reported
      }
      boolean byName = source.claimName() != null;
      boolean byTemplate = source.templateName() != null;
      if (byName == byTemplate) {
        findings.add(FindingCode.POD_CLAIM_SOURCE, path,
            "expected exactly one of resourceClaimName or resourceClaimTemplateName, found "
                + (byName ? "both" : "neither"),
            "resourceClaimName shares one claim between all pods; resourceClaimTemplateName gives each pod its own");
      } else if (byName) {
        if (reserved.add(source.claimName())) {
          reservations.add(context.namespace(group), source.claimName(), group, context.autoscaler(group));
        }
        if (PodClaimSources.valid(source.claimName(), path + ".resourceClaimName", findings)
            && !context.claims().containsKey(source.claimName())) {
          PodClaimSources.notInSet("ResourceClaim", source.claimName(), path + ".resourceClaimName", context,
              findings);
        }
      } else if (PodClaimSources.valid(source.templateName(), path + ".resourceClaimTemplateName", findings)
          && !context.templates().containsKey(source.templateName())) {
        PodClaimSources.notInSet("ResourceClaimTemplate", source.templateName(),
            path + ".resourceClaimTemplateName", context, findings);
      }
    }
    return names;
  }

  private static void checkContainer(Container container, String path, Set<String> podClaims, Set<String> volumes,
      Findings findings) {
    if (!Names.dns1123Label(container.getName()).isEmpty()) {
      findings.add(FindingCode.INVALID_NAME, path + ".name",
          "expected " + Names.dns1123Label(container.getName()) + ", found " + Names.quoted(container.getName()),
          "name the container like vllm-gpu");
    }
    if (container.getResources() != null) {
      var claims = Nulls.list(container.getResources().getClaims());
      Set<String> seen = new HashSet<>();
      Set<String> wholeClaims = new HashSet<>();
      Set<String> byRequest = new HashSet<>();
      for (int i = 0; i < claims.size(); i++) {
        var claim = claims.get(i);
        String claimPath = path + ".resources.claims[" + i + "].name";
        String request = claim.getRequest();
        boolean whole = request == null || request.isEmpty();
        String key = claim.getName() + (whole ? "" : "/" + request);
        if (request != null && !request.isEmpty() && !Names.dns1123Label(request).isEmpty()) {
          findings.add(FindingCode.INVALID_NAME, path + ".resources.claims[" + i + "].request",
              "expected " + Names.dns1123Label(request) + ", found '" + request + "'",
              "name one of the claim's requests, exactly as spec.devices.requests[].name spells it");
        }
        if (!podClaims.contains(claim.getName())) {
          findings.add(FindingCode.CONTAINER_CLAIM_UNKNOWN, claimPath,
              "expected one of the names in pod.spec.resourceClaims " + podClaims.stream().filter(java.util.Objects::nonNull).sorted().toList()
                  + ", found " + Names.quoted(claim.getName()),
              "use the pod-level entry's name (e.g. gpu), not the ResourceClaim object's name (e.g. gpu-claim)");
        } else if (!seen.add(key)) {
          findings.add(FindingCode.DUPLICATE_NAME, claimPath, "expected each claim once, found '" + claim.getName() + "' twice",
              "list the claim once");
        } else if (whole ? byRequest.contains(claim.getName()) : wholeClaims.contains(claim.getName())) {
          findings.add(FindingCode.DUPLICATE_NAME, claimPath,
              "expected claim '" + claim.getName() + "' either whole or by request, found both",
              "list the claim once without request to get all its devices, or only by request");
        }
        (whole ? wholeClaims : byRequest).add(claim.getName());
      }
    }
    List<VolumeMount> mounts = Nulls.list(container.getVolumeMounts());
    Set<String> mountPaths = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount mount = mounts.get(i);
      if (!volumes.contains(mount.getName())) {
        findings.add(FindingCode.VOLUME_MOUNT_UNKNOWN, path + ".volumeMounts[" + i + "].name",
            "expected the name of a pod volume " + volumes.stream().filter(java.util.Objects::nonNull).sorted().toList() + ", found "
                + Names.quoted(mount.getName()),
            "add the volume to spec.volumes, or mount one that exists");
      }
      if (mount.getMountPath() != null && !mountPaths.add(mount.getMountPath())) {
        findings.add(FindingCode.DUPLICATE_NAME, path + ".volumeMounts[" + i + "].mountPath",
            "expected unique mount paths, found '" + mount.getMountPath() + "' twice", "mount one volume per path");
      }
    }
    List<ContainerPort> ports = Nulls.list(container.getPorts());
    for (int i = 0; i < ports.size(); i++) {
      Integer port = ports.get(i).getContainerPort();
      if (port == null || port < 1 || port > 65535) {
        findings.add(FindingCode.PORT_RANGE, path + ".ports[" + i + "].containerPort",
            "expected a port in 1..65535, found " + port, "vLLM listens on 8000 unless --port says otherwise");
      }
    }
  }

  private static void checkTolerations(List<Toleration> tolerations, String path, Findings findings) {
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration toleration = tolerations.get(i);
      String at = path + "[" + i + "]";
      String key = toleration.getKey();
      String operator = toleration.getOperator() == null ? "Equal" : toleration.getOperator();
      if (key != null && !key.isEmpty() && !Names.qualifiedName(key).isEmpty()) {
        findings.add(FindingCode.TOLERATION_INVALID, at + ".key", "expected " + Names.qualifiedName(key) + ", found '" + key + "'",
            "GPU nodes are usually tainted nvidia.com/gpu");
      }
      if (!operator.equals("Exists") && !operator.equals("Equal")) {
        findings.add(FindingCode.TOLERATION_INVALID, at + ".operator", "expected Exists or Equal, found '" + operator + "'",
            "operator names are case-sensitive");
      } else if (operator.equals("Exists") && toleration.getValue() != null && !toleration.getValue().isEmpty()) {
        findings.add(FindingCode.TOLERATION_INVALID, at + ".value",
            "expected no value with operator Exists, found '" + toleration.getValue() + "'",
            "remove the value, or use operator Equal");
      } else if ((key == null || key.isEmpty()) && !operator.equals("Exists")) {
        findings.add(FindingCode.TOLERATION_INVALID, at + ".operator",
            "expected operator Exists when the key is empty, found '" + operator + "'",
            "set the key, or use Exists to tolerate every taint");
      }
      if (toleration.getEffect() != null && !toleration.getEffect().isEmpty() && !EFFECTS.contains(toleration.getEffect())) {
        findings.add(FindingCode.TOLERATION_INVALID, at + ".effect",
            "expected NoSchedule, PreferNoSchedule or NoExecute, found '" + toleration.getEffect() + "'",
            "effect names are case-sensitive");
      }
      if (toleration.getTolerationSeconds() != null && !"NoExecute".equals(toleration.getEffect())) {
        findings.add(FindingCode.TOLERATION_INVALID, at + ".tolerationSeconds",
            "expected tolerationSeconds only with effect NoExecute, found effect " + Names.quoted(toleration.getEffect()),
            "remove tolerationSeconds");
      }
    }
  }

  private static void checkSelector(Workload.Selector selector, Findings findings) {
    LabelSelector written = selector.selector();
    Map<String, String> matchLabels = written == null || written.getMatchLabels() == null
        ? Map.of() : written.getMatchLabels();
    if (matchLabels.isEmpty() && (written == null || Nulls.list(written.getMatchExpressions()).isEmpty())) {
      findings.add(FindingCode.SELECTOR_MISMATCH, selector.path(),
          "expected a selector, found none", "select the pod template's labels, e.g. matchLabels: {app: vllm-gpu}");
      return;
    }
    Map<String, String> labels = Nulls.map(selector.templateLabels());
    int relative = selector.path().indexOf("].") + 2;
    for (Map.Entry<String, String> label : matchLabels.entrySet()) {
      if (!java.util.Objects.equals(label.getValue(), labels.get(label.getKey()))) {
        findings.add(FindingCode.SELECTOR_MISMATCH, selector.path() + ".matchLabels." + label.getKey(),
            "expected the pod template to carry " + label.getKey() + ": " + label.getValue() + ", found "
                + Names.quoted(labels.get(label.getKey())),
            "make " + selector.path().substring(relative) + ".matchLabels and "
                + selector.templatePath().substring(relative) + ".metadata.labels agree");
      }
    }
  }
}
