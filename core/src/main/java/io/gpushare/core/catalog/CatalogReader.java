package io.gpushare.core.catalog;

import io.gpushare.core.yaml.YamlProblems;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a catalog of your own GPUs and models from YAML, to lay over the built-in one with
 * {@link Catalog#with}:
 *
 * <pre>
 * gpus:
 * - productName: ACME X1 96GB       # the productName attribute the driver publishes
 *   productNames: [ACME X1 96GB PCIe] # optional: more names of the same GPU
 *   memory: 96Gi                    # a Kubernetes quantity, as the driver publishes it
 *   cudaTotal: 95.5Gi               # optional: what CUDA reports (vLLM's total_gpu_memory); memory - 469Mi by default
 *   migProfiles:                    # optional, none by default
 *   - 1g.12gb                       # a name: its memory derived from it (GB as GiB x 0.975)
 *   - {name: 3g.48gb, memory: 47.5Gi, cudaTotal: 47.5Gi} # or measured: nvidia-smi mig -lgip
 * models:
 * - id: acme/acme-chat-40b          # the --model value
 *   parameters: 40.1e9
 *   bytesPerParameter: 2            # optional, 2 (bfloat16) by default
 *   minimumVllm: 0.9.0              # optional: the first vLLM release that runs it
 *   architecture:                   # optional: what the KV cache depends on (config.json)
 *     layers: 48                    #   num_hidden_layers
 *     kvHeads: 8                    #   num_key_value_heads (MLA: kvLoraRank, qkRopeHeadDim instead)
 *     headDim: 128                  #   head_dim
 *     localLayers: 40               #   optional: sliding-window (or chunked) layers
 *     window: 1024                  #   their window, in tokens
 *   vocabSize: 152064               # optional: vocab_size (the activation peak)
 *   maxPositionEmbeddings: 32768    # optional: vLLM's default --max-model-len
 *   dtype: bfloat16                 # optional: bfloat16 (default), float16, float32
 *   moe: false                      # optional: a mixture of experts
 *   gated: false                    # optional: downloading it needs a Hugging Face token
 * </pre>
 *
 * <p>A GPU's {@link GpuProduct#id() id} is its {@code productName}; its memory is kept in whole MiB,
 * rounded down. A CUDA total or MIG memory left out is derived ({@link GpuProduct#derivedCudaTotalMiB},
 * {@link MigProfile#derived}); a measured one (vLLM's start-up log, {@code nvidia-smi mig -lgip}) is better.
 *
 * <p>The file is untrusted input and is read with bounds, like manifests: at most
 * {@value #MAX_BYTES} bytes of UTF-8, {@value #MAX_DEPTH} levels, {@value #MAX_ALIASES} aliases and
 * {@value #MAX_VALUES} list entries once aliases are expanded; no custom tags, no duplicate keys. The
 * YAML is composed into nodes and read field by field, never constructed into objects. Every
 * problem (an unknown key, a memory that is not a quantity, malformed YAML) is a
 * {@link CatalogParseException} naming the file, the line and the key.
 */
public final class CatalogReader {
  public static final int MAX_BYTES = 1024 * 1024;
  public static final int MAX_DEPTH = 16;
  public static final int MAX_ALIASES = 20;
  /** Entries of all lists together (GPUs, models, names, profiles), aliases expanded. */
  public static final int MAX_VALUES = 100_000;

  private static final CatalogReader STANDARD = new CatalogReader();

  private CatalogReader() {}

  public static CatalogReader standard() {
    return STANDARD;
  }

  /** Reads a catalog file; its path names it in messages. */
  public Catalog read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(readText(in, file.toString()), file.toString());
    }
  }

  /** Reads catalog YAML; {@code source} names it in messages. */
  public Catalog read(String text, String source) {
    if (text.length() > MAX_BYTES) {
      throw new CatalogParseException(source, 0, "the text has " + text.length() + " characters; at most "
          + MAX_BYTES + " are read");
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    Node root;
    try {
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new CatalogParseException(source, mark == null ? 0 : mark.getLine() + 1, describe(e));
    } catch (YAMLException e) {
      throw new CatalogParseException(source, 0, describe(e));
    }
    return new CatalogYaml(source).catalog(root);
  }

  private static String readText(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new CatalogParseException(source, 0, "more than " + MAX_BYTES + " bytes; at most that many are read");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CatalogParseException(source, 0, "not UTF-8 text; convert it (e.g. iconv -t UTF-8) and read it again");
    }
  }

  private static String describe(YAMLException e) {
    return YamlProblems.describe(e, MAX_ALIASES, MAX_DEPTH);
  }
}
