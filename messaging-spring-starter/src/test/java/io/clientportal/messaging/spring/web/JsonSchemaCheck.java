package io.clientportal.messaging.spring.web;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the API's document uses: {@code $ref} into the
 * document, {@code type} (one or a list), {@code enum}, {@code const}, {@code oneOf}, {@code properties},
 * {@code required}, {@code additionalProperties: false}, {@code items}, {@code minimum}, {@code maximum},
 * {@code pattern} and the formats {@code uuid} and {@code date-time}. A keyword it does not know fails the check,
 * so the document can't silently use more than is checked.
 */
final class JsonSchemaCheck {

    private static final List<String> KNOWN = List.of("$ref", "type", "enum", "const", "oneOf", "properties",
            "required", "additionalProperties", "items", "minimum", "maximum", "pattern", "format", "description",
            "default", "contentMediaType");

    private final JsonNode document;

    JsonSchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** What is wrong with {@code value} under {@code schema}; empty when it conforms. */
    List<String> errors(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        for (String keyword : schema.propertyNames()) {
            if (!KNOWN.contains(keyword)) {
                errors.add(at + ": the check does not know the keyword " + keyword);
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asString()), value, at, errors);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(at + ": " + kind(value) + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.get("oneOf")) {
                matching += errors(option, value).isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                errors.add(at + ": matches " + matching + " of oneOf, not exactly one");
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, at, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", errors);
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                errors.add(at + ": " + value + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                errors.add(at + ": " + value + " is above " + schema.get("maximum"));
            }
        }
        if (value.isString()) {
            checkString(schema, value.asString(), at, errors);
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asString())) {
                    errors.add(at + ": misses the required " + name.asString());
                }
            }
        }
        JsonNode properties = schema.get("properties");
        for (String name : value.propertyNames()) {
            if (properties != null && properties.has(name)) {
                check(properties.get(name), value.get(name), at + "." + name, errors);
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                errors.add(at + ": has the undocumented " + name);
            }
        }
    }

    private static void checkString(JsonNode schema, String text, String at, List<String> errors) {
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(text).find()) {
            errors.add(at + ": " + text + " does not match " + schema.get("pattern").asString());
        }
        String format = schema.has("format") ? schema.get("format").asString() : null;
        try {
            if ("uuid".equals(format)) {
                UUID.fromString(text);
            } else if ("date-time".equals(format)) {
                OffsetDateTime.parse(text);
            } else if (format != null) {
                errors.add(at + ": the check does not know the format " + format);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(at + ": " + text + " is not a " + format);
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are checked: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("the document has no " + ref);
        }
        return target;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }
}
