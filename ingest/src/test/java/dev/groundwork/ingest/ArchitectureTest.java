package dev.groundwork.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: roadmap → fetch → extract → chunk → embed → store → pipeline; no stage reaches downstream,
 * and ingest never reaches into the api.
 */
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

    @Test
    void eachStageKnowsOnlyTheStagesBeforeIt() {
        noClasses().that().resideInAPackage("..ingest.fetch..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingest.extract..", "..ingest.chunk..",
                        "..ingest.embed..", "..ingest.store..", "..ingest.pipeline..")
                .check(INGEST);
        noClasses().that().resideInAPackage("..ingest.extract..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingest.fetch..", "..ingest.chunk..",
                        "..ingest.embed..", "..ingest.store..", "..ingest.pipeline..")
                .check(INGEST);
        noClasses().that().resideInAPackage("..ingest.chunk..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingest.fetch..", "..ingest.embed..",
                        "..ingest.store..", "..ingest.pipeline..")
                .check(INGEST);
        noClasses().that().resideInAPackage("..ingest.embed..")
                .should().dependOnClassesThat().resideInAnyPackage("..ingest.fetch..", "..ingest.extract..",
                        "..ingest.store..", "..ingest.pipeline..")
                .check(INGEST);
    }
}
