package io.clientportal.messaging.spring.notifications;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ReplyTokens;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.InboundReply;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading reply mails: where the token is found, which body is taken, what is no reply. */
class InboundMailReaderTests {

    final ReplyAddresses addresses = new ReplyAddresses(new ReplyTokens("0123456789abcdef0123456789abcdef-reader",
            Duration.ofDays(1), Clock.systemUTC()), "reply+{token}@in.portal.example");
    final InboundMailReader reader = new InboundMailReader(addresses);
    final String address = addresses.addressFor("default", Actor.clientUser("u1"),
            new ConversationId(UUID.randomUUID()));

    static byte[] mail(String headers, String body) {
        return (headers.replace("\n", "\r\n") + "\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anHtmlOnlyReplyIsReadAsTextWithoutItsQuotedBlock() {
        InboundReply reply = reader.read(mail("From: a@example.test\nTo: Portal <" + address + ">\n"
                + "Message-ID: <h1@example.test>\nContent-Type: text/html; charset=UTF-8\n",
                "<div>Yes &amp; thanks<br>Cathy</div><blockquote><p>Old &lt;text&gt;</p></blockquote>"
                        + "<script>x()</script>")).orElseThrow();
        assertThat(reply.text()).isEqualTo("Yes & thanks\nCathy");
        assertThat(reply.messageId()).isEqualTo("<h1@example.test>");
        assertThat(addresses.tokens().verify(reply.token())).isPresent();
    }

    @Test
    void theTokenIsFoundInDeliveredToWhenToIsAList() {
        InboundReply reply = reader.read(mail("From: a@example.test\nTo: list@example.test\nDelivered-To: "
                + address.toUpperCase() + "\nSubject: Re\n", "Hello")).orElseThrow();
        assertThat(reply.text()).isEqualTo("Hello");
        // No Message-ID: a digest of the mail stands in, the same for the same mail.
        assertThat(reply.messageId()).startsWith("sha256:");
    }

    @Test
    void automaticRepliesAndMailsToOtherAddressesAreNoReplies() {
        assertThat(reader.read(mail("From: a@example.test\nTo: " + address + "\nAuto-Submitted: auto-replied\n",
                "I am out of office"))).isEmpty();
        assertThat(reader.read(mail("From: a@example.test\nTo: someone@example.test\n", "Hi"))).isEmpty();
    }

    @Test
    void bytesThatAreNoMailAreMalformed() {
        assertThatThrownBy(() -> reader.read("\r\n\r\njust text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InboundMailReader.MalformedMailException.class);
    }
}
