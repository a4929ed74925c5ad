package io.gpushare.core.yaml;

/** How the style policy wants one string scalar written. */
enum ScalarStyle {
  /** Plain where that reads back as the same string; double-quoted where it would not. */
  PLAIN,
  /** Always double-quoted, as the tutorial writes toleration values and flow sequence items. */
  DOUBLE_QUOTED
}
