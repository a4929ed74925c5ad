package io.gpushare.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * bom/pom.xml has no parent (an imported BOM would otherwise bring the parent's test and build
 * pins to consumers), so it repeats versions the parent declares: this test keeps them equal.
 */
class GpushareBom_versions_Test {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void should_pin_the_parents_versions_when_the_bom_repeats_them() throws Exception {
    // GIVEN the parent pom and the BOM
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("bom/pom.xml"));
    // WHEN / THEN the BOM has the project's version and the same third-party versions
    assertThat(projectChild(bom, "version")).isEqualTo(projectChild(parent, "version"));
    for (String property : List.of("fabric8.version", "jackson.version", "snakeyaml.version", "assertj.version")) {
      assertThat(property(bom, property)).as(property).isEqualTo(property(parent, property)).isNotEmpty();
    }
  }

  @Test
  void should_manage_every_gpushare_artifact_when_a_module_is_added_to_the_reactor() throws Exception {
    // GIVEN the reactor's modules, but the BOM itself and the benchmarks
    Document parent = read(ROOT.resolve("pom.xml"));
    List<String> artifacts = new ArrayList<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent().trim();
      if (!module.equals("bom") && !module.equals("benchmarks")) {
        artifacts.add(projectChild(read(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
      }
    }
    // WHEN the BOM's managed artifacts are listed
    List<String> managed = new ArrayList<>();
    NodeList dependencies = read(ROOT.resolve("bom/pom.xml")).getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      managed.add(child((Element) dependencies.item(i), "artifactId"));
    }
    // THEN each module's artifact is among them
    assertThat(managed).containsAll(artifacts);
    assertThat(artifacts).contains("gpushare-core", "gpushare-dsl", "gpushare-test-fixtures");
  }

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(Files.newInputStream(pom));
  }

  private static String projectChild(Document pom, String name) {
    return child(pom.getDocumentElement(), name);
  }

  private static String child(Element element, String name) {
    for (org.w3c.dom.Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return "";
  }

  private static String property(Document pom, String name) {
    NodeList properties = pom.getElementsByTagName("properties");
    return properties.getLength() == 0 ? "" : child((Element) properties.item(0), name);
  }
}
