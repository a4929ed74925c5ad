package io.gpushare.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What both goals take: the project, {@code strict} ({@code -Dgpushare.strict=true}: warnings fail the
 * build too) and {@code skip} ({@code -Dgpushare.skip=true}).
 *
 * <pre>
 * &lt;configuration&gt;
 *   &lt;strict&gt;true&lt;/strict&gt;
 * &lt;/configuration&gt;
 * </pre>
 */
abstract class GpuShareMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Fail on warnings too. */
  @Parameter(property = "gpushare.strict", defaultValue = "false")
  boolean strict;

  /** Skip the goal. */
  @Parameter(property = "gpushare.skip", defaultValue = "false")
  boolean skip;
}
