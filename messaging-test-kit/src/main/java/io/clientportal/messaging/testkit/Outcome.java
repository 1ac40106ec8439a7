package io.clientportal.messaging.testkit;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.MessagingException;
import io.clientportal.messaging.NotFoundException;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/** How a call ended, as the model predicts it and as the library answered. */
enum Outcome {
    OK, NOT_FOUND, DENIED, INVALID, CONFLICT;

    static Outcome of(ReferenceModel.Decision decision) {
        return switch (decision) {
            case ALLOW -> OK;
            case DENY -> DENIED;
            case HIDE -> NOT_FOUND;
        };
    }

    /** What a call answered: its outcome, and its value when it succeeded. */
    record Answer<T>(Outcome outcome, T value) {
        boolean ok() {
            return outcome == OK;
        }
    }

    /** Makes the call and checks that it ended as this outcome ({@code field}: the one an INVALID must name). */
    <T> Answer<T> expect(String what, String field, Supplier<T> call) {
        return expectOneOf(what, EnumSet.of(this), field, call);
    }

    <T> Answer<T> expect(String what, Supplier<T> call) {
        return expect(what, null, call);
    }

    Answer<Void> expectRun(String what, Runnable call) {
        return expect(what, () -> {
            call.run();
            return null;
        });
    }

    /** Makes the call and checks that it ended in one of the outcomes. */
    static <T> Answer<T> expectOneOf(String what, Set<Outcome> allowed, String field, Supplier<T> call) {
        Answer<T> answer;
        MessagingException failure = null;
        try {
            answer = new Answer<>(OK, call.get());
        } catch (MessagingException e) {
            failure = e;
            answer = new Answer<>(classify(e), null);
        }
        if (!allowed.contains(answer.outcome())) {
            throw new AssertionError(what + ": expected " + describe(allowed, field) + " but it "
                    + (failure == null ? "succeeded with " + answer.value() : "threw " + failure), failure);
        }
        if (failure instanceof InvalidInputException invalid && field != null && !field.equals(invalid.field())) {
            throw new AssertionError(what + ": expected InvalidInputException on field '" + field
                    + "' but the field was '" + invalid.field() + "'", failure);
        }
        return answer;
    }

    private static Outcome classify(MessagingException e) {
        if (e instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (e instanceof AccessDeniedException) {
            return DENIED;
        }
        if (e instanceof InvalidInputException) {
            return INVALID;
        }
        if (e instanceof ConflictException) {
            return CONFLICT;
        }
        throw new AssertionError("an answer the design has no place for: " + e, e);
    }

    private static String describe(Set<Outcome> allowed, String field) {
        StringBuilder text = new StringBuilder();
        for (Outcome outcome : allowed) {
            if (!text.isEmpty()) {
                text.append(" or ");
            }
            text.append(switch (outcome) {
                case OK -> "success";
                case NOT_FOUND -> "NotFoundException";
                case DENIED -> "AccessDeniedException";
                case INVALID -> "InvalidInputException" + (field == null ? "" : " (field '" + field + "')");
                case CONFLICT -> "ConflictException";
            });
        }
        return text.toString();
    }
}
