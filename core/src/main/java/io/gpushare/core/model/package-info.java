/**
 * The domain's value types: what a platform engineer means when GPUs are shared between inference
 * servers. Each type is immutable, built with a strict builder (setting an attribute twice is an
 * error, and a missing required attribute is reported together with every other missing one), and
 * checks only its own invariants ({@code @Value.Check}: a fraction in (0, 1], a percentage in
 * 0..100). Rules that look across objects (sums over pods sharing a GPU, references between a pod
 * and a claim) belong to {@link io.gpushare.core.validate.Validator}.
 *
 * <p>The style below is declared once for the whole package: implementations are hidden
 * ({@code Immutable*} classes are package-private), and every type exposes {@code builder()} and a
 * nested {@code Builder}.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    allParameters = false,
    defaultAsDefault = false,
    jdkOnly = true)
package io.gpushare.core.model;

import org.immutables.value.Value;
