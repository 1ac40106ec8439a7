package io.clientportal.messaging.jpa;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clientportal.messaging.Actor;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The JPA store is a store like any third party's: it stores, through the SPI and the model, and never sees the
 * rules of messaging (core's {@code internal}), the facades or the event types. Only production classes are checked.
 */
class JpaLayeringTests {

    private static final String ROOT = "io.clientportal.messaging";

    @Test
    void theJpaStoreUsesOnlyTheModelTheSpiAndItsOwnLibraries() {
        JavaClasses store = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT + ".jpa");
        classes().that().resideInAPackage(ROOT + ".jpa..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax..", "jakarta..", "org.slf4j..",
                        // Its persistence provider and its schema migrations (the module's declared dependencies).
                        "org.hibernate..", "org.flywaydb..",
                        ROOT + ".jpa..", ROOT + ".model..", ROOT + ".spi..")
                        .or(mayUseFromTheRootPackage()))
                .because("a store only stores; the rules of messaging live once, in core")
                .check(store);
    }

    /** From the root package a store may use the acting {@link Actor} and the exception types, nothing else. */
    private static DescribedPredicate<JavaClass> mayUseFromTheRootPackage() {
        return resideInAPackage(ROOT)
                .and(belongToAnyOf(Actor.class).or(assignableTo(Throwable.class)))
                .as("Actor or an exception of " + ROOT);
    }
}
