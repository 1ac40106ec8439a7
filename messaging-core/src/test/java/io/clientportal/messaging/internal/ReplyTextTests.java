package io.clientportal.messaging.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is kept of a reply by email: the person's own words, without quoted history or signature. */
class ReplyTextTests {

    @Test
    void gmailsOnWroteLineAndTheQuoteBelowAreCut() {
        assertThat(ReplyText.strip("Thanks, signed it.\r\n\r\nOn Tue, 1 Dec 2026 at 10:00, Alice Agent "
                + "<no-reply@portal.example> wrote:\r\n> Your tax return is ready\r\n> Alice"))
                .isEqualTo("Thanks, signed it.");
    }

    @Test
    void anOnWroteLineWrappedInTwoIsCut() {
        assertThat(ReplyText.strip("Yes.\n\nOn Tue, 1 Dec 2026 at 10:00, Alice Agent <no-reply@portal.example>\n"
                + "wrote:\n\n> Ready?")).isEqualTo("Yes.");
    }

    @Test
    void theSignatureAfterDashDashSpaceIsCut() {
        assertThat(ReplyText.strip("See you Monday\n-- \nCathy Client\nAcme Ltd, 1 Main St"))
                .isEqualTo("See you Monday");
    }

    @Test
    void outlooksHeaderBlockAndWhatFollowsAreCut() {
        assertThat(ReplyText.strip("Done.\n\n________________________________\nFrom: Portal <no-reply@portal.example>\n"
                + "Sent: Tuesday, December 1, 2026 10:00 AM\nTo: Cathy\nSubject: You have 1 unread message(s)\n\n"
                + "Hello Cathy")).isEqualTo("Done.");
        assertThat(ReplyText.strip("Done too.\n\nFrom: Portal <no-reply@portal.example>\nSent: Tuesday\n"
                + "To: Cathy\n\nHello")).isEqualTo("Done too.");
        assertThat(ReplyText.strip("Fine\n-----Original Message-----\nFrom: x")).isEqualTo("Fine");
    }

    @Test
    void quotedLinesAreDroppedAndTheAnswersBetweenThemKept() {
        assertThat(ReplyText.strip("> Can you sign?\nYes\n> And send the form?\nSent it today"))
                .isEqualTo("Yes\nSent it today");
    }

    @Test
    void whatOnlyLooksLikeAMarkerIsKept() {
        String text = "From: the accountant's point of view this is fine.\nOn Monday I wrote: nothing more\n"
                + "Prices -- as agreed -- stay.\nOn second thought, call me.";
        assertThat(ReplyText.strip(text)).isEqualTo(text);
    }

    @Test
    void aReplyThatIsOnlyQuoteAndSignatureLeavesNothing() {
        assertThat(ReplyText.strip("\n> quoted\n-- \nCathy")).isEmpty();
    }
}
