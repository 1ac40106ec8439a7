package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.testkit.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Application instances of the test portal on one PostgreSQL schema, as several nodes of a deployment run. */
final class TestNodes {

    private TestNodes() {
    }

    /** Starts one node on {@code database} on a free port, with the given properties besides the shared ones. */
    static ConfigurableApplicationContext start(TestPostgres.Schema database, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password(),
                "spring.datasource.hikari.maximum-pool-size=6",
                "messaging.schema.initialize=always",
                "logging.level.io.clientportal=INFO"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(TestPortalApplication.class).properties(all.toArray(String[]::new)).run();
    }

    /** The people the two-node tests use: owner olivia, and cathy of the organisation acme. */
    static void seed(Messaging messaging) {
        messaging.directory().upsertTeamMember("olivia", "Olivia Owner", TeamRole.OWNER);
        messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION);
        messaging.directory().addClientUser("acme", "cathy", "Cathy Client");
    }
}
