package io.clientportal.messaging.spring.web;

import org.springframework.http.ProblemDetail;

/**
 * The stable {@code code} of every problem the API answers: a short snake_case word a user interface maps to its own
 * words without reading the detail. Derived from the low-cardinality reason a refusal is counted under, else from
 * the status. The codes: {@code not_found}, {@code forbidden}, {@code edit_window_closed}, {@code invalid},
 * {@code too_large}, {@code unsupported_type}, {@code conflict}, {@code rate_limited}, {@code unauthenticated},
 * {@code method_not_allowed}, {@code not_acceptable}, {@code image_too_large}, {@code unreadable_image} (a
 * thumbnail refused), {@code unavailable}, {@code server_error}.
 */
final class ProblemCodes {

    /** The problem property that holds the code. */
    static final String CODE = "code";

    private ProblemCodes() {
    }

    /** The code of a refusal counted under {@code reason} (may be null) with {@code status}. */
    static String of(String reason, int status) {
        if (reason != null) {
            switch (reason) {
                case "not_found", "too_large", "unsupported_type", "conflict", "rate_limited", "unauthenticated",
                     "edit_window_closed", "image_too_large", "unreadable_image" -> {
                    return reason;
                }
                case "denied", "not_a_user", "csrf" -> {
                    return "forbidden";
                }
                case "invalid_input", "malformed_json" -> {
                    return "invalid";
                }
                case "unknown_tenant" -> {
                    return "unauthenticated";
                }
                case "store_unavailable" -> {
                    return "unavailable";
                }
                default -> {
                    // another reason: the status says what kind of problem it is
                }
            }
        }
        return ofStatus(status);
    }

    /** The code a status alone tells. */
    static String ofStatus(int status) {
        return switch (status) {
            case 400, 422 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_type";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "server_error" : "invalid";
        };
    }

    /** Sets the code on {@code problem} unless it has one. */
    static void apply(ProblemDetail problem, String reason) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(CODE)) {
            problem.setProperty(CODE, of(reason, problem.getStatus()));
        }
    }
}
