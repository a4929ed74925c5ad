package io.gpushare.core.yaml;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one place that decides what a plain scalar is, the way Kubernetes reads YAML: sigs.k8s.io/yaml
 * resolves scalars with its fork of go-yaml v2 ({@code resolve()} in resolve.go) before it converts
 * the document to JSON. Compared with SnakeYAML's YAML 1.1 rules:
 *
 * <pre>
 * t: 12:30:00     # a string (go-yaml has no base-60 numbers; YAML 1.1 reads 45000)
 * x: 012          # the integer 10 (Go's strconv.ParseInt with base 0: a leading 0 is octal)
 * o: 0o12         # the integer 10 (base 0 also takes 0o, 0b, 0x)
 * e: 1e3          # the float 1000 (YAML 1.1 wants a dot)
 * big: 1e999      # a string (ParseFloat is out of range, so go-yaml keeps the text)
 * b: y            # the boolean true (go-yaml v2 also takes y, Y, n, N, yes, on, off...)
 * d: 2024-01-01   # a string (go-yaml keeps a timestamp as text when decoding untyped values)
 * </pre>
 *
 * Numbers are parsed with bounded grammars: an integer has at most 64 significant binary digits, a
 * float is read by {@link Double#parseDouble}, which never expands an exponent.
 */
final class KubernetesScalars {
  private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off",
      "OFF");
  private static final Set<String> SPECIAL_FLOATS = Set.of(".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf",
      "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
  /** go-yaml's yamlStyleFloat. */
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  /** What Go's ParseFloat accepts of a scalar that starts with a dot. */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private KubernetesScalars() {}

  /** A SnakeYAML reader (to compose nodes) that resolves scalars as Kubernetes does. */
  static Yaml yaml(LoaderOptions options) {
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new Values(options), new Representer(dumper), dumper, options, resolver());
  }

  /** The resolver of {@link #yaml}, for a {@link org.yaml.snakeyaml.composer.Composer} built by hand. */
  static Resolver resolver() {
    return new GoYamlResolver();
  }

  /**
   * SnakeYAML's safe construction of one composed node into maps, lists and scalars, with the
   * integers, booleans and timestamps of {@link #tagOf}.
   */
  static final class Values extends SafeConstructor {
    Values(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.INT, new ConstructInteger());
      this.yamlConstructors.put(Tag.BOOL, new ConstructBoolean());
      // an unquoted 2024-01-01 stays the string it is for kubectl, not a java.util.Date
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    Object construct(Node node) {
      return constructDocument(node);
    }
  }

  /** The tag go-yaml v2 gives a plain scalar. */
  static Tag tagOf(String in) {
    if (in.isEmpty() || NULLS.contains(in)) {
      return Tag.NULL;
    }
    if (TRUES.contains(in) || FALSES.contains(in)) {
      return Tag.BOOL;
    }
    if (SPECIAL_FLOATS.contains(in)) {
      return Tag.FLOAT;
    }
    if (in.equals("<<")) {
      return Tag.MERGE;
    }
    char first = in.charAt(0);
    if (first == '.') {
      return DOT_FLOAT.matcher(in).matches() && finite(in) ? Tag.FLOAT : Tag.STR;
    }
    if (first != '+' && first != '-' && (first < '0' || first > '9')) {
      return Tag.STR;
    }
    String plain = in.replace("_", "");
    if (integer(plain) != null) {
      return Tag.INT;
    }
    if (YAML_STYLE_FLOAT.matcher(plain).matches() && finite(plain)) {
      return Tag.FLOAT;
    }
    return Tag.STR;
  }

  static boolean isTrue(String in) {
    return TRUES.contains(in);
  }

  private static boolean finite(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Go's {@code strconv.ParseInt(plain, 0, 64)}, then {@code ParseUint}: an optional sign, then
   * {@code 0x}, {@code 0b}, {@code 0o} or {@code 0} (octal) or decimal digits; null when it is not
   * an integer of 64 bits.
   */
  static Number integer(String plain) {
    int i = 0;
    boolean signed = false;
    boolean negative = false;
    if (!plain.isEmpty() && (plain.charAt(0) == '+' || plain.charAt(0) == '-')) {
      signed = true;
      negative = plain.charAt(0) == '-';
      i = 1;
    }
    String body = plain.substring(i);
    int radix = 10;
    String digits = body;
    if (body.length() >= 2 && body.charAt(0) == '0') {
      char prefix = Character.toLowerCase(body.charAt(1));
      radix = prefix == 'x' ? 16 : prefix == 'b' ? 2 : 8;
      digits = prefix == 'x' || prefix == 'b' || prefix == 'o' ? body.substring(2) : body.substring(1);
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int k = 0; k < digits.length(); k++) {
      char c = digits.charAt(k);
      int value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
      if (value >= radix) {
        return null;
      }
    }
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    if (digits.length() - start > 64) {
      return null; // more than 64 bits in any base
    }
    BigInteger value = new BigInteger(digits.substring(start), radix);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    if (value.bitLength() < 64) {
      return value.longValue();
    }
    return !signed && value.compareTo(UINT64_MAX) <= 0 ? value : null;
  }

  /** go-yaml v2's resolve() for plain scalars; everything else as SnakeYAML resolves it. */
  private static final class GoYamlResolver extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar && implicit) {
        return tagOf(value);
      }
      return super.resolve(kind, value, implicit);
    }
  }

  private static final class ConstructInteger extends AbstractConstruct {
    @Override
    public Object construct(Node node) {
      String text = ((ScalarNode) node).getValue();
      Number value = integer(text.replace("_", ""));
      if (value == null) {
        throw new org.yaml.snakeyaml.error.YAMLException("not an integer of 64 bits: " + text);
      }
      return value;
    }
  }

  private static final class ConstructBoolean extends AbstractConstruct {
    @Override
    public Object construct(Node node) {
      String text = ((ScalarNode) node).getValue();
      if (TRUES.contains(text)) {
        return Boolean.TRUE;
      }
      if (FALSES.contains(text)) {
        return Boolean.FALSE;
      }
      throw new org.yaml.snakeyaml.error.YAMLException("not a boolean: " + text);
    }
  }
}
