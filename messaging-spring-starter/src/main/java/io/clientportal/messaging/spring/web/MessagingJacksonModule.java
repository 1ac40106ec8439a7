package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.TeamState;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.model.ReadReceipt;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import java.util.function.Function;

/**
 * Jackson 3 mappings of the messaging model: the id records ({@link ConversationId} and the others) are JSON
 * strings, an {@link Actor} is {@code {kind, id}}, a {@link Conversation} has a {@code team} key only for team
 * members, a {@link ConversationRead} without a reader names the team ({@code {"kind":"TEAM","id":null}}).
 * Registered with the application's own JSON mapper too, so the host's endpoints write these types as the messaging
 * API does.
 */
public final class MessagingJacksonModule extends SimpleModule {

    public MessagingJacksonModule() {
        super("client-portal-messaging");
        id(ConversationId.class, ConversationId::of);
        id(MessageId.class, MessageId::of);
        id(AnnouncementId.class, AnnouncementId::of);
        id(AttachmentId.class, AttachmentId::of);
        id(SavedReplyId.class, SavedReplyId::of);
        addSerializer(Actor.class, new ActorSerializer());
        // A client user's conversation has no team state: the key is left out, not written as null.
        setMixInAnnotation(Conversation.class, ConversationJson.class);
        // A client's copy of a team member's read names the team, as read receipts do: {"kind":"TEAM","id":null}.
        setMixInAnnotation(ConversationRead.class, ConversationReadJson.class);
    }

    /** {@code reader} is the team where the event names no member (a client's copy of a team member's read). */
    private abstract static class ConversationReadJson {
        @JsonSerialize(nullsUsing = TeamReaderSerializer.class)
        abstract Actor reader();
    }

    /** The team as a reader, as {@link ReadReceipt.Reader#TEAM} is written. */
    static final class TeamReaderSerializer extends ValueSerializer<Object> {

        @Override
        public void serialize(Object ignored, JsonGenerator generator, SerializationContext context) {
            generator.writeStartObject();
            generator.writeStringProperty("kind", ReadReceipt.Reader.Kind.TEAM.name());
            generator.writeNullProperty("id");
            generator.writeEndObject();
        }
    }

    /** {@code team} only where there is one (team members' views). */
    private abstract static class ConversationJson {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract TeamState team();
    }

    private <T> void id(Class<T> type, Function<String, T> parser) {
        addSerializer(type, new ToStringSerializer(type));
        addDeserializer(type, new IdDeserializer<>(type, parser));
    }

    private static final class IdDeserializer<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parser;

        IdDeserializer(Class<T> type, Function<String, T> parser) {
            this.type = type;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getString();
            try {
                return this.parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw context.weirdStringException(text, type, "not an id this API issued");
            }
        }
    }

    private static final class ActorSerializer extends ValueSerializer<Actor> {

        @Override
        public void serialize(Actor actor, JsonGenerator generator, SerializationContext context) {
            generator.writeStartObject();
            generator.writeStringProperty("kind", actor.kind().name());
            generator.writeStringProperty("id", actor.id());
            generator.writeEndObject();
        }
    }
}
