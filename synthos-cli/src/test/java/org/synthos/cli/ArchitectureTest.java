package org.synthos.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: api &lt;- {core, io} &lt;- {cli, service, spark, bench}. Maven's
 * enforcer keeps the module graph in shape; this test checks the same at class level, including
 * packages that a module could reach through a transitive dependency.
 */
@Tag("unit")
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.synthos");
  }

  @Test
  void apiDependsOnNothingButTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("org.synthos.api..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.synthos.api..", "java..")
        .check(classes);
  }

  @Test
  void coreKnowsNoFileFormatAndNoFrontEnd() {
    noClasses()
        .that()
        .resideInAPackage("org.synthos.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.synthos.io..",
            "org.synthos.cli..",
            "org.synthos.service..",
            "org.synthos.spark..",
            "org.synthos.bench..",
            "org.apache.parquet..",
            "de.siegmar..",
            "picocli..",
            "io.grpc..")
        .check(classes);
  }

  @Test
  void ioKnowsNoMetricAndNoFrontEnd() {
    noClasses()
        .that()
        .resideInAPackage("org.synthos.io..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.synthos.core..",
            "org.synthos.cli..",
            "org.synthos.service..",
            "org.synthos.spark..",
            "org.synthos.bench..",
            "org.apache.datasketches..",
            "picocli..")
        .check(classes);
  }

  @Test
  void nothingDependsOnTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.synthos.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.synthos.cli..")
        .check(classes);
  }
}
