package io.gpushare.core.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A kustomization's {@code images:} applied to the {@code image} of every container and init
 * container whose image name (without tag or digest) is the entry's {@code name}: {@code newName}
 * replaces the name, {@code newTag} the tag, {@code digest} the tag and digest ({@code @sha256:...}).
 * The new value points at the kustomization's entry, so a finding about the image names that line.
 *
 * <pre>
 * images:
 * - name: vllm/vllm-openai        # image: vllm/vllm-openai:v0.7.2 becomes vllm/vllm-openai:v0.11.0
 *   newTag: v0.11.0
 * </pre>
 */
final class ImageOverrides {
  private ImageOverrides() {}

  /** Applies {@code images} to every container under {@code root}, in place. */
  static void apply(Node root, List<Node> images) {
    if (images.isEmpty()) {
      return;
    }
    for (MappingNode container : containers(root, new ArrayList<>())) {
      Optional<String> image = Nodes.string(container, "image");
      if (image.isEmpty()) {
        continue;
      }
      for (Node entry : images) {
        Optional<String> replaced = override(image.get(), entry);
        if (replaced.isPresent()) {
          Mark mark = entry.getStartMark();
          replace(container, Nodes.string(replaced.get(), mark), mark);
          break;
        }
      }
    }
  }

  /** The image {@code entry} makes of {@code image}; empty when its name is another. */
  static Optional<String> override(String image, Node entry) {
    Optional<String> name = Nodes.string(entry, "name");
    int at = image.indexOf('@');
    String withoutDigest = at < 0 ? image : image.substring(0, at);
    int colon = withoutDigest.lastIndexOf(':');
    boolean tagged = colon > withoutDigest.lastIndexOf('/');
    String imageName = tagged ? withoutDigest.substring(0, colon) : withoutDigest;
    String suffix = image.substring(imageName.length());
    if (name.isEmpty() || !name.get().equals(imageName)) {
      return Optional.empty();
    }
    String newName = Nodes.string(entry, "newName").orElse(imageName);
    Optional<String> digest = Nodes.string(entry, "digest");
    Optional<String> tag = Nodes.string(entry, "newTag");
    if (digest.isPresent()) {
      suffix = "@" + digest.get();
    } else if (tag.isPresent()) {
      suffix = ":" + tag.get();
    }
    return Optional.of(newName + suffix);
  }

  private static void replace(MappingNode container, ScalarNode value, Mark mark) {
    List<NodeTuple> tuples = new ArrayList<>(container.getValue());
    for (int i = 0; i < tuples.size(); i++) {
      if (tuples.get(i).getKeyNode() instanceof ScalarNode key && key.getValue().equals("image")) {
        tuples.set(i, new NodeTuple(Nodes.string("image", mark), value));
      }
    }
    container.setValue(tuples);
  }

  /** Every item of a {@code containers} or {@code initContainers} list under {@code node}. */
  private static List<MappingNode> containers(Node node, List<MappingNode> found) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && (key.getValue().equals("containers")
            || key.getValue().equals("initContainers")) && tuple.getValueNode() instanceof SequenceNode list) {
          list.getValue().stream().filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
              .forEach(found::add);
        } else {
          containers(tuple.getValueNode(), found);
        }
      }
    } else if (node instanceof SequenceNode list) {
      list.getValue().forEach(item -> containers(item, found));
    }
    return found;
  }
}
