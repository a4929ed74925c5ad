package io.gpushare.maven;

import io.gpushare.core.model.ManifestBundle;
import io.gpushare.core.render.ManifestRenderer;
import io.gpushare.core.render.ManifestSource;
import io.gpushare.core.render.RenderedManifests;
import io.gpushare.core.validate.Finding;
import io.gpushare.core.validate.ValidationException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code gpushare:render}: runs the project's own {@link ManifestSource}s, from its compiled classes
 * and dependencies, validates all their bundles together, and writes the YAML into
 * {@code ${project.build.directory}/gpushare}, atomically. Validation errors fail the build with the
 * whole report, and nothing is written.
 *
 * <pre>
 * [INFO] gpushare: wrote target/gpushare/claim.yaml
 * [INFO] gpushare: wrote target/gpushare/vllm.yaml
 * </pre>
 *
 * Sources are the classes named in {@code <sources>}, or else every implementation listed in the
 * project's {@code META-INF/services/io.gpushare.core.render.ManifestSource}. What their escape-hatch
 * hooks and added fabric8 objects produce is validated and written like the rest.
 *
 * <p>The NVIDIA DRA driver's Helm values are no Kubernetes object and stay out of the output
 * directory; {@code <driverValues>} names a file for them, written together with the manifests:
 *
 * <pre>
 * &lt;driverValues&gt;${project.build.directory}/dra-driver-values.yaml&lt;/driverValues&gt;
 * </pre>
 */
@Mojo(name = "render", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class RenderMojo extends GpuShareMojo {

  /** Where the YAML files go. */
  @Parameter(property = "gpushare.outputDirectory", defaultValue = "${project.build.directory}/gpushare")
  File outputDirectory;

  /** Where to write the NVIDIA DRA driver's Helm values (e.g. {@code dra-driver-values.yaml}); unset: not written. */
  @Parameter(property = "gpushare.driverValues")
  File driverValues;

  /** Fully qualified names of ManifestSource classes; empty: those the project lists as services. */
  @Parameter
  List<String> sources = new ArrayList<>();

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("gpushare: render skipped (gpushare.skip)");
      return;
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = projectClassLoader()) {
      Thread.currentThread().setContextClassLoader(loader);
      List<ManifestSource> found = sources(loader);
      if (found.isEmpty()) {
        getLog().warn("gpushare: no ManifestSource found; list one in <sources> or in"
            + " META-INF/services/io.gpushare.core.render.ManifestSource");
        return;
      }
      ManifestBundle.Builder bundle = ManifestBundle.builder();
      for (ManifestSource source : found) {
        getLog().info("gpushare: rendering " + source.getClass().getName());
        bundle.addAllDocuments(source.bundle().documents());
      }
      RenderedManifests rendered = (strict ? ManifestRenderer.strict() : ManifestRenderer.standard()).render(bundle.build());
      for (Finding finding : rendered.report().findings()) {
        if (finding.isAcknowledged()) {
          getLog().info("gpushare: " + finding.headline()); // kept on purpose, with its reason
        } else {
          getLog().warn("gpushare: " + finding.headline());
        }
      }
      var changes = driverValues == null ? rendered.writeTo(outputDirectory.toPath())
          : rendered.writeTo(outputDirectory.toPath(), driverValues.toPath());
      changes.changed().forEach(path -> getLog().info("gpushare: wrote " + path));
      changes.unchanged().forEach(path -> getLog().info("gpushare: unchanged " + path));
    } catch (ValidationException e) {
      for (Finding finding : e.report().findings()) {
        if (finding.isAcknowledged()) {
          getLog().info("gpushare: " + finding.headline());
          continue;
        }
        getLog().error("gpushare: " + finding.headline());
        getLog().error("  hint: " + finding.hint());
      }
      throw new MojoFailureException("gpushare: manifests not rendered, " + e.report().summary()
          + "; nothing was written to " + outputDirectory);
    } catch (IOException e) {
      throw new MojoExecutionException("gpushare: cannot write to " + outputDirectory + ": " + e.getMessage(), e);
    } catch (LinkageError e) {
      throw new MojoExecutionException("gpushare: the project's classes do not link against the plugin's gpushare "
          + "(the plugin's gpushare-core, fabric8 and Jackson are the ones used): use the same gpushare version for the"
          + " plugin and the project's dependency. " + e, e);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new MojoExecutionException("gpushare: cannot create a ManifestSource: " + e, e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private List<ManifestSource> sources(ClassLoader loader) throws ReflectiveOperationException {
    List<ManifestSource> found = new ArrayList<>();
    if (!sources.isEmpty()) {
      for (String name : sources) {
        found.add((ManifestSource) Class.forName(name, true, loader).getConstructor().newInstance());
      }
      return found;
    }
    ServiceLoader.load(ManifestSource.class, loader).forEach(found::add);
    return found;
  }

  /** The project's classes and dependencies, over the plugin's own gpushare classes (one ManifestSource type). */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : project.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("gpushare: cannot read the project's classpath: " + e.getMessage(), e);
    }
  }
}
