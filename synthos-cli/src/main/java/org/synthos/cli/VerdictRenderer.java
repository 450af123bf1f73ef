package org.synthos.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.synthos.core.assess.CauseSummary;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Impact;
import org.synthos.core.assess.Recommendation;
import org.synthos.core.assess.RootCause;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Verdict;

/**
 * The verdict as a person reads it in a terminal: decision first, then why, where and what to do.
 */
final class VerdictRenderer {
  private VerdictRenderer() {}

  static String text(ValidationResult r, List<Path> written) {
    StringBuilder sb = new StringBuilder();
    Verdict v = r.verdict();
    line(
        sb,
        "%s  risk %.0f/100 (%s), collapse probability %.2f, confidence %.2f",
        r.approved() ? "APPROVED" : "REJECTED",
        v.riskScore(),
        v.riskLevel().name().toLowerCase(Locale.ROOT),
        v.collapseProbability(),
        v.confidence());
    line(
        sb,
        "candidate %s: %,d rows%s",
        r.candidate().uri(),
        r.candidate().rows(),
        r.reference() == null
            ? "; no reference, so only intrinsic checks"
            : String.format(
                Locale.ROOT,
                "; reference %s: %,d rows",
                r.reference().uri(),
                r.reference().rows()));
    if (!v.rootCauses().isEmpty()) {
      StringBuilder causes = new StringBuilder();
      for (RootCause c : v.rootCauses()) {
        if (causes.length() > 0) {
          causes.append(", ");
        }
        causes.append(
            String.format(
                Locale.ROOT,
                "%s (%s) %.0f%%",
                c.type().description().split(":")[0],
                c.type().code(),
                100 * c.share()));
      }
      line(sb, "collapse: %s", causes);
    }
    for (String reason : v.reasons()) {
      line(sb, "  - %s", reason);
    }
    sb.append(System.lineSeparator());
    line(
        sb, "%-36s %6s %9s %7s  %s", "dimension", "score", "fail/warn", "status", "worst evidence");
    for (DimensionResult d : r.dimensions()) {
      if (d instanceof DimensionResult.Scored s) {
        String worst = s.evidence().isEmpty() ? "" : evidence(s.evidence().get(0));
        line(
            sb,
            "%-36s %6.1f %4.0f/%-4.0f %7s  %s",
            s.dimension().title(),
            s.score(),
            s.failBelow(),
            s.warnBelow(),
            s.status().name(),
            worst);
      } else if (d instanceof DimensionResult.NotApplicable n) {
        line(sb, "%-36s %6s %9s %7s  %s", n.dimension().title(), "n/a", "", "", n.reason());
      }
    }
    if (!r.localisation().isEmpty()) {
      sb.append(System.lineSeparator());
      line(sb, "flagged rows");
      for (CauseSummary c : r.localisation()) {
        line(
            sb,
            "  %-26s %,9d rows  %s",
            c.cause().name().toLowerCase(Locale.ROOT),
            c.rows(),
            c.summary());
      }
    }
    if (!r.recommendations().isEmpty()) {
      sb.append(System.lineSeparator());
      line(sb, "recommendations");
      int i = 1;
      for (Recommendation rec : r.recommendations()) {
        line(sb, "  %d. [%s] %s: %s", i++, rec.priority().name(), rec.title(), rec.action());
        if (rec.impact() instanceof Impact.Measured m) {
          line(
              sb,
              "     measured by ablation: risk %.0f -> %.0f (%s) after %s",
              m.riskBefore(),
              m.riskAfter(),
              m.decisionAfter().key(),
              m.applied());
        } else if (rec.impact() instanceof Impact.NotMeasured n) {
          line(sb, "     impact not measured: %s", n.reason());
        }
      }
    }
    List<Path> files = written.stream().filter(Objects::nonNull).toList();
    if (!files.isEmpty()) {
      sb.append(System.lineSeparator());
      for (Path p : files) {
        line(sb, "wrote %s", p);
      }
    }
    return sb.toString();
  }

  private static String evidence(Evidence e) {
    return String.format(
        Locale.ROOT,
        "%s%s = %s (noise alone: up to %s)",
        e.measure().key(),
        e.column() == null ? "" : " of " + e.column(),
        ProfileRenderer.num(e.value()),
        ProfileRenderer.num(e.nullBand().upper()));
  }

  private static void line(StringBuilder sb, String format, Object... args) {
    sb.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }
}
