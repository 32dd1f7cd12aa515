package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.Vectors;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.ai.document.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the rows of a synthetic set into {@code chunks} with one {@code COPY … FROM STDIN} (text format): row
 * {@code r} gets the text and metadata of its base chunk, the noisy vector {@link NoisyCopies#vector} makes for it, a
 * resource picked uniformly from {@code resources} and the model id. Progress goes to stderr.
 */
final class ChunkRows {

    static final String COPY = "COPY chunks (id, content, metadata, embedding, resource_id, model_id) FROM STDIN";
    private static final int ROWS_PER_WRITE = 500;

    private final NoisyCopies copies;
    private final String[] contents;
    private final String[] metadata;
    private final List<UUID> resources;
    private final String modelId;

    ChunkRows(NoisyCopies copies, List<Document> bases, List<UUID> resources, String modelId) {
        this.copies = copies;
        this.resources = resources;
        this.modelId = escape(modelId);
        JsonMapper json = JsonMapper.builder().build();
        this.contents = bases.stream().map(doc -> escape(doc.getText())).toArray(String[]::new);
        this.metadata = bases.stream().map(doc -> escape(json.writeValueAsString(doc.getMetadata())))
                .toArray(String[]::new);
    }

    /** The stable id of row {@code row} of a set. */
    static UUID id(long row) {
        return new UUID(0x5ca1e5e7_0000_4000L, 0x8000_0000_0000_0000L | row);
    }

    void copy(CopyManager copyManager, long rows) throws SQLException {
        long start = System.nanoTime();
        long reportEvery = Math.max(ROWS_PER_WRITE, rows / 20);
        CopyIn copy = copyManager.copyIn(COPY);
        try {
            StringBuilder text = new StringBuilder(1 << 20);
            for (long row = 0; row < rows; row++) {
                append(text, row);
                if ((row + 1) % ROWS_PER_WRITE == 0 || row + 1 == rows) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    text.setLength(0);
                }
                if ((row + 1) % reportEvery == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.err.printf("scale: loaded %,d/%,d rows, %.0f s (%.0f rows/s)%n", row + 1, rows, seconds,
                            (row + 1) / seconds);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void append(StringBuilder text, long row) {
        int base = copies.base(row);
        text.append(id(row)).append('\t').append(contents[base]).append('\t').append(metadata[base]).append('\t');
        text.append(Vectors.literal(copies.vector(row)));
        text.append('\t').append(resources.get(copies.pick(row, resources.size()))).append('\t').append(modelId)
                .append('\n');
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
