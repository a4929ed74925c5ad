/**
 * Test fixtures for gpushare: the golden reference documents ({@link io.gpushare.testing.ReferenceDocuments})
 * and a golden-file assertion that fails with a unified diff ({@link io.gpushare.testing.GoldenFile}).
 *
 * <p>Put the {@code gpushare-test-fixtures} artifact on the test classpath only.
 */
package io.gpushare.testing;
