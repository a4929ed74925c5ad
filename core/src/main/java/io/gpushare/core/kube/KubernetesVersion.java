package io.gpushare.core.kube;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor release, the one a cluster runs: what {@code gpushare lint --kubernetes-version 1.32}
 * and {@link io.gpushare.core.validate.Validator#forKubernetes} take. With it, the DRA API versions
 * of a set are judged by whether that release serves them ({@link #serves}), not by the current one.
 *
 * <pre>{@code
 * KubernetesVersion v = KubernetesVersion.of("1.32");
 * v.serves("resource.k8s.io/v1beta1", "ResourceClaim");   // Optional[true]
 * v.serves("resource.k8s.io/v1", "ResourceClaim");        // Optional[false]: 1.34 and later
 * KubernetesVersion.servedRange("resource.k8s.io/v1alpha2", "ResourceClaim"); // "1.27 to 1.30"
 * }</pre>
 *
 * @param major the major release, 1
 * @param minor the minor release, e.g. 32
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {
  private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");

  /** {@code MAJOR.MINOR}, e.g. {@code 1.32}. */
  @Override
  public String toString() {
    return major + "." + minor;
  }

  /**
   * The release of {@code text}, {@code MAJOR.MINOR} as {@code kubectl version} shows it without its
   * patch (e.g. {@code 1.32}).
   *
   * @throws IllegalArgumentException with what was expected and found, when the text is not of that form
   */
  public static KubernetesVersion of(String text) {
    Matcher matcher = text == null ? null : FORM.matcher(text);
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException("expected a Kubernetes minor version MAJOR.MINOR such as 1.32, found "
          + (text == null ? "none" : "'" + text + "'"));
    }
    return new KubernetesVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
  }

  /** Whether this release is {@code other} or later. */
  public boolean atLeast(KubernetesVersion other) {
    return compareTo(other) >= 0;
  }

  /**
   * Whether this release serves {@code kind} in {@code apiVersion} (a {@code resource.k8s.io} version);
   * empty when gpushare does not know that pair (another group, a kind it does not track).
   */
  public Optional<Boolean> serves(String apiVersion, String kind) {
    return Optional.ofNullable(ResourceApiVersions.served(apiVersion, kind)).map(range -> range.contains(this));
  }

  /**
   * The releases that serve {@code kind} in {@code apiVersion}, as a message says them
   * ({@code 1.27 to 1.30}, {@code 1.32 and later}); empty when gpushare does not know that pair.
   */
  public static Optional<String> servedRange(String apiVersion, String kind) {
    return Optional.ofNullable(ResourceApiVersions.served(apiVersion, kind)).map(ResourceApiVersions.Served::text);
  }

  /**
   * The first release that serves {@code kind} in {@code apiVersion}; empty when gpushare does not
   * know that pair.
   */
  public static Optional<KubernetesVersion> firstServing(String apiVersion, String kind) {
    return Optional.ofNullable(ResourceApiVersions.served(apiVersion, kind)).map(ResourceApiVersions.Served::first);
  }
}
