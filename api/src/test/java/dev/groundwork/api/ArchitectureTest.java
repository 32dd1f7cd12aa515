package dev.groundwork.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Controllers stay reactive: only boundary services touch the blocking ingest store. */
class ArchitectureTest {

    static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.groundwork.api");

    @Test
    void controllersNeverCallTheBlockingStoreDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Queries")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Importer")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(API);
    }

    @Test
    void applicationCodeNeverBlocksOnAPublisher() {
        noClasses().should().callMethod(reactor.core.publisher.Mono.class, "block")
                .orShould().callMethod(reactor.core.publisher.Flux.class, "blockLast")
                .orShould().callMethod(reactor.core.publisher.Flux.class, "blockFirst")
                .check(API);
    }

    @Test
    void cardsSitAboveGenerationAndRetrievalNeverTheReverse() {
        noClasses().that().resideInAnyPackage("..api.retrieval..", "..api.generation..", "..api.answer..")
                .should().dependOnClassesThat().resideInAPackage("..api.flashcard..")
                .check(API);
    }

    @Test
    void onlyTheSecurityPackageDecidesWhoTheLearnerIs() {
        noClasses().that().resideOutsideOfPackage("..api.security..")
                .should().dependOnClassesThat().haveSimpleName("ReactiveSecurityContextHolder")
                .check(API);
    }

    @Test
    void answersFlowOneWayFromRetrievalThroughGeneration() {
        noClasses().that().resideInAPackage("..api.retrieval..")
                .should().dependOnClassesThat().resideInAnyPackage("..api.generation..", "..api.answer..")
                .check(API);
        noClasses().that().resideInAPackage("..api.generation..")
                .should().dependOnClassesThat().resideInAPackage("..api.answer..")
                .check(API);
    }
}
