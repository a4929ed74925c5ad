package io.gpushare.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fabric8 model class of an {@code apiVersion} and {@code kind}, from the same service files
 * fabric8's own registry reads ({@code META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource}
 * of every model jar). fabric8's registry loads and instantiates every class those files list, a few
 * hundred, on the first read of any object; here the files are read as text and only the classes
 * named like the kind are loaded, when an object of that kind is read (docs/performance.md,
 * "Start-up"). A kind no model jar holds has no class: it is read as a generic resource.
 */
final class KubeKinds {
  private static final String SERVICES = "META-INF/services/" + KubernetesResource.class.getName();
  private static final Map<String, Optional<Class<? extends HasMetadata>>> FOUND = new ConcurrentHashMap<>();

  private KubeKinds() {}

  /** Class names by their simple name, read once. */
  private static final class Listed {
    static final Map<String, List<String>> BY_SIMPLE_NAME = read();
  }

  /** The model class whose apiVersion and kind these are, if a model jar on the classpath has one. */
  static Optional<Class<? extends HasMetadata>> typeOf(String apiVersion, String kind) {
    return FOUND.computeIfAbsent(apiVersion + "\n" + kind, key -> find(apiVersion, kind));
  }

  private static Optional<Class<? extends HasMetadata>> find(String apiVersion, String kind) {
    for (String name : Listed.BY_SIMPLE_NAME.getOrDefault(kind, List.of())) {
      Class<?> type;
      try {
        type = Class.forName(name, false, KubeKinds.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // a service file naming a class its jar lacks: fabric8's registry would skip it too
      }
      if (HasMetadata.class.isAssignableFrom(type)) {
        Class<? extends HasMetadata> resource = type.asSubclass(HasMetadata.class);
        if (apiVersion.equals(HasMetadata.getApiVersion(resource)) && kind.equals(HasMetadata.getKind(resource))) {
          return Optional.of(resource);
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, List<String>> read() {
    Map<String, List<String>> bySimpleName = new HashMap<>();
    try {
      Enumeration<URL> files = KubeKinds.class.getClassLoader().getResources(SERVICES);
      while (files.hasMoreElements()) {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int comment = line.indexOf('#'); // no regular expression per line: this runs at start-up
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!name.isEmpty()) {
              bySimpleName.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the fabric8 model's list of kinds (" + SERVICES + ")", e);
    }
    return bySimpleName;
  }
}
