package io.gpushare.core.validate;

/**
 * Two objects of one kind with one name (and namespace) in the set: the API server keeps one, so the
 * other's settings silently vanish. The first is the one the other rules judge.
 */
final class DuplicateObjectsRule implements Rule {
  @Override
  public void check(ValidationContext context, Findings findings) {
    for (String duplicate : context.duplicates()) {
      findings.error("DUPLICATE_NAME", duplicate,
          "expected one object of this kind and name, found it again; only the first was checked",
          "rename one of them, or remove the copy: the API server keeps only the last one applied");
    }
  }
}
