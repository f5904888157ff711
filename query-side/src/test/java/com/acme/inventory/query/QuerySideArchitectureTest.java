package com.acme.inventory.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.acme.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule theQuerySideNeverDependsOnTheCommandSide = noClasses()
            .that()
            .resideInAPackage("com.acme.inventory.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.acme.inventory.command..");

    @ArchTest
    static final ArchRule readModelsDoNotCallEachOther = noClasses()
            .that()
            .resideInAPackage("..query.eventlog..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..query.stockcache..");

    @ArchTest
    static final ArchRule readsNeverGoThroughTheOperatorEndpoints = noClasses()
            .that()
            .resideInAnyPackage("..query.stockcache..", "..query.eventlog..", "..query.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..query.admin..");

    @ArchTest
    static final ArchRule theProjectionMachineryKnowsNoReadModel = noClasses()
            .that()
            .resideInAPackage("..query.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..query.stockcache..", "..query.eventlog..");
}
