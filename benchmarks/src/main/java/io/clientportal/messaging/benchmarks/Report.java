package io.clientportal.messaging.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Writes the results as text tables (one per database), CSV and an HTML page with a chart. */
final class Report {

    static final String TEXT = "benchmark-report.txt";
    static final String CSV = "benchmark-report.csv";
    static final String HTML = "benchmark-report.html";

    private final Map<String, List<Result>> byDatabase = new LinkedHashMap<>();
    private final String header;

    Report(String header) {
        this.header = header;
    }

    void add(String database, List<Result> results) {
        byDatabase.put(database, results);
    }

    String text() {
        StringBuilder out = new StringBuilder(header).append('\n');
        byDatabase.forEach((database, results) -> out.append('\n').append(table(database, results)));
        return out.toString();
    }

    static String table(String database, List<Result> results) {
        String format = "| %-34s | %-6s | %10s | %10s | %10s | %7s | %9s | %10s | %7s | %11s | %7s | %-28s | %-5s |%n";
        String[] labels = scaleLabels(results);
        StringBuilder out = new StringBuilder("### " + database + "\n\n");
        out.append(String.format(Locale.ROOT, format, "workload", "unit", "SDK", "RAW", "NAIVE", "SDK/RAW",
                "NAIVE/SDK", labels[0], labels[1], "RAW " + labels[1], "heap MB", "target", "holds"));
        out.append(String.format(Locale.ROOT, format, "-".repeat(34), "-".repeat(6), "-".repeat(10), "-".repeat(10),
                "-".repeat(10), "-".repeat(7), "-".repeat(9), "-".repeat(10), "-".repeat(7), "-".repeat(11),
                "-".repeat(7), "-".repeat(28), "-".repeat(5)));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, format, r.workload(), r.unit(), number(r.sdk()), number(r.raw()),
                    number(r.naive()), ratio(r.sdkPerRaw()), ratio(r.naivePerSdk()), number(smallSdk(r)),
                    ratio(r.sdkLargePerSmall()), ratio(r.rawLargePerSmall()),
                    String.format(Locale.ROOT, "%.1f", r.heapMb()), r.target().text(), r.holdsText()));
        }
        return out.toString();
    }

    /**
     * The headers of the small tenant's columns, as the table's rows measured it ("at 1,000", "100k/1k"); the
     * default sizes' where no row was.
     */
    private static String[] scaleLabels(List<Result> results) {
        return results.stream().map(Result::scale).filter(Objects::nonNull).findFirst()
                .map(scale -> new String[] {scale.smallLabel(), scale.ratioLabel()})
                .orElse(new String[] {"at 1,000", "100k/1k"});
    }

    private static Double smallSdk(Result r) {
        return r.scale() == null ? null : r.scale().sdk();
    }

    private static Double smallRaw(Result r) {
        return r.scale() == null ? null : r.scale().raw();
    }

    /**
     * One line per row; the small tenant's columns come last, so the earlier ones keep their places: its size, the
     * SDK's and RAW's figures there and each one's cost on the run's tenant over its cost there.
     */
    String csv() {
        StringBuilder out = new StringBuilder("database,workload,unit,sdk,raw,naive,sdk_per_raw,naive_per_sdk,heap_mb,"
                + "target,holds,small_conversations,sdk_small,raw_small,sdk_large_per_small,raw_large_per_small\n");
        byDatabase.forEach((database, results) -> {
            for (Result r : results) {
                out.append(String.join(",", quote(database), quote(r.workload()), quote(r.unit()),
                        plain(r.sdk()), plain(r.raw()), plain(r.naive()), plain(r.sdkPerRaw()),
                        plain(r.naivePerSdk()), plain(r.heapMb()), quote(r.target().text()),
                        r.target().isReference() ? "" : Boolean.toString(r.holds()),
                        r.scale() == null ? "" : Integer.toString(r.scale().conversations()), plain(smallSdk(r)),
                        plain(smallRaw(r)), plain(r.sdkLargePerSmall()), plain(r.rawLargePerSmall())))
                        .append('\n');
            }
        });
        return out.toString();
    }

    /** A page with each database's table and a chart of each variant's cost relative to RAW (RAW = 1). */
    String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Messaging benchmark</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.no{color:#b00;font-weight:bold}"
                + "</style></head><body><h1>Messaging benchmark</h1><pre>" + escape(header) + "</pre>");
        byDatabase.forEach((database, results) -> {
            String[] labels = scaleLabels(results);
            out.append("<h2>").append(escape(database)).append("</h2><table><tr><th>workload</th><th>unit</th>"
                    + "<th>SDK</th><th>RAW</th><th>NAIVE</th><th>SDK/RAW</th><th>NAIVE/SDK</th><th>")
                    .append(escape(labels[0])).append("</th><th>").append(escape(labels[1])).append("</th><th>RAW ")
                    .append(escape(labels[1])).append("</th><th>heap MB</th><th>target</th><th>holds</th></tr>");
            for (Result r : results) {
                out.append("<tr><td>").append(escape(r.workload())).append("</td><td>").append(r.unit())
                        .append("</td><td>").append(number(r.sdk())).append("</td><td>").append(number(r.raw()))
                        .append("</td><td>").append(number(r.naive())).append("</td><td>")
                        .append(ratio(r.sdkPerRaw())).append("</td><td>").append(ratio(r.naivePerSdk()))
                        .append("</td><td>").append(number(smallSdk(r))).append("</td><td>")
                        .append(ratio(r.sdkLargePerSmall())).append("</td><td>").append(ratio(r.rawLargePerSmall()))
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", r.heapMb()))
                        .append("</td><td>").append(escape(r.target().text())).append("</td><td")
                        .append(r.holds() ? ">" + r.holdsText() : " class=\"no\">NO").append("</td></tr>");
            }
            out.append("</table>").append(chart(results));
        });
        return out.append("</body></html>\n").toString();
    }

    /** Horizontal bars: cost relative to RAW (time / RAW's time, or RAW's throughput / throughput). */
    private static String chart(List<Result> results) {
        int rowHeight = 34;
        int labelWidth = 260;
        int barWidth = 480;
        double max = 1;
        for (Result r : results) {
            if (r.raw() != null) {
                max = Math.max(max, Math.max(cost(r, r.sdk()), r.naive() == null ? 0 : cost(r, r.naive())));
            }
        }
        max = Math.min(max, 20);
        StringBuilder svg = new StringBuilder();
        int y = 20;
        int height = 30 + rowHeight * results.size();
        svg.append("<p>Cost relative to RAW (1 = the physical limit; lower is better; capped at 20).</p>")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + barWidth + 80)
                .append("\" height=\"").append(height).append("\" font-size=\"12\">");
        double scale = barWidth / max;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#444\""
                + " stroke-dasharray=\"4\"/><text x=\"%d\" y=\"10\">RAW = 1</text>", labelWidth + (int) scale,
                labelWidth + (int) scale, height, labelWidth + (int) scale + 4));
        for (Result r : results) {
            svg.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(escape(r.workload()))
                    .append("</text>");
            if (r.raw() != null) {
                bar(svg, labelWidth, y, cost(r, r.sdk()), scale, max, "#2a6fdb", "SDK");
                if (r.naive() != null) {
                    bar(svg, labelWidth, y + 14, cost(r, r.naive()), scale, max, "#e07b00", "NAIVE");
                }
            } else {
                svg.append("<text x=\"").append(labelWidth).append("\" y=\"").append(y + 14)
                        .append("\">no baseline: SDK ").append(number(r.sdk())).append(' ').append(r.unit())
                        .append("</text>");
            }
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int x, int y, double cost, double scale, double max, String colour,
                            String label) {
        double width = Math.min(cost, max) * scale;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%d\">%s %.2f</text>", x, y, width, colour, x + width + 4, y + 10, label,
                cost));
    }

    private static double cost(Result r, double value) {
        return r.higherIsBetter() ? r.raw() / value : value / r.raw();
    }

    void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(TEXT), text());
            Files.writeString(folder.resolve(CSV), csv());
            Files.writeString(folder.resolve(HTML), html());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(Double value) {
        if (value == null) {
            return "n/a";
        }
        double v = value;
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String ratio(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
