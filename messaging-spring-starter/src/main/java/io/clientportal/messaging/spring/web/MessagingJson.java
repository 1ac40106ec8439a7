package io.clientportal.messaging.spring.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON mapper of the messaging API, kept apart from the application's so that the API's strictness does not
 * depend on the host's settings: unknown fields, fields given twice, trailing tokens, nulls for numbers and coercions
 * between strings, numbers and booleans are all rejected (answered 400), times are ISO-8601 strings, problem details
 * are written as RFC 9457 has them.
 */
public final class MessagingJson {

    private final JsonMapper mapper;

    public MessagingJson() {
        this.mapper = JsonMapper.builder()
                .addModule(new MessagingJacksonModule())
                .addMixIn(ProblemDetail.class, ProblemDetailJson.class)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // Else the last of two "text" fields silently wins over the first.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build();
    }

    /**
     * Spring's own mapping of problem details (extra properties such as {@code field} beside the standard members),
     * in the order RFC 9457 lists the members.
     */
    @JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
    private interface ProblemDetailJson extends ProblemDetailJacksonMixin {
    }

    /** The mapper. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** {@code value} as JSON text. */
    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }
}
