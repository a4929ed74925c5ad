package io.gpushare.cli;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.CatalogParseException;
import io.gpushare.core.catalog.CatalogReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The catalog a command's {@code --catalog FILE} options make: the built-in one with each file laid over it. */
final class Catalogs {
  private Catalogs() {}

  /** The catalog; empty, with a one-line message on {@code err}, when a file cannot be read or is no catalog. */
  static Optional<Catalog> read(List<Path> files, PrintWriter err) {
    Catalog catalog = Catalog.standard();
    for (Path file : files) {
      try {
        catalog = catalog.with(CatalogReader.standard().read(file));
      } catch (CatalogParseException e) {
        err.println("gpushare: catalog " + e.getMessage());
        return Optional.empty();
      } catch (NoSuchFileException e) {
        err.println("gpushare: catalog " + file + ": no such file");
        return Optional.empty();
      } catch (IOException e) {
        err.println("gpushare: catalog " + file + ": cannot read: " + e.getMessage());
        return Optional.empty();
      }
    }
    return Optional.of(catalog);
  }
}
