package io.clientportal.messaging.benchmarks.naive;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import java.util.Map;
import javax.sql.DataSource;

/** The Spring context of the NAIVE baseline: Hibernate with JDBC batching, Spring Data repositories. */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = NaiveConfig.class, considerNestedRepositories = true)
@EnableTransactionManagement
public class NaiveConfig {

    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan(NaiveConfig.class.getPackageName());
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "none", "hibernate.jdbc.batch_size", 50,
                "hibernate.order_inserts", true, "hibernate.order_updates", true));
        return factory;
    }

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory emf) {
        return new JpaTransactionManager(emf);
    }

    @Bean
    NaiveEventForwarder naiveEventForwarder() {
        return new NaiveEventForwarder();
    }

    @Bean
    NaiveMessaging naiveMessaging(PlatformTransactionManager transactions, ApplicationEventPublisher publisher,
                                  NaiveEventForwarder forwarder, NaiveRepositories.TeamMembers teamMembers,
                                  NaiveRepositories.ClientUsers clientUsers,
                                  NaiveRepositories.Conversations conversations,
                                  NaiveRepositories.Participants participants, NaiveRepositories.Messages messages,
                                  NaiveRepositories.ReadHorizons horizons,
                                  NaiveRepositories.Announcements announcements, NaiveRepositories.Events events) {
        return new NaiveMessaging(transactions, publisher, forwarder, teamMembers, clientUsers, conversations,
                participants, messages, horizons, announcements, events);
    }
}
