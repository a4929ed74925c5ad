package io.gpushare.core.validate;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;

/**
 * A lower bound of the worst-case cost the API server's estimator ({@code cel-go} {@code
 * EstimateCost}, compared to {@code CELSelectorExpressionMaxCost} = 1000000 in
 * {@code pkg/apis/resource/validation}) gives a checked expression. dev.cel has no cost estimator, so
 * this counts only what is certain: one unit per variable or field access, and each comprehension's
 * loop body times the size of a literal list it ranges over (ranges over maps or attributes count as
 * empty). When this floor exceeds the limit, the API server's estimate does too; an expression under
 * it may still exceed the limit on the cluster.
 *
 * <pre>
 * [1, ..., 10].all(x, [1, ..., 10].all(y, ... x + y < 100))   # 7 levels: at least 10^7 &gt; 1000000
 * </pre>
 */
final class CelCostFloor {
  /** {@code resource.CELSelectorExpressionMaxCost}. */
  static final long LIMIT = 1_000_000L;

  private CelCostFloor() {}

  static long of(CelExpr expr) {
    switch (expr.getKind()) {
      case IDENT:
        return 1;
      case SELECT:
        return plus(1, of(expr.select().operand()));
      case CALL: {
        long cost = expr.call().target().map(CelCostFloor::of).orElse(0L);
        for (CelExpr arg : expr.call().args()) {
          cost = plus(cost, of(arg));
        }
        return cost;
      }
      case LIST: {
        long cost = 0;
        for (CelExpr element : expr.list().elements()) {
          cost = plus(cost, of(element));
        }
        return cost;
      }
      case COMPREHENSION: {
        CelComprehension loop = expr.comprehension();
        long iterations = loop.iterRange().getKind() == CelExpr.ExprKind.Kind.LIST ? loop.iterRange().list().elements().size() : 0;
        long body = plus(of(loop.loopCondition()), of(loop.loopStep()));
        return plus(plus(of(loop.iterRange()), of(loop.accuInit())), plus(times(iterations, body), of(loop.result())));
      }
      default:
        return 0;
    }
  }

  private static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long times(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }
}
