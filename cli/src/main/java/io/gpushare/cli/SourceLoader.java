package io.gpushare.cli;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.render.ManifestSource;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a user's {@link ManifestSource} for {@code gpushare render --source CLASS --classpath PATH},
 * with the Maven plugin's contract: a public class implementing {@code ManifestSource} with a public
 * no-argument constructor. {@code PATH} lists jars and class directories separated by
 * {@link File#pathSeparator}; they are loaded over the CLI's own classes, so the user's classes
 * share gpushare's {@code ManifestSource}, fabric8 and Jackson.
 */
final class SourceLoader implements AutoCloseable {
  private final URLClassLoader loader;

  private SourceLoader(URLClassLoader loader) {
    this.loader = loader;
  }

  /** Why a source could not be used; the message is for the user, without a stack trace. */
  static final class UnusableSource extends Exception {
    UnusableSource(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static SourceLoader over(String classpath) throws UnusableSource {
    List<URL> urls = new ArrayList<>();
    if (classpath != null) {
      for (String entry : classpath.split(File.pathSeparator)) {
        if (entry.isEmpty()) {
          continue;
        }
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
          throw new UnusableSource("classpath entry " + entry + " does not exist; --classpath lists jars and class"
              + " directories separated by '" + File.pathSeparator + "'", null);
        }
        try {
          urls.add(path.toUri().toURL());
        } catch (MalformedURLException e) {
          throw new UnusableSource("classpath entry " + entry + " is not a valid path: " + e.getMessage()
              + "; --classpath lists jars and class directories separated by '" + File.pathSeparator + "'", e);
        }
      }
    }
    return new SourceLoader(new URLClassLoader(urls.toArray(URL[]::new), SourceLoader.class.getClassLoader()));
  }

  ClassLoader classLoader() {
    return loader;
  }

  /** The bundle of a new instance of {@code className}. */
  ManifestBundle bundle(String className) throws UnusableSource {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new UnusableSource("class " + className + " not found on the classpath " + describe()
          + "; give its fully qualified name and the jar or class directory that holds it with --classpath", e);
    } catch (LinkageError e) {
      throw new UnusableSource("class " + className + " cannot be loaded: " + e + "; add the jars it depends on to"
          + " --classpath, compiled for this JVM's Java version or older", e);
    }
    if (!ManifestSource.class.isAssignableFrom(type)) {
      throw new UnusableSource(className + " does not implement " + ManifestSource.class.getName()
          + "; name a public class that implements it, with a public no-argument constructor", null);
    }
    ManifestSource source;
    try {
      source = (ManifestSource) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new UnusableSource("expected a public no-argument constructor in " + className + ", found none (or the"
          + " class is not public); add one, e.g. public " + type.getSimpleName() + "() {}", e);
    } catch (InstantiationException e) {
      throw new UnusableSource(className + " cannot be instantiated (abstract class or interface); name a concrete"
          + " class that implements " + ManifestSource.class.getSimpleName(), e);
    } catch (InvocationTargetException e) {
      throw new UnusableSource("the constructor of " + className + " failed: " + e.getCause()
          + "; make it succeed without arguments", e.getCause());
    }
    try {
      return source.bundle();
    } catch (RuntimeException | LinkageError e) {
      throw new UnusableSource(className + ".bundle() failed: " + e + "; make bundle() return the manifests"
          + " without throwing", e);
    }
  }

  private String describe() {
    URL[] urls = loader.getURLs();
    return urls.length == 0 ? "(no --classpath given)" : String.join(File.pathSeparator,
        java.util.Arrays.stream(urls).map(url -> {
          try {
            return Path.of(url.toURI()).toString();
          } catch (java.net.URISyntaxException e) {
            return url.toString();
          }
        }).toList());
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
