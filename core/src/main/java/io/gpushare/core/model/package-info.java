/**
 * The domain's value types: what a platform engineer means when GPUs are shared between inference
 * servers. Each type is immutable, built with a builder that reports a missing required attribute
 * together with every other missing one, and checks only its own invariants ({@code @Value.Check}: a fraction in (0, 1], a percentage in
 * 0..100). Rules that look across objects (sums over pods sharing a GPU, references between a pod
 * and a claim) belong to {@link io.gpushare.core.validate.Validator}.
 *
 * <p>The style below is declared once for the whole package: implementations are hidden
 * ({@code Immutable*} classes are package-private), and every type exposes {@code builder()}, a
 * nested {@code Builder} with {@code from(spec)}, and {@code toBuilder()}:
 *
 * <pre>{@code
 * VllmWorkloadSpec canary = spec.toBuilder().name("vllm-canary").replicas(1).build();
 * }</pre>
 *
 * <p>Builders are not {@code strictBuilder}: Immutables suppresses {@code from} on strict builders
 * and disables the {@code toBuilder} style with them ("incompatible with strictBuilder"), and a
 * copy that changes an attribute must set it again. What strictness kept: required attributes
 * (every missing one listed in one error), {@code @Value.Check} invariants on {@code build()},
 * no nulls, and {@code jdkOnly} collections that keep their insertion order. What it gave up: a
 * second call of the same setter replaces the value instead of failing.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = false,
    toBuilder = "toBuilder",
    allParameters = false,
    defaultAsDefault = false,
    jdkOnly = true)
package io.gpushare.core.model;

import org.immutables.value.Value;
