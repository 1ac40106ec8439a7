package io.clientportal.messaging.spring;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches while the application declares no {@link SecurityFilterChain} of its own. Chains that Spring Boot's
 * auto-configurations declare (its default form-login chain, the resource-server chain it makes from
 * {@code spring.security.oauth2.resourceserver.*}, Actuator's) and the starter's own are not the application's: they
 * are what an application without security configuration gets.
 */
class OnNoApplicationSecurityFilterChainCondition extends SpringBootCondition {

    static final String OWN_CHAIN = "messagingSecurityFilterChain";

    /** The starter's chain that makes the web components' files public. */
    static final String UI_CHAIN = "messagingUiSecurityFilterChain";

    /**
     * The starter's chains: its own for the API, the one that lets anyone read the API's OpenAPI document, and the
     * one for the web components' files.
     */
    static final java.util.Set<String> STARTER_CHAINS = java.util.Set.of(OWN_CHAIN,
            "messagingOpenApiSecurityFilterChain", UI_CHAIN);

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        if (beans == null) {
            return ConditionOutcome.match("no bean factory");
        }
        List<String> applications = applicationChains(beans);
        return applications.isEmpty()
                ? ConditionOutcome.match("the application declares no SecurityFilterChain")
                : ConditionOutcome.noMatch("the application declares its own SecurityFilterChain " + applications
                + ": it secures the messaging API (apply MessagingSecurityConfigurer in it)");
    }

    static List<String> applicationChains(ConfigurableListableBeanFactory beans) {
        List<String> applications = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(SecurityFilterChain.class, true, false)) {
            if (!STARTER_CHAINS.contains(name) && !declaredBySpringBoot(beans, name)) {
                applications.add(name);
            }
        }
        return applications;
    }

    /** Whether the bean's {@code @Bean} method is in one of Spring Boot's own configuration classes. */
    private static boolean declaredBySpringBoot(ConfigurableListableBeanFactory beans, String name) {
        if (!beans.containsBeanDefinition(name)) {
            return false;
        }
        BeanDefinition definition = beans.getBeanDefinition(name);
        String factoryBean = definition.getFactoryBeanName();
        String declaringClass = factoryBean != null && beans.containsBeanDefinition(factoryBean)
                ? beans.getBeanDefinition(factoryBean).getBeanClassName() : definition.getBeanClassName();
        return declaringClass != null && declaringClass.startsWith("org.springframework.boot.");
    }
}
