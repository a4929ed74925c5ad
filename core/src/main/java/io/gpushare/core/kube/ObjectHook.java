package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The escape hatch: an edit of the fabric8 object a {@link io.gpushare.core.model.ManifestDocument}
 * becomes, applied by {@link ManifestSet#of(io.gpushare.core.model.ManifestBundle)} right after
 * {@link KubeObjects#toKubernetes} and <em>before</em> validation, so anything Kubernetes allows can
 * be set and the result is still judged and rendered like the rest.
 *
 * <pre>{@code
 * ObjectHook.podSpec(pod -> pod.withRuntimeClassName("nvidia").withHostIPC(true))
 * }</pre>
 *
 * turns the Deployment's pod template into
 *
 * <pre>
 * spec:
 *   template:
 *     spec:
 *       hostIPC: true
 *       runtimeClassName: nvidia
 *       ...
 * </pre>
 *
 * <p>A hook receives a fresh object of its own on every conversion and returns the object to keep
 * (the same or another). A typed hook given an object of another kind fails with an
 * {@link IllegalArgumentException} naming both.
 */
@FunctionalInterface
public interface ObjectHook {

  /** The object to keep in place of {@code object}. */
  HasMetadata apply(HasMetadata object);

  /**
   * A hook on objects of one fabric8 type through that type's builder, e.g. a StatefulSet:
   *
   * <pre>{@code
   * ObjectHook.of(StatefulSet.class, StatefulSetBuilder::new, StatefulSetBuilder::build,
   *     s -> s.editSpec().withPodManagementPolicy("Parallel").endSpec());
   * }</pre>
   */
  static <T extends HasMetadata, B> ObjectHook of(
      Class<T> type, Function<T, B> toBuilder, Function<B, T> build, Consumer<? super B> edit) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(toBuilder, "toBuilder");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(edit, "edit");
    return object -> {
      if (!type.isInstance(object)) {
        throw new IllegalArgumentException("expected a " + type.getSimpleName() + " for this hook, found "
            + object.getKind() + "[" + (object.getMetadata() == null ? null : object.getMetadata().getName()) + "]"
            + "; put the hook on the document of that kind (customizePod works on every workload kind)");
      }
      B builder = toBuilder.apply(type.cast(object));
      edit.accept(builder);
      return build.apply(builder);
    };
  }

  /** A hook on a {@code Deployment}. */
  static ObjectHook deployment(Consumer<? super DeploymentBuilder> edit) {
    return of(Deployment.class, DeploymentBuilder::new, DeploymentBuilder::build, edit);
  }

  /** A hook on a {@code Service}. */
  static ObjectHook service(Consumer<? super ServiceBuilder> edit) {
    return of(Service.class, ServiceBuilder::new, ServiceBuilder::build, edit);
  }

  /** A hook on a {@code resource.k8s.io/v1} {@code ResourceClaim}. */
  static ObjectHook resourceClaim(Consumer<? super ResourceClaimBuilder> edit) {
    return of(ResourceClaim.class, ResourceClaimBuilder::new, ResourceClaimBuilder::build, edit);
  }

  /** A hook on a {@code resource.k8s.io/v1} {@code ResourceClaimTemplate}. */
  static ObjectHook resourceClaimTemplate(Consumer<? super ResourceClaimTemplateBuilder> edit) {
    return of(ResourceClaimTemplate.class, ResourceClaimTemplateBuilder::new, ResourceClaimTemplateBuilder::build, edit);
  }

  /**
   * A hook on every pod spec of an object that runs pods, whatever its kind: a Pod's {@code spec},
   * the {@code spec.template.spec} of a Deployment, ReplicaSet, ReplicationController, StatefulSet,
   * DaemonSet or Job, a CronJob's job template, a LeaderWorkerSet's leader and worker templates.
   * Given an object without a pod template it fails with an {@link IllegalArgumentException}.
   */
  static ObjectHook podSpec(Consumer<? super PodSpecBuilder> edit) {
    Objects.requireNonNull(edit, "edit");
    return object -> PodSpecs.edit(object, edit);
  }
}
