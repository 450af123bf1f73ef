package org.synthos.core.assess.measure.learn;

import java.util.Locale;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Parametric families of learning curves, loss against training size n, fitted by least squares
 * (Levenberg-Marquardt) in the scaled size u = n / n_ref, n_ref the largest size trained:
 *
 * <ul>
 *   <li>POW3, the saturating power law: L(u) = a u^-b + c (Hestness et al. 2017; c is the loss more
 *       data cannot remove);
 *   <li>MMF4, the Morgan-Mercer-Flodin curve: L(u) = (a b + c u^d) / (b + u^d), which the learning
 *       curve database LCDB (Mohr et al. 2022) found as good a fit as the four-parameter power law.
 * </ul>
 */
public enum CurveFamily {
  POW3(3, "a * (n / n_ref)^-b + c"),
  MMF4(4, "(a * b + c * (n / n_ref)^d) / (b + (n / n_ref)^d)");

  private static final int MAX_EVALUATIONS = 400;

  private final int parameters;
  private final String formula;

  CurveFamily(int parameters, String formula) {
    this.parameters = parameters;
    this.formula = formula;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int parameters() {
    return parameters;
  }

  public String formula() {
    return formula;
  }

  /** The curve at scaled size {@code u}. */
  public double at(double[] p, double u) {
    return switch (this) {
      case POW3 -> p[0] * Math.pow(u, -p[1]) + p[2];
      case MMF4 -> {
        double ud = Math.pow(u, p[3]);
        yield (p[0] * p[1] + p[2] * ud) / (p[1] + ud);
      }
    };
  }

  /**
   * The least-squares parameters through the points (u, loss), or null when the points are too few
   * for the family or the fit does not converge to finite values.
   */
  public double[] fit(double[] u, double[] loss) {
    return fit(u, loss, null);
  }

  /** As {@link #fit(double[], double[])}, starting from {@code start} (a nearby fit) when given. */
  public double[] fit(double[] u, double[] loss, double[] start) {
    if (u.length < parameters) {
      return null;
    }
    if (start != null) {
      return optimise(u, loss, start);
    }
    double min = Double.POSITIVE_INFINITY;
    for (double l : loss) {
      min = Math.min(min, l);
    }
    double c0 = 0.9 * min;
    double[] initial =
        switch (this) {
          case POW3 -> new double[] {Math.max(1e-9, (loss[0] - c0) * Math.pow(u[0], 0.5)), 0.5, c0};
          case MMF4 -> new double[] {1.1 * loss[0], 0.25, c0, 1.0};
        };
    return optimise(u, loss, initial);
  }

  private double[] optimise(double[] u, double[] loss, double[] start) {
    try {
      LeastSquaresOptimizer.Optimum optimum =
          new LevenbergMarquardtOptimizer()
              .optimize(
                  new LeastSquaresBuilder()
                      .start(start)
                      .model(model(u))
                      .target(loss)
                      .parameterValidator(this::valid)
                      .maxEvaluations(MAX_EVALUATIONS)
                      .maxIterations(MAX_EVALUATIONS)
                      .build());
      double[] p = optimum.getPoint().toArray();
      for (double x : p) {
        if (!Double.isFinite(x)) {
          return null;
        }
      }
      return p;
    } catch (RuntimeException e) {
      // TooManyEvaluations or a singular step: the points do not determine this family.
      return null;
    }
  }

  /** Keeps exponents and the MMF4 midpoint positive, so every curve is monotone in n. */
  private RealVector valid(RealVector v) {
    double[] p = v.toArray();
    switch (this) {
      case POW3 -> p[1] = clamp(p[1], 1e-6, 10);
      case MMF4 -> {
        p[1] = clamp(p[1], 1e-9, 1e9);
        p[3] = clamp(p[3], 1e-3, 10);
      }
    }
    return new ArrayRealVector(p, false);
  }

  private static double clamp(double x, double lo, double hi) {
    return Double.isNaN(x) ? lo : Math.max(lo, Math.min(hi, x));
  }

  private MultivariateJacobianFunction model(double[] u) {
    return point -> {
      double[] p = point.toArray();
      double[] values = new double[u.length];
      double[][] jacobian = new double[u.length][parameters];
      for (int i = 0; i < u.length; i++) {
        double lu = Math.log(u[i]);
        switch (this) {
          case POW3 -> {
            double ub = Math.pow(u[i], -p[1]);
            values[i] = p[0] * ub + p[2];
            jacobian[i][0] = ub;
            jacobian[i][1] = -p[0] * ub * lu;
            jacobian[i][2] = 1;
          }
          case MMF4 -> {
            double ud = Math.pow(u[i], p[3]);
            double d = p[1] + ud;
            values[i] = (p[0] * p[1] + p[2] * ud) / d;
            jacobian[i][0] = p[1] / d;
            jacobian[i][1] = (p[0] - p[2]) * ud / (d * d);
            jacobian[i][2] = ud / d;
            jacobian[i][3] = ud * lu * p[1] * (p[2] - p[0]) / (d * d);
          }
        }
      }
      return new Pair<>(
          new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    };
  }
}
