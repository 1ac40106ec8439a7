package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.EditWindowClosedException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.LimitExceededException;
import io.clientportal.messaging.MessagingStoreException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.UnsupportedContentTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns whatever a messaging request threw into the answer it gets, a Spring {@link ErrorResponse} with a problem
 * detail: the library's exceptions by their meaning, Spring MVC's and Jackson's by what the caller sent wrong, the
 * API's own refusals as they say. Only a real fault of the server is a 5xx, and then the detail says nothing of its
 * cause (which is logged).
 */
final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    /** The problem property naming the offending input. */
    private static final String FIELD = "field";

    /** Fields of the API's answers that only the server sets; a request that sends one is told so. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "conversationId", "seq", "author", "authorName",
            "createdAt", "editedAt", "deleted", "deletedAt", "announcementId", "attachments", "status",
            "targetCount", "deliveredCount", "readCount", "lastSeq", "lastMessageAt", "eventId", "tenantId",
            "sha256", "size", "contentType");

    /** The answer (status, headers, problem detail) and the low-cardinality reason metrics count it under. */
    record Rejection(ErrorResponse response, String reason) {
    }

    /** What an exception means to the caller: a status, a detail, the offending input (or null), a reason. */
    private record Refusal(HttpStatus status, String detail, String field, String reason) {
    }

    /**
     * The answer to {@code exception}. The API's own refusals are answered as they say; the headers of Spring MVC's
     * come along ({@code Allow} for a 405, {@code Accept} for a 415): what the caller needs to fix the request.
     */
    Rejection map(Exception exception) {
        if (exception instanceof ApiErrorResponseException own) {
            return new Rejection(own, own.reason());
        }
        Refusal refusal = refusal(exception);
        ErrorResponse.Builder response = ErrorResponse.builder(exception, refusal.status(), refusal.detail())
                .title(refusal.status().getReasonPhrase());
        if (refusal.field() != null) {
            response.property(FIELD, refusal.field());
        }
        response.property(ProblemCodes.CODE, ProblemCodes.of(refusal.reason(), refusal.status().value()));
        if (exception instanceof ErrorResponse spring) {
            response.headers(headers -> headers.addAll(spring.getHeaders()));
        }
        return new Rejection(response.build(), refusal.reason());
    }

    private Refusal refusal(Exception exception) {
        if (exception instanceof NotFoundException e) {
            return reject(HttpStatus.NOT_FOUND, e.getMessage(), null, "not_found");
        }
        if (exception instanceof EditWindowClosedException e) {
            return reject(HttpStatus.FORBIDDEN, e.getMessage(), null, "edit_window_closed");
        }
        if (exception instanceof AccessDeniedException e) {
            return reject(HttpStatus.FORBIDDEN, e.getMessage(), null, "denied");
        }
        if (exception instanceof UnsupportedContentTypeException e) {
            return reject(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), e.field(),
                    "unsupported_type");
        }
        if (exception instanceof InvalidInputException e) {
            return reject(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), "invalid_input");
        }
        if (exception instanceof ConflictException e) {
            return reject(HttpStatus.CONFLICT, e.getMessage(), e.field(), "conflict");
        }
        if (exception instanceof LimitExceededException e) {
            return reject(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), null, "too_large");
        }
        if (exception instanceof MaxUploadSizeExceededException e && partHeadersTooLarge(e)) {
            return reject(HttpStatus.BAD_REQUEST, "the file part's headers are longer than the server accepts: "
                    + "send a shorter file name", "filename", "invalid_input");
        }
        if (exception instanceof MaxUploadSizeExceededException) {
            return reject(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than the server accepts", "file",
                    "too_large");
        }
        if (exception instanceof HttpMessageNotReadableException e) {
            return unreadableBody(e);
        }
        if (exception instanceof MethodArgumentTypeMismatchException e) {
            return reject(HttpStatus.BAD_REQUEST, e.getName() + " has the wrong type: expected "
                    + describe(e.getRequiredType()), e.getName(), "invalid_input");
        }
        if (exception instanceof MissingServletRequestParameterException e) {
            return reject(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required", e.getParameterName(),
                    "invalid_input");
        }
        if (exception instanceof MissingServletRequestPartException e) {
            return reject(HttpStatus.BAD_REQUEST, "the multipart part " + e.getRequestPartName() + " is required",
                    e.getRequestPartName(), "invalid_input");
        }
        if (exception instanceof MissingRequestHeaderException e) {
            return reject(HttpStatus.BAD_REQUEST, "the header " + e.getHeaderName() + " is required",
                    e.getHeaderName(), "invalid_input");
        }
        if (exception instanceof HttpMediaTypeNotSupportedException e) {
            return reject(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + e.getContentType()
                    + " is not supported here; send " + e.getSupportedMediaTypes(), null, "unsupported_type");
        }
        if (exception instanceof MultipartException) {
            return reject(HttpStatus.BAD_REQUEST, "the request is not a readable multipart upload", "file",
                    "invalid_input");
        }
        if (exception instanceof NoResourceFoundException) {
            // Spring's detail speaks of static resources, which the API has none of.
            return reject(HttpStatus.NOT_FOUND, "there is no endpoint at this path", null, "not_found");
        }
        if (exception instanceof ErrorResponse e && e.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            String detail = e.getBody().getDetail();
            return reject(status == null ? HttpStatus.BAD_REQUEST : status,
                    detail == null ? "the request was not accepted" : detail, null, "client_error");
        }
        if (exception instanceof MessagingStoreException) {
            log.warn("Messaging store failed while serving a request", exception);
            return reject(HttpStatus.SERVICE_UNAVAILABLE, "the messaging store is unavailable; try again", null,
                    "store_unavailable");
        }
        log.error("Unexpected failure while serving a messaging request", exception);
        return reject(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged", null,
                "server_error");
    }

    /**
     * Whether Tomcat refused a multipart part for its headers rather than its size: Spring reports both as an
     * upload too large, and only the message of Tomcat's cause tells them apart.
     */
    private static boolean partHeadersTooLarge(MaxUploadSizeExceededException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    private static Refusal unreadableBody(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof UnrecognizedPropertyException e) {
            String field = path(e);
            String name = e.getPropertyName();
            String detail = SERVER_OWNED.contains(name)
                    ? name + " is set by the server and can't be sent"
                    : "unknown field " + name + (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()
                    ? "" : "; known fields: " + join(e.getKnownPropertyIds()));
            return reject(HttpStatus.BAD_REQUEST, detail, field, "invalid_input");
        }
        if (cause instanceof InvalidFormatException e && e.getTargetType() != null && e.getTargetType().isEnum()) {
            String field = path(e);
            return reject(HttpStatus.BAD_REQUEST, field + " must be one of "
                    + join(Arrays.asList(e.getTargetType().getEnumConstants())), field, "invalid_input");
        }
        if (cause instanceof MismatchedInputException e) {
            String field = path(e);
            if (field == null) {
                return reject(HttpStatus.BAD_REQUEST, "the body must be a JSON object", null, "invalid_input");
            }
            if (e instanceof InvalidFormatException && e.getTargetType() != null
                    && e.getTargetType().getPackageName().startsWith("io.clientportal.messaging")) {
                return reject(HttpStatus.BAD_REQUEST, field + " is not an id this API issued", field,
                        "invalid_input");
            }
            return reject(HttpStatus.BAD_REQUEST, field + " has the wrong type: expected "
                    + describe(e.getTargetType()), field, "invalid_input");
        }
        if (cause instanceof InputCoercionException e) {
            // A number the field's type can't hold (an id-sized seq of 2^64, say): valid JSON, a wrong value.
            String field = path(e.processor());
            return reject(HttpStatus.BAD_REQUEST, (field == null ? "a number" : field) + " is out of range: expected "
                    + describe(e.getTargetType()) + " that fits", field, "invalid_input");
        }
        if (cause instanceof StreamReadException e && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate")) {
            String field = path(e.processor());
            return reject(HttpStatus.BAD_REQUEST, (field == null ? "a field" : field)
                    + " is given twice; send each field once", field, "invalid_input");
        }
        if (cause instanceof StreamConstraintsException) {
            return reject(HttpStatus.BAD_REQUEST, "a value in the body is larger than the server reads (numbers of "
                    + "more than 1,000 digits, strings or nesting beyond the parser's limits)", null, "invalid_input");
        }
        if (cause instanceof StreamReadException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return reject(HttpStatus.BAD_REQUEST, "the body is not valid JSON" + where, null, "malformed_json");
        }
        if (cause instanceof JacksonException) {
            return reject(HttpStatus.BAD_REQUEST, "the body could not be read as the expected JSON", null,
                    "invalid_input");
        }
        return reject(HttpStatus.BAD_REQUEST, "a JSON body is required", null, "invalid_input");
    }

    private static String path(JacksonException exception) {
        List<JacksonException.Reference> path = exception.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    /** Where the parser stood, as a field path ({@code audience.clientAccountIds[2]}); null at the root. */
    private static String path(JsonParser parser) {
        if (parser == null) {
            return null;
        }
        Deque<TokenStreamContext> chain = new ArrayDeque<>();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            chain.push(context);
        }
        StringBuilder field = new StringBuilder();
        for (TokenStreamContext context : chain) {
            if (context.inArray()) {
                field.append('[').append(Math.max(0, context.getCurrentIndex())).append(']');
            } else if (context.currentName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(context.currentName());
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of " + join(Arrays.asList(type.getEnumConstants()));
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.getPackageName().startsWith("io.clientportal.messaging.model")) {
            return "an id string";
        }
        return "an object";
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static Refusal reject(HttpStatus status, String detail, String field, String reason) {
        return new Refusal(status, detail, field, reason);
    }
}
