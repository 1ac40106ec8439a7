package io.clientportal.messaging.spring.jpa;

import io.clientportal.messaging.jpa.JpaMessagingStore;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds the JPA store's entities to the application's persistence unit (Boot's {@link PersistenceManagedTypes}), so
 * the host needs no {@code @EntityScan} for them and keeps its own (which would otherwise replace the default scan).
 */
public final class MessagingEntitiesPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof PersistenceManagedTypes types) {
            List<String> classes = new ArrayList<>(types.getManagedClassNames());
            for (Class<?> entity : JpaMessagingStore.entityClasses()) {
                if (!classes.contains(entity.getName())) {
                    classes.add(entity.getName());
                }
            }
            return PersistenceManagedTypes.of(classes, types.getManagedPackages());
        }
        return bean;
    }
}
