package io.gpushare.core;

import io.gpushare.core.catalog.Catalog;
import io.gpushare.core.catalog.CatalogReader;

/** A user's catalog, as a file would hold it: a GPU and a model that only it knows. */
public final class TestCatalogs {
  /** The ACME X1 (96 GiB, three MIG profiles) and a 40.1 B model. */
  public static final String ACME = """
      gpus:
      - productName: ACME X1 96GB
        memory: 96Gi
        migProfiles: [1g.12gb, 3g.48gb, 7g.96gb]
      models:
      - id: acme/acme-chat-40b
        parameters: 40.1e9
        minimumVllm: 0.9.0
      """;

  private TestCatalogs() {}

  /** The built-in catalog with {@link #ACME} laid over it. */
  public static Catalog standardWithAcme() {
    return Catalog.standard().with(CatalogReader.standard().read(ACME, "acme.yaml"));
  }
}
