package org.synthos.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: api &lt;- {core, io} &lt;- {report, cli, service, bench, spark}, with
 * two further cuts: the report reads no dataset (no io), and the command line reaches the service
 * only at run time, through {@code org.synthos.api.spi.ServiceCommands}. Maven's enforcer keeps the
 * module graph in shape; this test checks the same at class level, including packages that a module
 * could reach through a transitive dependency. Every package named here exists in this repository.
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
            "org.synthos.report..",
            "org.synthos.cli..",
            "org.synthos.service..",
            "org.synthos.bench..",
            "org.synthos.spark..",
            "org.apache.parquet..",
            "org.apache.spark..",
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
            "org.synthos.bench..",
            "org.synthos.spark..",
            "org.apache.datasketches..",
            "picocli..")
        .check(classes);
  }

  @Test
  void ioKnowsNoReportAndNoService() {
    noClasses()
        .that()
        .resideInAPackage("org.synthos.io..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.synthos.report..", "org.synthos.service..")
        .check(classes);
  }

  @Test
  void reportReadsNoDatasetAndKnowsNoFrontEnd() {
    noClasses()
        .that()
        .resideInAPackage("org.synthos.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.synthos.io..", "org.synthos.cli..", "org.synthos.service..", "org.synthos.bench..")
        .check(classes);
  }

  @Test
  void commandLineDoesNotDependOnTheService() {
    noClasses()
        .that()
        .resideInAPackage("org.synthos.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.synthos.service..", "org.synthos.v1..", "io.grpc..")
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
