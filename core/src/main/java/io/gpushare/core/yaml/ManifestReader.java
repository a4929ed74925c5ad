package io.gpushare.core.yaml;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gpushare.core.kube.KubeJson;
import io.gpushare.core.kube.Manifest;
import io.gpushare.core.kube.ManifestSet;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads Kubernetes YAML that may come from anywhere into a {@link ManifestSet}, so that hand-written
 * files meet the same validator and renderer as generated ones. Each document becomes the fabric8
 * object of its kind, as fabric8's own registry knows them ({@code ResourceClaim}, {@code Deployment},
 * {@code Service}, {@code ConfigMap}, ...); any other kind (a custom resource) is kept, whole, as a
 * {@code GenericKubernetesResource}. {@link io.gpushare.core.kube.KubeSpecs} then recognizes
 * gpushare's own specs among them.
 *
 * <p>API versions are converted at this edge: a {@code ResourceClaim}, {@code ResourceClaimTemplate}
 * or {@code DeviceClass} of {@code resource.k8s.io/v1beta1} or {@code v1beta2} is read as the
 * {@code resource.k8s.io/v1} object that gpushare's rules judge, and its {@link Manifest} remembers
 * the version it was written in; {@link ReadManifests#location} finds a finding's field in the
 * original file, and {@link ReadManifests#asWritten} gives the objects back in their own version.
 *
 * <pre>{@code
 * ReadManifests read = ManifestReader.standard().read(Path.of("vllm.yaml"));
 * read.set();                 // the objects, each with its file and line
 * read.line(finding.path());  // the line a finding points at
 * }</pre>
 *
 * <p>Untrusted input is bounded: at most {@value #MAX_BYTES} bytes, {@value #MAX_DEPTH} levels of
 * nesting and {@value #MAX_ALIASES} aliases (a "billion laughs" file fails at once), duplicate keys
 * and non-UTF-8 bytes are refused, and only plain YAML types are built (SnakeYAML's
 * {@link SafeConstructor}): a tag like {@code !!javax.script.ScriptEngineManager} is an error, never
 * an object.
 */
public final class ManifestReader {
  public static final int MAX_BYTES = 4 * 1024 * 1024;
  public static final int MAX_DEPTH = 64;
  public static final int MAX_ALIASES = 20;
  /** Nodes a document may have once its aliases are expanded. */
  public static final int MAX_EXPANDED_NODES = 200_000;

  private static final ManifestReader STANDARD = new ManifestReader();

  private ManifestReader() {}

  public static ManifestReader standard() {
    return STANDARD;
  }

  /** Every {@code *.yaml} and {@code *.yml} file under {@code directory}, in sorted order. */
  public static List<Path> yamlFilesUnder(Path directory) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  /** Reads a file; its name (not its directory) becomes each manifest's file. */
  public ReadManifests read(Path path) throws IOException {
    return read(readText(path), path.toString());
  }

  /**
   * The UTF-8 text of a file, FIFO or device, read once and at most {@value #MAX_BYTES} bytes (the
   * size is counted while reading, not trusted from the file system); bad UTF-8 is refused.
   */
  public static String readText(Path path) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(path)) {
      return readText(in, path.toString());
    }
  }

  /** The same for a stream, such as stdin. */
  public static String readText(java.io.InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new ManifestParseException(source, 0, "more than " + MAX_BYTES + " bytes; at most that many are read");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ManifestParseException(source, 0, "not UTF-8 text; convert it (e.g. iconv -t UTF-8) and read it again");
    }
  }

  /**
   * Reads YAML text; {@code source} names it in messages and becomes each manifest's file. A template
   * ({@code {{ .Values.x }}}, or {@code {{ ... }}} where YAML or an object cannot be read) is refused
   * with a message that says to render it first ({@code helm template}).
   */
  public ReadManifests read(String text, String source) {
    if (text.length() > MAX_BYTES) {
      throw new ManifestParseException(source, 0, "the text has " + text.length() + " characters; at most "
          + MAX_BYTES + " are read");
    }
    NonManifests.refuseTemplate(text, source);
    try {
      return readYaml(text, source);
    } catch (ManifestParseException e) {
      java.util.OptionalInt action = NonManifests.anyAction(text);
      if (action.isPresent()) {
        throw new ManifestParseException(source, action.getAsInt(), NonManifests.templateMessage(action.getAsInt()));
      }
      throw e;
    }
  }

  /**
   * The INFO finding {@code NOT_A_KUBERNETES_OBJECT} when none of the documents of {@code text} is a
   * Kubernetes API object (Helm values, a tool's configuration such as {@code .pre-commit-config.yaml},
   * a kustomize {@code Kustomization}), so that a directory scan can skip the file; empty when the
   * text holds an object, or is a template or unparsable ({@link #read(String, String)} then says why).
   */
  public static java.util.Optional<io.gpushare.core.validate.Finding> skipped(String text, String source) {
    return NonManifests.skipped(text, source);
  }

  /**
   * What lint does with a file found in a directory, from one parse: the INFO finding of
   * {@link #skipped(String, String)} when it holds no Kubernetes API object, else the objects as
   * {@link #read(String, String)} reads them (or its {@link ManifestParseException}). The same as
   * calling both, in half the work.
   */
  public FileRead readOrSkip(String text, String source) {
    if (text.length() <= MAX_BYTES && NonManifests.helmAction(text).isEmpty()) {
      LoaderOptions options = options();
      List<Node> documents;
      try {
        documents = ReadBounds.composeAll(text, source, options);
      } catch (RuntimeException | StackOverflowError e) {
        documents = null; // neither skipped nor read: the two steps below say why, as they always did
      }
      if (documents != null && NonManifests.holdsObject(documents)) {
        // skipped(text) would say "not skipped": read the documents already composed, as read(text) does
        List<Node> composed = documents;
        try {
          return FileRead.read(readDocuments(() -> composed, source, new KubernetesScalars.Values(options)));
        } catch (ManifestParseException e) {
          java.util.OptionalInt action = NonManifests.anyAction(text);
          if (action.isPresent()) {
            throw new ManifestParseException(source, action.getAsInt(), NonManifests.templateMessage(action.getAsInt()));
          }
          throw e;
        }
      }
    }
    // no object at first sight (values, a kustomization, or a file the reader refuses): both steps
    java.util.Optional<io.gpushare.core.validate.Finding> skip = skipped(text, source);
    return skip.isPresent() ? FileRead.skipped(skip.get()) : FileRead.read(read(text, source));
  }

  /** The bounds of every parse of the reader (and of {@link SourceNodes} and {@link NonManifests}). */
  static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private ReadManifests readYaml(String text, String source) {
    LoaderOptions options = options();
    // one constructor for every document and scalar of this text (building one costs more than a document)
    KubernetesScalars.Values values = new KubernetesScalars.Values(options);
    return readDocuments(() -> ReadBounds.composeAll(text, source, options), source, values);
  }

  /** The manifests of the documents {@code compose} gives. */
  private ReadManifests readDocuments(java.util.function.Supplier<List<Node>> compose, String source,
      KubernetesScalars.Values values) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    String file = source.substring(slash + 1);
    List<Manifest> manifests = new ArrayList<>();
    List<Map.Entry<Manifest, LineTree.Indexed>> nodes = new ArrayList<>();
    try {
      List<Node> documents = compose.get();
      for (int d = 0; d < documents.size(); d++) {
        Node node = documents.get(d);
        if (node == null || (node instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
          continue; // an empty document, e.g. after a trailing ---
        }
        int line = node.getStartMark().getLine() + 1;
        if (!(node instanceof MappingNode)) {
          throw new ManifestParseException(source, line, "expected a mapping (a Kubernetes object), found a "
              + node.getNodeId() + "; write each document as apiVersion:, kind:, metadata: and its fields");
        }
        refuseUnbounded(node, source, values);
        Object value;
        try {
          value = values.construct(node);
        } catch (YAMLException | IllegalArgumentException | ClassCastException e) {
          throw new ManifestParseException(source, line, "a value does not match its tag: " + describe(e));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        if ("List".equals(object.get("kind")) && object.get("items") instanceof List<?> items
            && node instanceof MappingNode listNode) {
          // what kubectl get -o yaml writes: each item is a manifest of its own
          Node itemsNode = listNode.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k
              && k.getValue().equals("items")).map(NodeTuple::getValueNode).findFirst().orElse(node);
          for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map)) {
              throw new ManifestParseException(source, line, "items[" + i + "] of the List is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) items.get(i);
            Node itemNode = itemsNode instanceof SequenceNode sequence ? sequence.getValue().get(i) : node;
            int itemLine = itemNode.getStartMark().getLine() + 1;
            Manifest manifest = toManifest(item, file, source, itemLine);
            manifests.add(manifest);
            nodes.add(Map.entry(manifest, LineTree.of(itemNode)));
          }
          continue;
        }
        Manifest manifest = toManifest(object, file, source, line);
        manifests.add(manifest);
        nodes.add(Map.entry(manifest, LineTree.of(node)));
      }
    } catch (YAMLException e) {
      throw YamlProblems.refusal(source, e);
    } catch (ManifestParseException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // whatever the bytes, a file ends as objects or as one unreadable report
      throw new ManifestParseException(source, 0, "cannot read it: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    }
    return new ReadManifests(ManifestSet.of(manifests), nodes);
  }

  /**
   * What the reader refuses in a composed document before anything is built from it: duplicate keys,
   * empty list entries, overlong numbers, nesting too deep, and a document that expands through its
   * aliases beyond {@link #MAX_EXPANDED_NODES} nodes or twice {@link #MAX_BYTES} characters.
   *
   * @throws ManifestParseException with the line of what is refused
   */
  static void refuseUnbounded(Node document, String source, KubernetesScalars.Values values) {
    refuseDuplicateKeys(document, source, 0, new int[] {0}, new long[] {0}, values);
  }

  /**
   * SnakeYAML checks duplicate keys in {@code load}, not when a composed node is constructed, so the
   * reader checks them itself, with the line of the second key.
   */
  private static void refuseDuplicateKeys(Node node, String source, int depth, int[] nodes, long[] characters,
      KubernetesScalars.Values values) {
    if (depth > MAX_DEPTH) {
      throw new ManifestParseException(source, node.getStartMark().getLine() + 1, "nested deeper than " + MAX_DEPTH
          + " levels");
    }
    // the walk follows aliases, so it counts the document as it will be once expanded: an alias
    // bomb that stays under the alias count is stopped here, before anything is built from it
    if (++nodes[0] > MAX_EXPANDED_NODES) {
      throw new ManifestParseException(source, node.getStartMark().getLine() + 1, "expands to more than "
          + MAX_EXPANDED_NODES + " nodes through aliases: refusing what looks like an alias bomb");
    }
    if (node instanceof ScalarNode scalar && (characters[0] += scalar.getValue().length()) > MAX_BYTES * 2L) {
      throw new ManifestParseException(source, node.getStartMark().getLine() + 1, "expands to more than "
          + (MAX_BYTES * 2L) + " characters through aliases: refusing what looks like an alias bomb");
    }
    if (node instanceof MappingNode mapping) {
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
          throw new ManifestParseException(source, key.getStartMark().getLine() + 1,
              "duplicate key " + key.getValue() + " (duplicate keys are refused: one of the values would be lost)");
        }
        refuseDuplicateKeys(tuple.getValueNode(), source, depth + 1, nodes, characters, values);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode empty && empty.getTag().equals(Tag.NULL)) {
          // fabric8 would hold a null element that no rule expects: refused here, with its line
          throw new ManifestParseException(source, item.getStartMark().getLine() + 1, "an empty list entry ('-' with"
              + " nothing after it, or null): remove it, or write the entry");
        }
        refuseDuplicateKeys(item, source, depth + 1, nodes, characters, values);
      }
    } else if (node instanceof ScalarNode number && (number.getTag().equals(Tag.INT) || number.getTag().equals(Tag.FLOAT))
        && number.getValue().length() > io.gpushare.core.model.Quantities.MAX_LENGTH) {
      // a number of a million digits would take minutes to construct
      throw new ManifestParseException(source, node.getStartMark().getLine() + 1, "a number of "
          + number.getValue().length() + " characters; at most " + io.gpushare.core.model.Quantities.MAX_LENGTH
          + " are read (quote it if it is text)");
    } else if (node instanceof ScalarNode scalar && STANDARD_TAGS.contains(scalar.getTag())) {
      try {
        values.construct(scalar);
      } catch (RuntimeException e) {
        throw new ManifestParseException(source, node.getStartMark().getLine() + 1, "'" + scalar.getValue()
            + "' does not fit its tag !!" + scalar.getTag().getValue().substring(Tag.PREFIX.length())
            + ": drop the tag or fix the value");
      }
    }
  }

  /** The tags of values SafeConstructor parses; an explicit one on a value it does not fit is refused. */
  private static final java.util.Set<Tag> STANDARD_TAGS =
      java.util.Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.BINARY, Tag.TIMESTAMP);

  private static String describe(RuntimeException e) {
    return YamlProblems.describe(e, MAX_ALIASES, MAX_DEPTH);
  }

  /**
   * The manifest of one document; a DRA object of {@code resource.k8s.io/v1beta1} or {@code v1beta2}
   * becomes the v1 object the validator judges, remembering its version (see
   * {@link Manifest#toResourceV1()}).
   */
  static Manifest toManifest(Map<String, Object> object, String file, String source, int line) {
    Manifest read = new Manifest(toResource(object, source, line), file, source + ":" + line);
    try {
      return read.toResourceV1();
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new ManifestParseException(source, line, "cannot convert " + read.resource().getApiVersion() + " "
          + read.resource().getKind() + " to " + io.gpushare.core.kube.ResourceApiVersion.V1.apiVersion() + ": " + reason);
    }
  }

  private static HasMetadata toResource(Map<String, Object> object, String source, int line) {
    Object apiVersion = object.get("apiVersion");
    Object kind = object.get("kind");
    if (!(apiVersion instanceof String) || !(kind instanceof String)) {
      throw new ManifestParseException(source, line, "expected a Kubernetes object with apiVersion and kind, found "
          + (apiVersion == null ? "no apiVersion" : "apiVersion " + apiVersion) + " and "
          + (kind == null ? "no kind" : "kind " + kind) + "; add both, or leave the file out (lint of a directory"
          + " skips YAML that is no Kubernetes object)");
    }
    try {
      // every kind of the model jars on the classpath gets its class, anything else (a CRD, a List)
      // is kept whole as a generic resource
      return KubeJson.readObject(object, (String) apiVersion, (String) kind);
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new ManifestParseException(source, line, "cannot read it as " + kind + ": " + reason);
    }
  }
}
