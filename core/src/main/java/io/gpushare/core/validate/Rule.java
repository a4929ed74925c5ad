package io.gpushare.core.validate;

/**
 * One group of checks over a whole set, named after who would otherwise find the problem on the
 * cluster. A rule adds findings and never throws for a broken manifest.
 */
interface Rule {
  void check(ValidationContext context, Findings findings);
}
