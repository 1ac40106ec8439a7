package io.clientportal.messaging.spring.web;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Adds the messaging API, as its shipped document ({@link MessagingOpenApi}) describes it, to a springdoc-openapi
 * document of the host: every operation under the base path, and the components they use. So that nothing of the
 * host's is overwritten, the API's components and security schemes are named with a {@code Messaging} prefix
 * ({@code MessagingMessage}, {@code MessagingNotFound}) and its tags with {@code messaging-}. The starter applies it to
 * the host's default document; a host that groups its document adds it to a group of its own with
 * {@code GroupedOpenApi.builder().addOpenApiCustomizer(customizer)}.
 */
public final class MessagingOpenApiCustomizer implements OpenApiCustomizer {

    /** The prefix of the API's component and security scheme names in the host's document. */
    public static final String COMPONENT_PREFIX = "Messaging";
    /** The prefix of the API's tags in the host's document. */
    public static final String TAG_PREFIX = "messaging-";

    private static final String COMPONENTS_REF = "#/components/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String basePath;
    /** The document as merged, text: every merge parses its own model, as customisers after this one may change it. */
    private final String document;

    /**
     * @param basePath {@code messaging.web.base-path} as configured (normalised here); the host document's paths are
     *                 relative to its server, which names the context path
     */
    public MessagingOpenApiCustomizer(String basePath) {
        this.basePath = MessagingWebConfiguration.normalise(Objects.requireNonNull(basePath,
                "basePath must not be null"));
        this.document = JSON.writeValueAsString(renamed(MessagingOpenApi.document()));
    }

    @Override
    public void customise(OpenAPI openApi) {
        OpenAPI messaging = parse();
        if (openApi.getPaths() == null) {
            openApi.setPaths(new Paths());
        }
        messaging.getPaths().forEach((path, item) -> openApi.getPaths().addPathItem(basePath + path, item));
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Components ours = messaging.getComponents();
        Components theirs = openApi.getComponents();
        merge(ours.getSchemas(), theirs::addSchemas);
        merge(ours.getResponses(), theirs::addResponses);
        merge(ours.getParameters(), theirs::addParameters);
        merge(ours.getSecuritySchemes(), theirs::addSecuritySchemes);
        for (Tag tag : messaging.getTags()) {
            List<Tag> tags = openApi.getTags();
            if (tags == null || tags.stream().noneMatch(existing -> existing.getName().equals(tag.getName()))) {
                openApi.addTagsItem(tag);
            }
        }
    }

    private OpenAPI parse() {
        try {
            return Json31.mapper().readValue(document, OpenAPI.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("the shipped " + MessagingOpenApi.RESOURCE + " does not read as OpenAPI", e);
        }
    }

    private static <T> void merge(Map<String, T> ours, BiConsumer<String, T> add) {
        if (ours != null) {
            ours.forEach(add);
        }
    }

    /**
     * The document with its components and tags named as in the host's, and its document-wide security on each
     * operation (the host's document has security of its own).
     */
    private static ObjectNode renamed(ObjectNode document) {
        ObjectNode components = (ObjectNode) document.get("components");
        for (String kind : List.copyOf(components.propertyNames())) {
            ObjectNode named = (ObjectNode) components.get(kind);
            ObjectNode prefixed = components.putObject(kind);
            named.properties().forEach(entry -> prefixed.set(prefixed(entry.getKey()), entry.getValue()));
        }
        for (JsonNode tag : document.get("tags")) {
            ((ObjectNode) tag).put("name", TAG_PREFIX + tag.get("name").asString());
        }
        JsonNode security = document.remove("security");
        for (JsonNode item : document.get("paths")) {
            for (JsonNode operation : item) {
                if (operation instanceof ObjectNode op && op.has("responses")) {
                    if (!op.has("security") && security != null) {
                        op.set("security", security.deepCopy());
                    }
                    renameSecurity(op.get("security"));
                    ArrayNode tags = (ArrayNode) op.get("tags");
                    for (int i = 0; tags != null && i < tags.size(); i++) {
                        tags.set(i, TAG_PREFIX + tags.get(i).asString());
                    }
                }
            }
        }
        renameReferences(document);
        return document;
    }

    private static void renameSecurity(JsonNode requirements) {
        if (requirements == null) {
            return;
        }
        for (JsonNode requirement : requirements) {
            ObjectNode named = (ObjectNode) requirement;
            for (String scheme : List.copyOf(named.propertyNames())) {
                named.set(prefixed(scheme), named.remove(scheme));
            }
        }
    }

    private static void renameReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(COMPONENTS_REF)) {
                String target = ref.asString();
                int slash = target.lastIndexOf('/');
                object.put("$ref", target.substring(0, slash + 1) + prefixed(target.substring(slash + 1)));
            }
        }
        for (Iterator<JsonNode> children = node.iterator(); children.hasNext(); ) {
            renameReferences(children.next());
        }
    }

    private static String prefixed(String name) {
        return COMPONENT_PREFIX + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
