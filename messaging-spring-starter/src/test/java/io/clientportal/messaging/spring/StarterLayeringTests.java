package io.clientportal.messaging.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.clientportal.messaging.memory.InMemoryMessagingStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The starter is built on the public API only, as a host would be: never on core's {@code internal}, from the
 * in-memory store only {@link InMemoryMessagingStore}'s constructor (the default store), and from the JPA store only
 * its public types. Only production classes are checked.
 */
class StarterLayeringTests {

    private static final String ROOT = "io.clientportal.messaging";
    private static final String MEMORY = ROOT + ".memory..";

    private static JavaClasses starter;

    @BeforeAll
    static void importStarter() {
        starter = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT + ".spring");
    }

    @Test
    void theStarterNeverReachesIntoInternal() {
        noClasses().that().resideInAPackage(ROOT + ".spring..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".internal..")
                .because("internal is not API; the starter is a host of the library like any other")
                .check(starter);
    }

    @Test
    void fromTheInMemoryStoreTheStarterOnlyConstructsTheStore() {
        noClasses().that().resideInAPackage(ROOT + ".spring..")
                .should().dependOnClassesThat(resideInAPackage(MEMORY)
                        .and(not(belongToAnyOf(InMemoryMessagingStore.class))))
                .orShould().callMethodWhere(target(owner(resideInAPackage(MEMORY))))
                .orShould().accessFieldWhere(target(owner(resideInAPackage(MEMORY))))
                .because("the in-memory store is only the default bean, used through the MessagingStore SPI")
                .check(starter);
    }

    @Test
    void fromTheJpaStoreTheStarterUsesOnlyPublicTypes() {
        noClasses().that().resideInAPackage(ROOT + ".spring..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".jpa..")
                        .and(not(modifier(JavaModifier.PUBLIC))))
                .because("the JPA store's entities and SQL are its own; the starter configures it as a host would")
                .check(starter);
    }
}
