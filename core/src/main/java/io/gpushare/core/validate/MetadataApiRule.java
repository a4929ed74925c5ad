package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.gpushare.core.kube.Manifest;
import java.util.Map;

/**
 * What the API server checks on every object's {@code metadata} besides its name
 * ({@code ValidateObjectMeta} in {@code k8s.io/apimachinery}): label keys and values, annotation keys.
 *
 * <pre>
 * metadata:
 *   labels:
 *     app: vllm gpu          # LABEL_INVALID: a label value has no spaces
 *   annotations:
 *     "!@#$%^": "x"          # LABEL_INVALID: an annotation key is a qualified name
 * </pre>
 */
final class MetadataApiRule implements Rule {

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (Manifest manifest : context.set().manifests()) {
      HasMetadata resource = manifest.resource();
      ObjectMeta metadata = resource.getMetadata();
      if (metadata == null) {
        continue;
      }
      String at = resource.getKind() + "[" + Names.shown(metadata.getName()) + "].metadata";
      if ("DeviceClass".equals(resource.getKind()) && !Names.dns1123Subdomain(metadata.getName()).isEmpty()) {
        // no other rule reads a DeviceClass; claims and workloads have their names checked by theirs
        findings.add(FindingCode.INVALID_NAME, at + ".name",
            "expected " + Names.dns1123Subdomain(metadata.getName()) + ", found " + Names.quoted(metadata.getName()),
            "rename it, e.g. gpu.example.com");
      }
      checkLabels(metadata.getLabels(), at + ".labels", findings);
      checkAnnotationKeys(metadata.getAnnotations(), at + ".annotations", findings);
    }
    for (Workload workload : context.workloads()) {
      workload.selector().ifPresent(selector ->
          checkLabels(selector.templateLabels(), selector.templatePath() + ".metadata.labels", findings));
    }
  }

  /** Labels of an object or a pod template: each key a qualified name, each value a label value. */
  static void checkLabels(Map<String, String> labels, String path, Findings findings) {
    for (Map.Entry<String, String> label : Nulls.map(labels).entrySet()) {
      String keyProblem = Names.qualifiedName(label.getKey());
      if (!keyProblem.isEmpty()) {
        findings.add(FindingCode.LABEL_INVALID, path + TokenScan.key(label.getKey()),
            "expected a label key that is " + keyProblem + ", found " + Names.quoted(label.getKey()),
            "name the label like app or app.kubernetes.io/name");
      }
      String valueProblem = Names.labelValue(label.getValue());
      if (!valueProblem.isEmpty()) {
        findings.add(FindingCode.LABEL_INVALID, path + TokenScan.key(label.getKey()),
            "expected " + valueProblem + ", found " + Names.quoted(label.getValue()),
            "replace spaces and other characters by '-', or move free text to an annotation");
      }
    }
  }

  private static void checkAnnotationKeys(Map<String, String> annotations, String path, Findings findings) {
    for (String key : Nulls.map(annotations).keySet()) {
      // an annotation key is a qualified name, its prefix a lowercase DNS subdomain (ValidateAnnotations)
      String problem = Names.qualifiedName(key);
      if (!problem.isEmpty()) {
        findings.add(FindingCode.LABEL_INVALID, path + TokenScan.key(key),
            "expected an annotation key that is " + problem + ", found " + Names.quoted(key),
            "name the annotation like example.com/note; free text belongs in its value");
      }
    }
  }
}
