package io.clientportal.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person wrote in a reply by email, without what their mail program added: the quoted history (from an
 * "On ... wrote:" line, an Outlook "From: ... Sent: ..." header block, or an "Original Message" line on) and the
 * signature (from a "-- " line on) are cut, and {@code >}-quoted lines dropped. Conservative on purpose: a line is
 * cut only by these well-known markers, so what someone wrote is never lost to a guess.
 */
final class ReplyText {

    private static final Pattern WROTE = Pattern.compile("^on\\b.{1,300}\\bwrote:\\s*$");
    private static final Pattern WROTE_START = Pattern.compile("^on\\b.{1,300}$");
    private static final Pattern WROTE_END = Pattern.compile("^.{0,300}\\bwrote:\\s*$");
    private static final Pattern ORIGINAL = Pattern.compile("^-{2,}\\s*(original message|forwarded message)\\s*-{2,}$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?from:\\*?\\s.+");
    private static final Pattern HEADER_NEXT = Pattern.compile("^\\*?(sent|date|to|cc|subject):\\*?\\s.*");
    private static final Pattern RULE = Pattern.compile("^_{5,}$");

    private ReplyText() {
    }

    /** The reply's own text, trimmed; empty when it had nothing else. */
    static String strip(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String probe = line.strip().toLowerCase(Locale.ROOT);
            if (line.equals("-- ") || line.equals("--")) {
                break;   // RFC 3676 signature separator
            }
            if (WROTE.matcher(probe).matches() || ORIGINAL.matcher(probe).matches()) {
                break;
            }
            // Gmail and Apple Mail wrap a long "On ... wrote:" line in two.
            if (WROTE_START.matcher(probe).matches() && i + 1 < lines.length
                    && WROTE_END.matcher(lines[i + 1].strip().toLowerCase(Locale.ROOT)).matches()
                    && followedByQuote(lines, i + 2)) {
                break;
            }
            if (HEADER_FROM.matcher(probe).matches() && headerBlock(lines, i + 1)) {
                break;   // Outlook's "From: ... Sent: ... To: ... Subject: ..." above the original
            }
            if (RULE.matcher(probe).matches() && i + 1 < lines.length
                    && HEADER_FROM.matcher(lines[i + 1].strip().toLowerCase(Locale.ROOT)).matches()) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).strip();
    }

    /** Whether the next non-blank line (if any) is quoted: the end of the text counts as quoted. */
    private static boolean followedByQuote(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return lines[i].stripLeading().startsWith(">");
            }
        }
        return true;
    }

    /** Whether the lines after a "From:" line are more header lines: two of the next three. */
    private static boolean headerBlock(String[] lines, int from) {
        int headers = 0;
        for (int i = from; i < Math.min(lines.length, from + 3); i++) {
            if (HEADER_NEXT.matcher(lines[i].strip().toLowerCase(Locale.ROOT)).matches()) {
                headers++;
            }
        }
        return headers >= 2;
    }
}
