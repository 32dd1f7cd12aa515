package dev.groundwork.api.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an import did: how many rows (notes) became cards, were skipped as duplicates, or failed, and why, row by row.
 * A large file's {@code rows} are capped: failed and skipped rows are listed before imported ones, and
 * {@code rowsOmitted} says how many were left out.
 *
 * @param reviews review-log rows imported with the cards
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ImportReport(int imported, int skipped, int failed, int reviews, List<Row> rows, int rowsOmitted) {

    /** One row: {@code imported}, {@code skipped} or {@code failed}, why (or what sanitising changed) and the card. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(int row, String status, String reason, String cardId) {
    }

    static ImportReport of(List<Row> rows, int reviews, int cap) {
        int imported = (int) rows.stream().filter(r -> r.status().equals("imported")).count();
        int skipped = (int) rows.stream().filter(r -> r.status().equals("skipped")).count();
        int failed = rows.size() - imported - skipped;
        List<Row> listed = rows;
        if (rows.size() > cap) {
            List<Row> ordered = new ArrayList<>(rows);
            ordered.sort(Comparator.comparing((Row r) -> r.status().equals("imported")).thenComparingInt(Row::row));
            listed = new ArrayList<>(ordered.subList(0, cap));
            listed.sort(Comparator.comparingInt(Row::row));
        }
        return new ImportReport(imported, skipped, failed, reviews, List.copyOf(listed), rows.size() - listed.size());
    }
}
