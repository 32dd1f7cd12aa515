package dev.groundwork.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Data flows one way: roadmap → store → pipeline; ingest never reaches into the api. */
class ArchitectureTest {

    static final JavaClasses INGEST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.groundwork.ingest");

    @Test
    void ingestNeverDependsOnTheApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.groundwork.api..").check(INGEST);
    }

    @Test
    void roadmapParsingKnowsNothingDownstream() {
        noClasses().that().resideInAPackage("..ingest.roadmap..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingest.store..", "..ingest.pipeline..",
                        "org.springframework..", "java.sql..")
                .check(INGEST);
    }

    @Test
    void storeDoesNotReachBackIntoThePipeline() {
        noClasses().that().resideInAPackage("..ingest.store..")
                .should().dependOnClassesThat().resideInAPackage("..ingest.pipeline..")
                .check(INGEST);
    }
}
