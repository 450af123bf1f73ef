package org.synthos.core.assess;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The assessment's roles depend one way: pool (the data a validation holds) &lt;- measure (pure
 * functions) &lt;- judge (bands, scores, verdict; returns findings) &lt;- explain (localisation,
 * recommendations, charts). The value types of the public API depend on none of them; only {@link
 * Validator} wires them together.
 */
@Tag("unit")
class LayersTest {
  private static final String ROOT = "org.synthos.core.assess";
  private static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void thePoolKnowsNoMeasureJudgeOrExplanation() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".pool..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".measure..", ROOT + ".judge..", ROOT + ".explain..")
        .check(classes);
  }

  @Test
  void measuresKnowNoBandScoreOrExplanation() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".measure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".judge..", ROOT + ".explain..")
        .check(classes);
  }

  @Test
  void measuresDoNotProduceEvidenceOrVerdicts() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".measure..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + ".Evidence")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + ".Verdict")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + ".DimensionResult")
        .check(classes);
  }

  @Test
  void judgingKnowsNoExplanation() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".judge..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".explain..")
        .check(classes);
  }

  @Test
  void valueTypesDependOnNoLayerOnlyTheValidatorWiresThem() {
    noClasses()
        .that()
        .resideInAPackage(ROOT)
        .and()
        .haveNameNotMatching(ROOT.replace(".", "\\.") + "\\.Validator(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".pool..", ROOT + ".measure..", ROOT + ".judge..", ROOT + ".explain..")
        .check(classes);
  }

  @Test
  void theLayersAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
