package io.gpushare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of docs/validation.md, which the build copies into the jar: one per finding code, with the
 * heading of its section (the group), its severity, a failing example and the fix. Read once, when
 * {@code explain} or {@code --format sarif} first asks; the page stays the one source of the text.
 *
 * <pre>
 * ## vLLM
 * | code | severity | failing example | fix |
 * |---|---|---|---|
 * | `VLLM_IMAGE_TOO_OLD` | ERROR | the tutorial: `vllm/vllm-openai:v0.7.2` for Gemma 3, ... | an image at or after ... |
 * </pre>
 */
final class CodeDocs {
  /** The page inside the jar. */
  static final String RESOURCE = "/io/gpushare/cli/docs/validation.md";

  /** The repository whose docs/validation.md the links point at (the POM and the README name none). */
  static final String REPOSITORY = "https://github.com/gpushare/gpushare";
  /** docs/validation.md on the project's site: every code, with a failing example and the fix. */
  static final String PAGE = REPOSITORY + "/blob/main/docs/validation.md";

  /** One row of the page, as written (Markdown), with the heading of the section it is in. */
  record Entry(String code, String group, String severity, String example, String fix) {}

  private static Map<String, Entry> entries;

  private CodeDocs() {}

  /** Every row of the page, by code, in the page's order. */
  static synchronized Map<String, Entry> entries() {
    if (entries == null) {
      try (InputStream in = CodeDocs.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("expected " + RESOURCE + " in the jar, found none (a build without resources)");
        }
        entries = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return entries;
  }

  /** The row of {@code code}, e.g. {@code VLLM_IMAGE_TOO_OLD}. */
  static Optional<Entry> entry(String code) {
    return Optional.ofNullable(entries().get(code));
  }

  /** The rows of a page: {@code | `CODE` | severity | example | fix |} under a {@code ## Group} heading. */
  static Map<String, Entry> parse(String page) {
    Map<String, Entry> rows = new LinkedHashMap<>();
    String group = "";
    for (String line : page.split("\n", -1)) {
      if (line.startsWith("## ")) {
        group = line.substring(3).strip();
      } else if (line.startsWith("| `") && line.endsWith(" |")) {
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
        String code = cells[0];
        if (cells.length == 4 && code.length() > 2 && code.endsWith("`")) {
          code = code.substring(1, code.length() - 1);
          rows.putIfAbsent(code, new Entry(code, group, cells[1], cells[2], cells[3]));
        }
      }
    }
    return rows;
  }

  /** The code's section of the page on the repository: {@code https://.../docs/validation.md#vllm}. */
  static String url(io.gpushare.core.validate.FindingCode code) {
    return REPOSITORY + "/blob/main/" + code.documentation();
  }
}
