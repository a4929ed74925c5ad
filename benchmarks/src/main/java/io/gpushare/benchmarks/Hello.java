package io.gpushare.benchmarks;

/**
 * The JVM floor of the start-up measurement (scripts/startup.sh): a JVM that prints one line.
 */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
