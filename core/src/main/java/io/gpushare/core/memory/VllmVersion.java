package io.gpushare.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vLLM release, as its image tag or {@code pip} version names it, ordered the way PEP 440 orders
 * them: {@code 0.9.0rc1 < 0.9.0 < 0.9.0.post1 < 0.9.0.1 < 0.9.1}.
 *
 * <pre>
 * image: vllm/vllm-openai:v0.5.3.post1   -&gt; 0.5.3.post1
 * image: vllm/vllm-openai:v0.10.1.1      -&gt; 0.10.1.1
 * image: vllm/vllm-openai:latest         -&gt; unknown (Optional.empty())
 * </pre>
 *
 * <p>Source: the release tags of {@code vllm-project/vllm} ({@code v0.5.3.post1}, {@code v0.8.5.post1},
 * {@code v0.10.1.1}, {@code v0.9.0rc1}) and PEP 440's ordering of pre-, post- and final releases.
 *
 * @param release the release numbers, {@code [0, 5, 3]} for {@code 0.5.3}; trailing zeros are kept as
 *     written but ignored when comparing
 * @param post the post-release number ({@code .post1} is 1), 0 for none
 * @param preRelease whether it is a pre-release ({@code rc}, {@code a}, {@code b}, {@code dev})
 */
public record VllmVersion(List<Integer> release, int post, boolean preRelease) implements Comparable<VllmVersion> {

  // v?0.5.3 then optional .postN, or rcN/aN/bN/.devN; a local suffix (+cu121) is ignored
  private static final Pattern VERSION = Pattern.compile(
      "v?([0-9]{1,6}(?:\\.[0-9]{1,6}){1,4})(?:\\.?post([0-9]{1,6}))?((?:\\.?(?:rc|a|b|dev)[0-9]{0,6}))?(?:[-+].*)?");

  public VllmVersion {
    release = List.copyOf(release);
    if (release.isEmpty()) {
      throw new IllegalArgumentException("a version has at least one release number");
    }
    if (post < 0) {
      throw new IllegalArgumentException("post must not be negative, was " + post);
    }
  }

  /**
   * The version a text names, if it names one: {@code 0.19.0}, {@code v0.5.3.post1}, {@code 0.9.0rc1},
   * {@code v0.6.3-cu121}; empty for {@code latest}, {@code nightly}, a digest or anything else.
   */
  public static Optional<VllmVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<Integer> numbers = new ArrayList<>();
    for (String part : m.group(1).split("\\.")) {
      numbers.add(Integer.parseInt(part));
    }
    int post = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return Optional.of(new VllmVersion(numbers, post, m.group(3) != null && !m.group(3).isEmpty()));
  }

  /**
   * The version of a container image's tag: {@code vllm/vllm-openai:v0.7.2} is 0.7.2; an image
   * pinned by digest, without a tag, or tagged {@code latest} has no version.
   */
  public static Optional<VllmVersion> ofImage(String image) {
    if (image == null || image.contains("@")) {
      return Optional.empty();
    }
    int colon = image.lastIndexOf(':');
    if (colon < 0 || image.indexOf('/', colon) >= 0) {
      return Optional.empty();
    }
    return parse(image.substring(colon + 1));
  }

  /** {@code VllmVersion.of(0, 9, 1)}. */
  public static VllmVersion of(int... numbers) {
    List<Integer> list = new ArrayList<>();
    for (int n : numbers) {
      list.add(n);
    }
    return new VllmVersion(list, 0, false);
  }

  /** The same release with a {@code .postN} suffix. */
  public VllmVersion post(int n) {
    return new VllmVersion(release, n, false);
  }

  public boolean isBefore(VllmVersion other) {
    return compareTo(other) < 0;
  }

  public boolean isAtLeast(VllmVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(VllmVersion other) {
    int length = Math.max(release.size(), other.release.size());
    for (int i = 0; i < length; i++) {
      int a = i < release.size() ? release.get(i) : 0;
      int b = i < other.release.size() ? other.release.get(i) : 0;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    if (preRelease != other.preRelease) {
      return preRelease ? -1 : 1;
    }
    return Integer.compare(post, other.post);
  }

  /** {@code 0.5.3.post1}, {@code 0.19.0}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < release.size(); i++) {
      text.append(i == 0 ? "" : ".").append(release.get(i));
    }
    if (preRelease) {
      text.append("rc");
    }
    if (post > 0) {
      text.append(".post").append(post);
    }
    return text.toString();
  }
}
