package io.gpushare.core.yaml;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The work a file may ask of {@link ManifestReader}, counted on SnakeYAML's event stream before any
 * node tree is built, so a file that asks for too much is refused while parsing, in memory of one
 * event: at most {@value #MAX_NODES} nodes (a 4 MB list of a million {@code - 1} items is refused at
 * item {@value #MAX_NODES}, not after a million nodes exist), {@value #MAX_DOCUMENTS} documents and
 * {@value #MAX_SCALAR} characters in one scalar (a ConfigMap holds at most 1 MiB in all).
 */
final class ReadBounds {
  static final int MAX_NODES = ManifestReader.MAX_EXPANDED_NODES;
  static final int MAX_DOCUMENTS = 10_000;
  static final int MAX_SCALAR = 1024 * 1024;

  private ReadBounds() {}

  /** Throws a {@link ManifestParseException} with the line of the first node, document or scalar too many. */
  static void check(String text, String source) {
    refuseLongLines(text, source);
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(ManifestReader.MAX_BYTES);
    options.setNestingDepthLimit(ManifestReader.MAX_DEPTH);
    int nodes = 0;
    int documents = 0;
    for (Event event : new Yaml(options).parse(new StringReader(text))) {
      if (event instanceof DocumentStartEvent && ++documents > MAX_DOCUMENTS) {
        throw refused(source, event, "more than " + MAX_DOCUMENTS + " documents");
      }
      if (event instanceof ScalarEvent || event instanceof CollectionStartEvent) {
        if (++nodes > MAX_NODES) {
          throw refused(source, event, "more than " + MAX_NODES + " nodes (values, lists and mappings)");
        }
      }
      if (event instanceof ScalarEvent scalar && scalar.getValue().length() > MAX_SCALAR) {
        throw refused(source, event, "a value of " + scalar.getValue().length() + " characters; at most "
            + MAX_SCALAR + " are read");
      }
    }
  }

  /**
   * SnakeYAML's reader copies its look-ahead window each time a scalar's line outgrows it, quadratic
   * in the length of one line (a 4 MiB line took 37 s): lines longer than a scalar may be are refused
   * first, in one pass.
   */
  private static void refuseLongLines(String text, String source) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_SCALAR) {
          throw new ManifestParseException(source, line, "a line of " + (i - start) + " characters; at most "
              + MAX_SCALAR + " are read: refusing to read it (gpushare reads files of ordinary size only)");
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static ManifestParseException refused(String source, Event event, String what) {
    return new ManifestParseException(source, event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1,
        what + ": refusing to read it (gpushare reads files of ordinary size only)");
  }
}
