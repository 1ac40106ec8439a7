package io.clientportal.messaging;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The packages show the architecture (ARCHITECTURE.md): the API ({@code io.clientportal.messaging}, {@code model},
 * {@code event}, {@code files}, {@code tika}) and the SPI never reach into {@code internal}, the in-memory store uses
 * only the model and the SPI like any third-party store, and {@code internal} knows nothing of the adapters built on
 * it (nor of Tika, an optional dependency).
 * Only production classes are checked.
 */
class LayeringTests {

    static final String ROOT = "io.clientportal.messaging";
    static final String INTERNAL = ROOT + ".internal..";

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /**
     * The one exception: {@link MessagingBuilder} is the front door that constructs the engine, so its
     * {@code build()} names {@code internal.MessagingEngine} (and the engine's settings records). Hiding that call
     * behind an indirection (a ServiceLoader, reflection) would only obscure who starts what.
     */
    static final DescribedPredicate<JavaClass> THE_ENGINE = belongToAnyOf(
            io.clientportal.messaging.internal.MessagingEngine.class);

    @Test
    void theApiAndTheSpiNeverReachIntoInternal() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage(ROOT, ROOT + ".model..", ROOT + ".event..", ROOT + ".spi..",
                        ROOT + ".files..", ROOT + ".tika..")
                .and(are(DescribedPredicate.not(belongToAnyOf(MessagingBuilder.class))))
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("internal is not API: a host or a store compiled against the API must not see it");
        rule.check(core);
    }

    @Test
    void theBuilderReachesIntoInternalOnlyToStartTheEngine() {
        ArchRule rule = noClasses()
                .that().belongToAnyOf(MessagingBuilder.class)
                .should().dependOnClassesThat(resideInAPackage(INTERNAL).and(DescribedPredicate.not(THE_ENGINE)))
                .because("the builder is the front door that constructs the engine, and nothing more of internal");
        rule.check(core);
    }

    /**
     * The in-memory store is a store like any other: it stores, using the model and the SPI, and the root
     * package's {@link Actor} and exceptions. It never sees the rules (internal), the facades or the events.
     */
    @Test
    void theInMemoryStoreUsesOnlyTheModelAndTheSpi() {
        ArchRule rule = classes()
                .that().resideInAPackage(ROOT + ".memory..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.slf4j..",
                        ROOT + ".memory..", ROOT + ".model..", ROOT + ".spi..")
                        .or(storeMayUseFromTheRootPackage()))
                .because("a store only stores; the rules of messaging live once, in core's internal");
        rule.check(core);
    }

    @Test
    void internalKnowsNothingOfTheAdapters() {
        ArchRule rule = noClasses()
                .that().resideInAPackage(INTERNAL)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".spring..", ROOT + ".jpa..",
                        ROOT + ".memory..", ROOT + ".tika..", "org.apache.tika..")
                .because("the engine talks to stores through the SPI only, and never to the Spring starter");
        rule.check(core);
    }

    /** From the root package a store may use the acting {@link Actor} and the exception types, nothing else. */
    static DescribedPredicate<JavaClass> storeMayUseFromTheRootPackage() {
        return resideInAPackage(ROOT)
                .and(belongToAnyOf(Actor.class).or(assignableTo(Throwable.class)))
                .as("Actor or an exception of " + ROOT);
    }
}
