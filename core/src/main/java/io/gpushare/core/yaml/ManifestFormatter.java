package io.gpushare.core.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What {@code gpushare fmt} writes: a file of Kubernetes manifests in gpushare's canonical style
 * (the key order of {@link KubernetesStyle}, two-space indentation, quoting only where a reader
 * could take a string for something else), with every comment line kept beside the entry it was
 * written before or on. It works on the YAML as written, not on fabric8 objects, so nothing the
 * file says is dropped or converted: an unknown field stays, a {@code v1beta1} claim stays
 * {@code v1beta1}, {@code 012} stays {@code 012}.
 *
 * <pre>{@code
 * String canonical = ManifestFormatter.standard().format(text, "vllm.yaml");
 * }</pre>
 *
 * turns
 *
 * <pre>
 * kind: Service   # the API
 * apiVersion: v1
 * metadata: {name: vllm, labels: {t: 12:30:00}}
 * </pre>
 *
 * into
 *
 * <pre>
 * apiVersion: v1
 * kind: Service # the API
 * metadata:
 *   name: vllm
 *   labels:
 *     t: "12:30:00"
 * </pre>
 *
 * A text that {@link ManifestReader} cannot read, or that cannot be written faithfully (a key that
 * is not a string, a lone UTF-16 surrogate, a merge key), is refused with a
 * {@link ManifestParseException}; so is, as a last check, any result that would not read back as
 * the same values with the same comment lines. Our own output is a fixed point.
 */
public final class ManifestFormatter {
  private static final ManifestFormatter STANDARD = new ManifestFormatter();

  private ManifestFormatter() {}

  public static ManifestFormatter standard() {
    return STANDARD;
  }

  /** The canonical text of {@code text}; {@code source} names it in messages. */
  public String format(String text, String source) {
    ManifestReader.standard().read(text, source); // the same bounds and refusals as lint
    List<Node> documents = compose(text, source, true);
    SourceTrees trees = new SourceTrees(source);
    StringBuilder out = new StringBuilder(text.length() + 64);
    boolean first = true;
    for (Node document : documents) {
      if (!first) {
        out.append("---\n");
      }
      new YamlEmitter(out).document(trees.document(document));
      first = false;
    }
    String canonical = out.toString();
    check(text, canonical, source);
    return canonical;
  }

  /** The last check: the same values (as Kubernetes reads them) and the same comment lines. */
  private static void check(String text, String canonical, String source) {
    List<Object> before = values(text, source);
    List<Object> after;
    try {
      after = values(canonical, source);
    } catch (ManifestParseException e) {
      throw new ManifestParseException(source, 0, "fmt would write text that does not read back (" + e.getMessage()
          + ")");
    }
    if (!before.equals(after)) {
      throw new ManifestParseException(source, 0, "fmt cannot write these values so that they read back the"
          + " same");
    }
    List<String> commentsBefore = commentLines(text);
    List<String> commentsAfter = commentLines(canonical);
    commentsBefore.sort(null);
    commentsAfter.sort(null);
    if (!commentsBefore.equals(commentsAfter)) {
      throw new ManifestParseException(source, 0, "fmt cannot keep every comment line of this file where it"
          + " could write it");
    }
  }

  private static List<Object> values(String text, String source) {
    List<Object> values = new ArrayList<>();
    KubernetesScalars.Values constructor = new KubernetesScalars.Values(options(false));
    for (Node document : compose(text, source, false)) {
      values.add(constructor.construct(document));
    }
    return values;
  }

  private static List<String> commentLines(String text) {
    List<String> lines = new ArrayList<>();
    for (Event event : KubernetesScalars.yaml(options(true)).parse(new StringReader(text))) {
      if (event instanceof CommentEvent comment && comment.getCommentType() != CommentType.BLANK_LINE) {
        lines.add(comment.getValue());
      }
    }
    return lines;
  }

  private static List<Node> compose(String text, String source, boolean comments) {
    List<Node> documents = new ArrayList<>();
    try {
      for (Node node : KubernetesScalars.yaml(options(comments)).composeAll(new StringReader(text))) {
        if (node == null || (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()
            && (scalar.getEndComments() == null || scalar.getEndComments().isEmpty()))) {
          continue; // an empty document, e.g. after a trailing ---
        }
        documents.add(node);
      }
    } catch (YAMLException e) {
      throw YamlProblems.refusal(source, e);
    } catch (ClassCastException e) {
      // SnakeYAML 2.5's Composer casts a comment event where it expects a node when a comment sits
      // between a key and its value in some layouts (found by the fuzzer, crash-snakeyaml-comment-*)
      throw new ManifestParseException(source, 0, "fmt cannot place the comments of this file (a comment between a"
          + " key and its value); move the comment to its own line above the key");
    }
    return documents;
  }

  private static LoaderOptions options(boolean comments) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(ManifestReader.MAX_ALIASES);
    options.setNestingDepthLimit(ManifestReader.MAX_DEPTH);
    options.setCodePointLimit(ManifestReader.MAX_BYTES * 2);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(comments);
    return options;
  }
}
