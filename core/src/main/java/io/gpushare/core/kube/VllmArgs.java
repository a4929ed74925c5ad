package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.gpushare.core.model.VllmWorkloadSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The arguments of vLLM's OpenAI-compatible server: written from a {@link VllmWorkloadSpec}, and
 * read back from any container that runs the server, the one place that knows their wire form.
 *
 * <pre>
 * command: ["python3", "-m", "vllm.entrypoints.openai.api_server"]
 * args:                                       // write(spec)
 * - --host=0.0.0.0
 * - --port=8000
 * - --model=google/gemma-3-1b-it
 * - --gpu-memory-utilization=0.42
 * </pre>
 *
 * <p>{@link #read(Container)} understands every form vLLM's parser accepts and the ways manifests
 * start it:
 *
 * <ul>
 *   <li>{@code --flag=value} and {@code --flag value}, {@code _} for {@code -} in names
 *       ({@code --gpu_memory_utilization}), boolean flags without a value ({@code --enforce-eager}),
 *       short aliases ({@code -tp 2}, {@code -tp=2}); the last occurrence wins, as in argparse;
 *   <li>{@code vllm serve MODEL ...}, whose positional model counts as {@code --model}, and
 *       {@code python3 -m vllm.entrypoints.openai.api_server ...};
 *   <li>arguments alone on a {@code vllm/vllm-openai} image, whose entrypoint is the server;
 *   <li>the server started from a shell script ({@code sh -c}, {@code bash -lc}, {@code exec vllm
 *       serve ...} after other commands), its {@code $VAR} taken from the container's {@code env};
 *   <li>{@code $(VAR)} in {@code command} and {@code args}, expanded as the kubelet does.
 * </ul>
 *
 * Each value remembers where it was written ({@code args[3]}; for a script, the string that holds
 * it). A value that only the running pod knows (from a Secret, a ConfigMap, a command substitution)
 * is read as unknown, never guessed; so is every flag left unset when an unknown word or a
 * {@code --config} file may set it.
 */
public final class VllmArgs {
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-[0-9]+|-[0-9]*\\.[0-9]+");
  private static final Pattern SHELLS = Pattern.compile("(.*/)?(sh|bash|dash|ash|zsh|ksh)");
  private static final Pattern PYTHON = Pattern.compile("(.*/)?python[0-9.]*");
  private static final String OPENAI_SERVER_MODULE = "vllm.entrypoints.openai.api_server";
  private static final List<String> SERVER_MODULES = List.of(OPENAI_SERVER_MODULE, "vllm.entrypoints.api_server");
  private static final String CLI_MODULE = "vllm.entrypoints.cli.main";
  private static final String SERVE = "serve";
  /** The images whose entrypoint is vLLM's server ({@code vllm/vllm-openai} and its mirrors). */
  private static final String SERVER_IMAGE = "vllm-openai";

  /** vLLM's port when {@code --port} is absent. */
  public static final int DEFAULT_PORT = 8000;

  /** How many values a flag takes. */
  enum Arity {
    ONE, NONE, MANY
  }

  /**
   * The flags gpushare knows by name, with their short aliases: those it reads or writes, the
   * boolean ones (so that {@code --enforce-eager MODEL} does not read {@code MODEL} as its value),
   * and those that take several values. Any other flag is read as taking one value.
   */
  public enum Flag {
    HOST("--host"),
    PORT("--port"),
    MODEL("--model"),
    GPU_MEMORY_UTILIZATION("--gpu-memory-utilization"),
    TENSOR_PARALLEL_SIZE("--tensor-parallel-size", "-tp"),
    PIPELINE_PARALLEL_SIZE("--pipeline-parallel-size", "-pp"),
    DATA_PARALLEL_SIZE("--data-parallel-size", "-dp"),
    DATA_PARALLEL_SIZE_LOCAL("--data-parallel-size-local", "-dpl"),
    DATA_PARALLEL_RANK("--data-parallel-rank", "-dpn"),
    DATA_PARALLEL_EXTERNAL_LB("--data-parallel-external-lb", Arity.NONE),
    NNODES("--nnodes"),
    DISTRIBUTED_EXECUTOR_BACKEND("--distributed-executor-backend"),
    QUANTIZATION("--quantization", "-q"),
    MAX_MODEL_LEN("--max-model-len"),
    KV_CACHE_MEMORY_BYTES("--kv-cache-memory-bytes"),
    KV_CACHE_DTYPE("--kv-cache-dtype"),
    CPU_OFFLOAD_GB("--cpu-offload-gb"),
    MAX_NUM_BATCHED_TOKENS("--max-num-batched-tokens"),
    OPTIMIZATION_LEVEL("--optimization-level", "-O"),
    /** A YAML file of more flags, read by vLLM's parser; what it sets is unknown here. */
    CONFIG("--config"),
    API_KEY("--api-key", Arity.MANY),
    SERVED_MODEL_NAME("--served-model-name", Arity.MANY),
    LORA_MODULES("--lora-modules", Arity.MANY),
    PROMPT_ADAPTERS("--prompt-adapters", Arity.MANY),
    ENFORCE_EAGER("--enforce-eager", Arity.NONE),
    TRUST_REMOTE_CODE("--trust-remote-code", Arity.NONE),
    ENABLE_PREFIX_CACHING("--enable-prefix-caching", Arity.NONE),
    ENABLE_CHUNKED_PREFILL("--enable-chunked-prefill", Arity.NONE),
    ENABLE_LORA("--enable-lora", Arity.NONE),
    ENABLE_AUTO_TOOL_CHOICE("--enable-auto-tool-choice", Arity.NONE),
    ENABLE_EXPERT_PARALLEL("--enable-expert-parallel", Arity.NONE),
    ENABLE_SLEEP_MODE("--enable-sleep-mode", Arity.NONE),
    ENABLE_LOG_REQUESTS("--enable-log-requests", Arity.NONE),
    DISABLE_LOG_REQUESTS("--disable-log-requests", Arity.NONE),
    DISABLE_LOG_STATS("--disable-log-stats", Arity.NONE),
    DISABLE_FASTAPI_DOCS("--disable-fastapi-docs", Arity.NONE),
    DISABLE_CUSTOM_ALL_REDUCE("--disable-custom-all-reduce", Arity.NONE),
    DISABLE_SLIDING_WINDOW("--disable-sliding-window", Arity.NONE),
    DISABLE_FRONTEND_MULTIPROCESSING("--disable-frontend-multiprocessing", Arity.NONE),
    DISABLE_UVICORN_ACCESS_LOG("--disable-uvicorn-access-log", Arity.NONE),
    SKIP_TOKENIZER_INIT("--skip-tokenizer-init", Arity.NONE),
    ENABLE_REQUEST_ID_HEADERS("--enable-request-id-headers", Arity.NONE),
    ENABLE_PROMPT_TOKENS_DETAILS("--enable-prompt-tokens-details", Arity.NONE),
    ENABLE_REASONING("--enable-reasoning", Arity.NONE),
    ENABLE_SERVER_LOAD_TRACKING("--enable-server-load-tracking", Arity.NONE),
    RETURN_TOKENS_AS_TOKEN_IDS("--return-tokens-as-token-ids", Arity.NONE),
    ASYNC_SCHEDULING("--async-scheduling", Arity.NONE),
    HEADLESS("--headless", Arity.NONE),
    FULLY_SHARDED_LORAS("--fully-sharded-loras", Arity.NONE);

    private static final Map<String, Flag> BY_NAME = new HashMap<>();

    static {
      for (Flag flag : values()) {
        BY_NAME.put(flag.wireName, flag);
        if (flag.alias != null) {
          BY_NAME.put(flag.alias, flag);
        }
      }
    }

    private final String wireName;
    private final String alias;
    private final Arity arity;

    Flag(String wireName) {
      this(wireName, null, Arity.ONE);
    }

    Flag(String wireName, String alias) {
      this(wireName, alias, Arity.ONE);
    }

    Flag(String wireName, Arity arity) {
      this(wireName, null, arity);
    }

    Flag(String wireName, String alias, Arity arity) {
      this.wireName = wireName;
      this.alias = alias;
      this.arity = arity;
    }

    /** The long name vLLM documents, e.g. {@code --tensor-parallel-size}. */
    public String wireName() {
      return wireName;
    }

    /** The short alias, e.g. {@code -tp}. */
    public Optional<String> alias() {
      return Optional.ofNullable(alias);
    }

    /** The argument gpushare writes for this flag: {@code --tensor-parallel-size=4}. */
    public String write(Object value) {
      return wireName + "=" + (value instanceof BigDecimal decimal ? decimal.toPlainString() : value);
    }

    /** The flag of a long name or alias, as vLLM normalizes it ({@code --gpu_memory_utilization}). */
    public static Optional<Flag> of(String name) {
      return Optional.ofNullable(BY_NAME.get(normalize(name)));
    }

    Arity arity() {
      return arity;
    }
  }

  /** Where a value was written: {@code args[3]}, or {@code command[2]} for the script that holds it. */
  public record Location(String field, int index) {
    @Override
    public String toString() {
      return field + "[" + index + "]";
    }
  }

  /**
   * One flag as the server receives it.
   *
   * @param name the flag's long name, normalized ({@code --tensor-parallel-size} for {@code -tp 2})
   * @param value its value, {@code ""} for a flag given without one; empty when only the running pod
   *     knows it
   * @param fromVariable whether a variable's value went into it ({@code $(VAR)}, {@code $VAR})
   * @param location where the value (or the flag, when it has none) was written
   */
  public record Option(String name, Optional<String> value, boolean fromVariable, Location location) {
    /** The known flag of this name. */
    public Optional<Flag> flag() {
      return Flag.of(name);
    }
  }

  /** How the server was found in the container. */
  public enum Invocation {
    /** {@code vllm serve} or {@code python -m vllm.entrypoints.openai.api_server} in command and args. */
    COMMAND,
    /** The same inside a shell script ({@code sh -c "..."}). */
    SHELL,
    /** Arguments alone, to a {@code vllm-openai} image whose entrypoint is the server. */
    IMAGE_ENTRYPOINT,
    /**
     * No server start found (a script file, a wrapper program): every {@code --flag} of command and
     * args is read, and the arguments are not {@link #complete()}.
     */
    UNRECOGNIZED
  }

  /** The flags of a spec's own attributes, which {@link #write} writes. */
  private static final List<Flag> WRITTEN =
      List.of(Flag.HOST, Flag.PORT, Flag.MODEL, Flag.GPU_MEMORY_UTILIZATION);

  private final List<Option> options;
  private final Invocation invocation;
  private final boolean complete;

  private VllmArgs(List<Option> options, Invocation invocation, boolean complete) {
    this.options = Collections.unmodifiableList(options);
    this.invocation = invocation;
    this.complete = complete;
  }

  /** The arguments {@link KubeObjects#toDeployment} gives the server, in this order. */
  public static List<String> write(VllmWorkloadSpec spec) {
    List<String> args = new ArrayList<>(4 + spec.extraArgs().size());
    spec.host().ifPresent(host -> args.add(Flag.HOST.write(host)));
    args.add(Flag.PORT.write(spec.port()));
    args.add(Flag.MODEL.write(spec.model()));
    spec.gpuMemoryUtilization().ifPresent(u -> args.add(Flag.GPU_MEMORY_UTILIZATION.write(u)));
    args.addAll(spec.extraArgs());
    return args;
  }

  /**
   * The flag an argument sets when {@link #write} writes that flag itself: {@code --port} of
   * {@code --port=9000}, {@code --gpu-memory-utilization} of {@code --gpu_memory_utilization=0.5}.
   */
  public static Optional<Flag> writtenFlag(String arg) {
    if (arg == null || !arg.startsWith("--")) {
      return Optional.empty();
    }
    return Flag.of(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg).filter(WRITTEN::contains);
  }

  /** The server's arguments in a container, with its environment. */
  public static VllmArgs read(Container container) {
    return read(container.getImage(), container.getCommand(), container.getArgs(), ContainerEnv.of(container));
  }

  private static VllmArgs read(String image, List<String> command, List<String> args, ContainerEnv env) {
    List<Token> argv = new ArrayList<>();
    addAll(argv, command, "command", env);
    int firstArg = argv.size();
    addAll(argv, args, "args", env);
    Optional<Start> start = serverStart(argv);
    if (start.isPresent()) {
      return parse(argv.subList(start.get().index(), argv.size()), start.get().serve(), Invocation.COMMAND);
    }
    Optional<List<Token>> shell = shellCommand(argv, env);
    if (shell.isPresent()) {
      start = serverStart(shell.get());
      if (start.isPresent()) {
        return parse(shell.get().subList(start.get().index(), shell.get().size()), start.get().serve(),
            Invocation.SHELL);
      }
    }
    if (firstArg == 0 && isServerImage(image)) {
      // the image's ENTRYPOINT: python3 -m vllm.entrypoints.openai.api_server on older tags, vllm serve
      // on newer ones; a leading positional model is accepted by the latter only
      return parse(argv, true, Invocation.IMAGE_ENTRYPOINT);
    }
    return parse(argv, false, Invocation.UNRECOGNIZED);
  }

  /** Every option in the order the server receives them. */
  public List<Option> options() {
    return options;
  }

  public Invocation invocation() {
    return invocation;
  }

  /**
   * Whether the options are all there is: false when a word the manifest does not spell out (an
   * unknown {@code $EXTRA_ARGS}), a {@code --config} file, or a start of the server that was not
   * found ({@link Invocation#UNRECOGNIZED}) may set more flags, so that a flag not found here may
   * still be set.
   */
  public boolean complete() {
    return complete;
  }

  /** The last occurrence of a flag, the one vLLM takes. */
  public Optional<Option> last(Flag flag) {
    Option found = null;
    for (Option option : options) {
      if (option.name().equals(flag.wireName())) {
        found = option;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The known, non-empty value of a flag's last occurrence. */
  public Optional<String> value(Flag flag) {
    return last(flag).flatMap(Option::value).filter(v -> !v.isEmpty());
  }

  /** {@code --model}, or the positional model of {@code vllm serve}. */
  public Optional<String> model() {
    return value(Flag.MODEL);
  }

  /** The command gpushare gives the server: {@code python3 -m vllm.entrypoints.openai.api_server}. */
  public static List<String> openAiServerCommand() {
    return List.of("python3", "-m", OPENAI_SERVER_MODULE);
  }

  /**
   * Reads back what {@link #write} wrote: the {@code --flag=value} arguments of the spec's own
   * attributes go into the builder, every other argument into its extra arguments. False when an
   * argument the spec writes itself cannot be read back (no model, a malformed number).
   */
  static boolean readInto(List<String> args, VllmWorkloadSpec.Builder spec) {
    java.util.Set<Flag> seen = java.util.EnumSet.noneOf(Flag.class);
    int port = DEFAULT_PORT;
    for (String arg : args) {
      if (arg == null) {
        return false;
      }
      Optional<Flag> flag = WRITTEN.stream().filter(f -> arg.startsWith(f.wireName() + "=")).findFirst();
      String value = arg.substring(arg.indexOf('=') + 1);
      if (flag.isEmpty()) {
        spec.addExtraArgs(arg);
        continue;
      }
      if (!seen.add(flag.get())) {
        return false; // given twice: the spec writes each once
      }
      if (flag.get() == Flag.HOST) {
        spec.host(value);
      } else if (flag.get() == Flag.PORT) {
        if (!PLAIN_PORT.matcher(value).matches()) {
          return false;
        }
        port = Integer.parseInt(value);
      } else if (flag.get() == Flag.MODEL) {
        spec.model(value);
      } else if (PLAIN_DECIMAL.matcher(value).matches()) {
        spec.gpuMemoryUtilization(new BigDecimal(value));
      } else {
        return false; // bounded: no exponent, so no BigDecimal of a billion digits
      }
    }
    spec.port(port);
    return seen.contains(Flag.MODEL);
  }

  private static final java.util.regex.Pattern PLAIN_PORT = java.util.regex.Pattern.compile("[0-9]{1,5}");
  private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");

  private record Token(String text, boolean fromVariable, Location location) {
    boolean known() {
      return ContainerEnv.known(text);
    }
  }

  private record Start(int index, boolean serve) {}

  private static void addAll(List<Token> tokens, List<String> values, String field, ContainerEnv env) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        ContainerEnv.Expanded expanded = env.expand(values.get(i));
        tokens.add(new Token(expanded.text(), expanded.expanded(), new Location(field, i)));
      }
    }
  }

  /** Where the server's own arguments begin, after {@code vllm serve} or {@code -m <server module>}. */
  private static Optional<Start> serverStart(List<Token> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      String word = words.get(i).text();
      String next = words.get(i + 1).text();
      if ((word.equals("vllm") || word.endsWith("/vllm")) && next.equals(SERVE)) {
        return Optional.of(new Start(i + 2, true));
      }
      if (word.equals("-m") && SERVER_MODULES.contains(next)) {
        return Optional.of(new Start(i + 2, false));
      }
      if (word.equals("-m") && next.equals(CLI_MODULE) && i + 2 < words.size()
          && words.get(i + 2).text().equals(SERVE)) {
        return Optional.of(new Start(i + 3, true));
      }
    }
    return Optional.empty();
  }

  /**
   * The simple command of a {@code sh -c SCRIPT} (or {@code bash -lc}, {@code /bin/sh -ec}, ...) that
   * starts the server, as words located at the script's string.
   */
  private static Optional<List<Token>> shellCommand(List<Token> argv, ContainerEnv env) {
    if (argv.isEmpty() || !SHELLS.matcher(argv.get(0).text()).matches()) {
      return Optional.empty();
    }
    boolean command = false;
    int i = 1;
    for (; i < argv.size(); i++) {
      String word = argv.get(i).text();
      if (word.equals("-o") || word.equals("+o")) {
        i++;
      } else if (word.equals("--")) {
        i++;
        break;
      } else if (word.length() > 1 && (word.startsWith("-") || word.startsWith("+")) && !word.startsWith("--")) {
        command |= word.indexOf('c') > 0;
      } else if (!word.startsWith("--")) {
        break;
      }
    }
    if (!command || i >= argv.size()) {
      return Optional.empty();
    }
    Token script = argv.get(i);
    for (List<ShellScript.Word> words : ShellScript.commands(script.text(), env)) {
      List<Token> tokens = new ArrayList<>();
      for (ShellScript.Word word : words) {
        tokens.add(new Token(word.text(), word.expanded() || script.fromVariable(), script.location()));
      }
      if (serverStart(tokens).isPresent()) {
        return Optional.of(tokens);
      }
    }
    return Optional.empty();
  }

  private static boolean isServerImage(String image) {
    if (image == null) {
      return false;
    }
    String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      name = name.substring(0, colon);
    }
    return name.substring(name.lastIndexOf('/') + 1).equals(SERVER_IMAGE);
  }

  /** vLLM's argparse over the server's own arguments; {@code serve} accepts a positional model. */
  private static VllmArgs parse(List<Token> tokens, boolean serve, Invocation invocation) {
    List<Option> options = new ArrayList<>();
    boolean complete = invocation != Invocation.UNRECOGNIZED; // a script or program we cannot read may add flags
    boolean positionalModel = !serve;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String text = token.text();
      if (!token.known() && !text.startsWith("-")) {
        if (!positionalModel) {
          options.add(option(Flag.MODEL.wireName(), token, token));
          positionalModel = true;
        } else {
          complete = false; // may be any flags at all
        }
        continue;
      }
      if (text.equals("--")) {
        if (!positionalModel && i + 1 < tokens.size()) {
          options.add(option(Flag.MODEL.wireName(), tokens.get(i + 1), tokens.get(i + 1)));
        }
        break;
      }
      if (!isOption(text)) {
        if (!positionalModel) {
          options.add(option(Flag.MODEL.wireName(), token, token));
          positionalModel = true;
        }
        continue;
      }
      if (text.startsWith("-O") && !text.startsWith("-O=") && text.length() > 2) {
        options.add(new Option(Flag.OPTIMIZATION_LEVEL.wireName(), known(text.substring(2), token),
            token.fromVariable(), token.location()));
        continue;
      }
      int eq = text.indexOf('=');
      String name = normalize(eq > 0 ? text.substring(0, eq) : text);
      if (!ContainerEnv.known(name)) {
        complete = false; // a flag whose name only the running pod knows
        continue;
      }
      Optional<Flag> flag = Flag.of(name);
      String wireName = flag.map(Flag::wireName).orElse(name);
      boolean negated = name.startsWith("--no-")
          && Flag.of("--" + name.substring(5)).filter(f -> f.arity() == Arity.NONE).isPresent();
      Arity arity = flag.map(Flag::arity).orElse(negated ? Arity.NONE : Arity.ONE);
      if (eq > 0) {
        options.add(new Option(wireName, known(text.substring(eq + 1), token), token.fromVariable(), token.location()));
      } else if (arity == Arity.NONE) {
        boolean explicit = i + 1 < tokens.size() && tokens.get(i + 1).text().toLowerCase(Locale.ROOT)
            .matches("true|false");
        Token value = explicit ? tokens.get(++i) : token;
        options.add(new Option(wireName, Optional.of(explicit ? value.text() : ""), token.fromVariable(),
            value.location()));
      } else if (i + 1 < tokens.size() && !isOption(tokens.get(i + 1).text())) {
        Token value = tokens.get(++i);
        options.add(option(wireName, value, value));
        while (arity == Arity.MANY && i + 1 < tokens.size() && !isOption(tokens.get(i + 1).text())) {
          i++;
        }
      } else {
        options.add(new Option(wireName, Optional.of(""), token.fromVariable(), token.location()));
      }
      if (flag.filter(f -> f == Flag.CONFIG).isPresent()) {
        complete = false;
      }
    }
    return new VllmArgs(options, invocation, complete);
  }

  private static Option option(String name, Token value, Token at) {
    return new Option(name, known(value.text(), value), value.fromVariable(), at.location());
  }

  private static Optional<String> known(String value, Token token) {
    return ContainerEnv.known(value) ? Optional.of(value) : Optional.empty();
  }

  /** argparse's test: a dash and more, unless it is a negative number. */
  private static boolean isOption(String text) {
    return text.startsWith("-") && text.length() > 1 && !NEGATIVE_NUMBER.matcher(text).matches()
        && ContainerEnv.known(text.substring(0, Math.min(text.length(), 2)));
  }

  /** vLLM's FlexibleArgumentParser: {@code _} becomes {@code -} in a long name, up to its first dot. */
  static String normalize(String name) {
    if (!name.startsWith("--")) {
      return name;
    }
    int dot = name.indexOf('.');
    String head = dot < 0 ? name : name.substring(0, dot);
    return "--" + head.substring(2).replace('_', '-') + (dot < 0 ? "" : name.substring(dot));
  }
}
