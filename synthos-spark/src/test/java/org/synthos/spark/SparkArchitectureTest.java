package org.synthos.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spark stays in this module: the engine, the readers and the reports (all on this module's class
 * path) know nothing of Spark or of this module, and this module knows no other front end. Maven's
 * enforcer keeps the module graph so; this checks the classes.
 */
@Tag("unit")
class SparkArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.synthos");
  }

  @Test
  void nothingElseKnowsSpark() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.synthos.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.synthos.spark..", "org.apache.spark..", "scala..")
        .check(classes);
  }

  @Test
  void sparkIsAFrontEndOverTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("org.synthos.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.synthos.cli..", "org.synthos.service..", "org.synthos.bench..", "io.grpc..")
        .check(classes);
  }
}
