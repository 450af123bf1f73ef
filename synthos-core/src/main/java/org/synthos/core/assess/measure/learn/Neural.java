package org.synthos.core.assess.measure.learn;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.synthos.api.spi.ProxyLearner;

/**
 * The neural tier's learner: the first {@link ProxyLearner} with the key {@code "mlp"} on the class
 * path, looked up once. The engine does not link the network's library; synthos-neural provides it.
 */
public final class Neural {
  private static final String KEY = "mlp";

  private Neural() {}

  private static final class Holder {
    static final ProxyLearner LEARNER = find();
  }

  /** The learner, or null when none is on the class path. */
  public static ProxyLearner learner() {
    return Holder.LEARNER;
  }

  /** Why the neural tier cannot train here, or null when it can. */
  public static String unavailable() {
    ProxyLearner l = learner();
    if (l == null) {
      return "no neural-network learner is installed (synthos-neural is not on the class path)";
    }
    return l.unavailable();
  }

  static String describe() {
    ProxyLearner l = learner();
    return l == null ? "neural network (not installed)" : l.describe();
  }

  private static ProxyLearner find() {
    try {
      Iterator<ProxyLearner> it = ServiceLoader.load(ProxyLearner.class).iterator();
      while (it.hasNext()) {
        ProxyLearner l = it.next();
        if (KEY.equals(l.key())) {
          return l;
        }
      }
    } catch (ServiceConfigurationError e) {
      return null;
    }
    return null;
  }
}
