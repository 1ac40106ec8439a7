package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.spring.web.HttpCaller.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host with springdoc-openapi gets the messaging API in its own document ({@code /v3/api-docs}), described as the
 * shipped document describes it, beside the host's own operations and without replacing any of its components.
 */
@SpringBootTest(classes = {TestPortalApplication.class, SpringdocHttpTests.HostApi.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
class SpringdocHttpTests {

    private static final String BASE = "/api/messaging";

    @LocalServerPort
    int port;

    private JsonNode hostDocument;
    private JsonNode shipped;

    /** A controller of the host's own, which its document keeps describing. */
    @RestController
    static class HostApi {

        @GetMapping("/host/greeting")
        Map<String, String> greeting() {
            return Map.of("hello", "world");
        }
    }

    @BeforeEach
    void readDocuments() {
        Answer answer = new HttpCaller("http://localhost:" + port, "olivia").get("/v3/api-docs");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        hostDocument = answer.json();
        shipped = HttpCaller.anonymous("http://localhost:" + port + BASE).get("/openapi.json").json();
    }

    @Test
    void everyOperationOfTheApiIsInTheHostsDocumentAsTheShippedDocumentHasIt() {
        Map<String, String> expected = operations(shipped, BASE);
        Map<String, String> underTheBasePath = new TreeMap<>(operations(hostDocument, ""));
        underTheBasePath.keySet().removeIf(operation -> !operation.contains(" " + BASE));

        assertThat(expected).hasSizeGreaterThan(15);
        assertThat(underTheBasePath).as("no operation described from the controllers' signatures")
                .isEqualTo(expected);
        JsonNode post = hostDocument.get("paths").get(BASE + "/conversations/{id}/messages").get("post");
        assertThat(post.get("responses").get("404").get("$ref").asString())
                .isEqualTo("#/components/responses/MessagingNotFound");
        assertThat(post.get("security").toString()).contains("MessagingBasic").contains("MessagingSession");
        assertThat(post.get("tags").get(0).asString()).isEqualTo("messaging-messages");
    }

    @Test
    void theApisComponentsArePrefixedAndEveryReferenceResolves() {
        JsonNode components = hostDocument.get("components");
        assertThat(components.get("schemas").has("MessagingMessage")).isTrue();
        assertThat(components.get("schemas").has("MessagingProblem")).isTrue();
        assertThat(components.get("securitySchemes").has("MessagingBasic")).isTrue();
        assertThat(components.get("schemas").has("Message")).as("no scanned model schema").isFalse();
        List<String> references = new ArrayList<>();
        collectReferences(hostDocument, references);
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            String[] parts = reference.substring("#/components/".length()).split("/");
            assertThat(components.get(parts[0]).has(parts[1])).as(reference).isTrue();
        });
    }

    @Test
    void theHostsOwnOperationsStay() {
        assertThat(hostDocument.get("paths").has("/host/greeting")).isTrue();
    }

    /** "METHOD path" to the operation id, for every operation of the document, its paths prefixed. */
    private static Map<String, String> operations(JsonNode document, String prefix) {
        Map<String, String> operations = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (operation.getValue().has("responses")) {
                operations.put(operation.getKey() + " " + prefix + path.getKey(),
                        operation.getValue().path("operationId").asString(""));
            }
        }));
        return operations;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        JsonNode reference = node.get("$ref");
        if (reference != null && reference.isString()) {
            references.add(reference.asString());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
