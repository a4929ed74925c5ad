package io.gpushare.core.validate;

/**
 * Objects the other rules cannot judge, said out loud: two objects of one kind with one name (and
 * namespace) in the set (the API server keeps one, so the other's settings silently vanish; the
 * first is judged), and DRA objects of an API version other than {@code resource.k8s.io/v1}.
 */
final class DuplicateObjectsRule implements Rule {
  @Override
  public void check(ValidationContext context, Findings findings) {
    for (String duplicate : context.duplicates()) {
      findings.add(FindingCode.DUPLICATE_NAME, duplicate,
          "expected one object of this kind and name, found it again; only the first was checked",
          "rename one of them, or remove the copy: the API server keeps only the last one applied");
    }
    for (var resource : context.otherResourceVersions()) {
      String id = resource.getKind() + "[" + ValidationContext.name(resource) + "]";
      findings.add(FindingCode.RESOURCE_API_VERSION_NOT_CHECKED, id + ".apiVersion",
          "expected resource.k8s.io/v1 (Kubernetes 1.34 and later), found " + resource.getApiVersion()
              + "; gpushare checks v1 objects only, so nothing about this one was checked",
          "move to apiVersion: resource.k8s.io/v1 (the fields sit under `exactly:` in v1 requests)");
    }
  }
}
