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
            .that().resideInAPackage("com.acme.inventory.query..")
            .should().dependOnClassesThat().resideInAPackage("com.acme.inventory.command..");

    @ArchTest
    static final ArchRule projectionsDoNotCallEachOther = noClasses()
            .that().resideInAPackage("..query.history..")
            .should().dependOnClassesThat().resideInAPackage("..query.stock..");
}
