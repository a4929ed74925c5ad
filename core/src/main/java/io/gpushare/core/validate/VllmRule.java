package io.gpushare.core.validate;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.gpushare.core.catalog.ModelInfo;
import io.gpushare.core.kube.VllmArgs;
import io.gpushare.core.kube.VllmArgs.Flag;
import io.gpushare.core.memory.VllmVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What vLLM would refuse or get wrong at start-up: a flag given twice (vLLM logs "Found duplicate
 * keys" and keeps the last, {@code vllm/utils/argparse_utils.py}; {@code --middleware} is meant to
 * repeat), a {@code --port} that the container port or probe does not use, and an image older than
 * the first vLLM release that loads the model (an error: such a server never starts). Parallelism is
 * {@link VllmParallelismRule}'s.
 */
final class VllmRule implements Rule {
  static final int DEFAULT_PORT = VllmArgs.DEFAULT_PORT;

  @Override
  public void check(ValidationContext context, Findings findings) {
    for (PodGroup pods : context.podGroups()) {
      for (VllmContainer container : context.vllmContainers(pods)) {
        duplicates(container, findings);
        port(container, findings);
        image(container, context, findings);
      }
    }
  }

  private static void duplicates(VllmContainer container, Findings findings) {
    Map<String, VllmArgs.Option> first = new HashMap<>();
    for (VllmArgs.Option flag : container.args().options()) {
      if (repeatable(flag.name())) {
        continue;
      }
      VllmArgs.Option earlier = first.putIfAbsent(flag.name(), flag);
      if (earlier != null) {
        findings.add(FindingCode.VLLM_FLAG_DUPLICATE, container.argPath(flag),
            "expected " + flag.name() + " once, found it again (first at args[" + earlier.location().index() + "])",
            "keep one " + flag.name() + "; vLLM logs \"Found duplicate keys\" and takes the last, which hides"
                + " mistakes");
      }
    }
  }

  /**
   * Flags vLLM means to repeat: {@code --middleware} ({@code action="append"},
   * {@code vllm/entrypoints/openai/cli_args.py}) and a dotted list item ({@code --json-arg.key+ value}
   * appends, {@code vllm/utils/argparse_utils.py}).
   */
  static boolean repeatable(String name) {
    return name.equals(MIDDLEWARE) || name.contains(".") && name.endsWith("+");
  }

  static final String MIDDLEWARE = "--middleware";

  private static void port(VllmContainer container, Findings findings) {
    Optional<VllmArgs.Option> flag = container.args().last(Flag.PORT);
    if (flag.isPresent() ? flag.get().value().isEmpty() : !container.args().complete()) {
      return; // set by what only the running pod knows
    }
    int port;
    try {
      port = flag.map(f -> Integer.parseInt(f.value().get())).orElse(DEFAULT_PORT);
    } catch (NumberFormatException e) {
      findings.add(FindingCode.VLLM_PORT_MISMATCH, container.argPath(flag.get()),
          "expected a port number, found '" + flag.get().value().get() + "'",
          "write e.g. " + Flag.PORT.write(DEFAULT_PORT));
      return;
    }
    String source = flag.isPresent() ? Flag.PORT.wireName() + " " + port : "vLLM's default port " + port;
    List<ContainerPort> ports = Nulls.list(container.container().getPorts());
    if (!ports.isEmpty() && ports.stream().noneMatch(p -> p.getContainerPort() != null && p.getContainerPort() == port)) {
      findings.add(FindingCode.VLLM_PORT_MISMATCH, container.path() + ".ports",
          "expected a containerPort " + port + " (" + source + "), found "
              + ports.stream().map(ContainerPort::getContainerPort).toList(),
          "make containerPort, the probes and " + Flag.PORT.wireName() + " agree");
    }
    probe(container.container().getReadinessProbe(), "readinessProbe", port, source, container, findings);
    probe(container.container().getLivenessProbe(), "livenessProbe", port, source, container, findings);
    probe(container.container().getStartupProbe(), "startupProbe", port, source, container, findings);
  }

  private static void probe(Probe probe, String name, int port, String source, VllmContainer container,
      Findings findings) {
    if (probe == null) {
      return;
    }
    IntOrString probePort = probe.getTcpSocket() != null ? probe.getTcpSocket().getPort()
        : probe.getHttpGet() != null ? probe.getHttpGet().getPort() : null;
    String field = probe.getTcpSocket() != null ? ".tcpSocket.port" : ".httpGet.port";
    if (probePort != null && probePort.getIntVal() != null && probePort.getIntVal() != port) {
      findings.add(FindingCode.VLLM_PORT_MISMATCH, container.path() + "." + name + field,
          "expected the probe on port " + port + " (" + source + "), found " + probePort.getIntVal(),
          "probe the port vLLM listens on, or the pod never becomes ready");
    }
  }

  /**
   * The image's release against the first release that loads the model (the catalog's
   * {@code minimumVllm}), compared as vLLM's releases are ordered ({@link VllmVersion}: {@code v0.5.3}
   * is older than {@code 0.5.3.post1}). An image whose tag names no release ({@code latest}, a digest)
   * is not judged.
   */
  private static void image(VllmContainer container, ValidationContext context, Findings findings) {
    String image = container.container().getImage();
    Optional<String> model = container.model();
    if (image == null || model.isEmpty()) {
      return;
    }
    Optional<VllmVersion> minimum = context.catalog().model(model.get()).flatMap(ModelInfo::minimumVllm)
        .flatMap(VllmVersion::parse);
    Optional<VllmVersion> found = VllmVersion.ofImage(image);
    if (minimum.isPresent() && found.isPresent() && found.get().isBefore(minimum.get())) {
      findings.add(FindingCode.VLLM_IMAGE_TOO_OLD, container.path() + ".image",
          "expected vLLM " + minimum.get() + " or newer for " + model.get() + ", found " + image,
          "use vllm/vllm-openai:v" + minimum.get() + " or newer; an older image cannot load the model, so the server"
              + " never starts");
    }
  }
}
