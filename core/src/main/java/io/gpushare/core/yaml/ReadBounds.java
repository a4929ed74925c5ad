package io.gpushare.core.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The work a file may ask of {@link ManifestReader}, counted on SnakeYAML's event stream as the
 * composer reads it, so a file that asks for too much is refused while parsing, at the event too
 * many: at most {@value #MAX_NODES} nodes (a 4 MB list of a million {@code - 1} items is refused at
 * item {@value #MAX_NODES}, not after a million nodes exist), {@value #MAX_DOCUMENTS} documents and
 * {@value #MAX_SCALAR} characters in one scalar (a ConfigMap holds at most 1 MiB in all).
 */
final class ReadBounds implements Parser {
  static final int MAX_NODES = ManifestReader.MAX_EXPANDED_NODES;
  static final int MAX_DOCUMENTS = 10_000;
  static final int MAX_SCALAR = 1024 * 1024;

  private final Parser parser;
  private final String source;
  private int nodes;
  private int documents;

  private ReadBounds(Parser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /**
   * Every document of {@code text}, composed with Kubernetes' scalar resolution on one parse that
   * counts its events; throws a {@link ManifestParseException} with the line of the first line, node,
   * document or scalar too many. Every document is composed before any is returned, so a bound or a
   * syntax error anywhere in the file is reported before what is wrong with one of its objects.
   */
  static List<Node> composeAll(String text, String source, LoaderOptions options) {
    refuseLongLines(text, source);
    Parser parser = new ReadBounds(new ParserImpl(new StreamReader(new StringReader(text)), options), source);
    Composer composer = new Composer(parser, KubernetesScalars.resolver(), options);
    List<Node> documents = new ArrayList<>();
    while (composer.checkNode()) {
      documents.add(composer.getNode());
    }
    return documents;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = parser.getEvent();
    if (event instanceof DocumentStartEvent && ++documents > MAX_DOCUMENTS) {
      throw refused(event, "more than " + MAX_DOCUMENTS + " documents");
    }
    if ((event instanceof ScalarEvent || event instanceof CollectionStartEvent) && ++nodes > MAX_NODES) {
      throw refused(event, "more than " + MAX_NODES + " nodes (values, lists and mappings)");
    }
    if (event instanceof ScalarEvent scalar && scalar.getValue().length() > MAX_SCALAR) {
      throw refused(event, "a value of " + scalar.getValue().length() + " characters; at most " + MAX_SCALAR
          + " are read");
    }
    return event;
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

  private ManifestParseException refused(Event event, String what) {
    return new ManifestParseException(source, event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1,
        what + ": refusing to read it (gpushare reads files of ordinary size only)");
  }
}
