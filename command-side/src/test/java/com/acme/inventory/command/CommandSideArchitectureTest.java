package com.acme.inventory.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.acme.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule theAggregateDependsOnNeitherSpringNorJpa = noClasses()
            .that()
            .resideInAPackage("..command.inventory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..", "java.sql..");

    @ArchTest
    static final ArchRule webAdaptersTalkToTheApplicationNotToTables = noClasses()
            .that()
            .resideInAPackage("..command.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..command.infrastructure..", "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule theApplicationKnowsNoWebAdapter = noClasses()
            .that()
            .resideInAPackage("..command.application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..command.web..");

    @ArchTest
    static final ArchRule thePlumbingServesTheDomainAndKnowsNoCaller = noClasses()
            .that()
            .resideInAPackage("..command.infrastructure..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..command.web..", "..command.application..");

    @ArchTest
    static final ArchRule theMessagesModuleStaysFrameworkFree = noClasses()
            .that()
            .resideInAPackage("com.acme.inventory.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "com.acme.inventory.command..",
                    "com.acme.inventory.query..",
                    "com.acme.inventory.platform..");

    @ArchTest
    static final ArchRule domainTimeComesFromMessagesNotTheClock = noClasses()
            .that()
            .resideInAPackage("..command.inventory..")
            .should()
            .callMethod(java.time.Instant.class, "now");
}
