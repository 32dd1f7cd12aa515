package dev.groundwork.api.retrieval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** A chunk while a search ranks it: its embedding for de-duplication and diversity, its scores. Not thread-safe. */
final class Candidate {

    private static final String COLUMNS = """
            SELECT c.id::text AS id, c.content, c.metadata ->> 'title' AS title, c.metadata ->> 'url' AS url,
                   (c.metadata -> 'heading_path')::text AS heading_path, (c.metadata ->> 'page')::int AS page,
                   c.metadata ->> 'content_hash' AS content_hash,
                   coalesce((c.metadata ->> 'passage_offset')::int, 0) AS passage_offset,
                   c.document_id::text AS document_id, c.topic_id::text AS topic_id,
                   coalesce((c.metadata ->> 'start')::int, 0) AS chunk_start,
                   (c.metadata -> 'blocks')::text AS blocks, """;

    /**
     * The columns every candidate query selects from {@code chunks c}. The embedding, which only de-duplication and
     * diversification need, costs a text round trip of 384 floats per row, so it is {@code NULL} unless asked for.
     */
    static String select(boolean withEmbedding) {
        return COLUMNS + (withEmbedding ? "c.embedding::text AS embedding" : "NULL::text AS embedding");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final String text;
    private final String title;
    private final String url;
    private final List<String> headingPath;
    private final Integer page;
    private final String documentId;
    private final String topicId;
    private final int start;
    /** The metadata {@code blocks} as JSON, parsed only for the few candidates a search returns. */
    private final String blocks;
    final String contentHash;
    final float[] embedding;
    final double similarity;
    double textRank;
    double score;

    private Candidate(ResultSet rs, String text, List<String> headingPath, float[] embedding) throws SQLException {
        this.id = rs.getString("id");
        this.text = text;
        this.title = rs.getString("title");
        this.url = rs.getString("url");
        this.headingPath = headingPath;
        this.page = (Integer) rs.getObject("page");
        this.documentId = rs.getString("document_id");
        this.topicId = rs.getString("topic_id");
        this.start = rs.getInt("chunk_start");
        this.blocks = rs.getString("blocks");
        this.contentHash = rs.getString("content_hash");
        this.embedding = embedding;
        this.similarity = rs.getDouble("similarity");
        this.textRank = rs.getDouble("rank");
    }

    static Candidate map(ResultSet rs, int row) throws SQLException {
        return new Candidate(rs, passage(rs.getString("content"), rs.getInt("passage_offset")),
                headings(rs.getString("heading_path")), Vectors.parse(rs.getString("embedding")));
    }

    /** The stored content without the heading line ingestion put in front of it for search. */
    private static String passage(String content, int offset) {
        return content == null ? "" : offset > 0 && offset <= content.length() ? content.substring(offset) : content;
    }

    String id() {
        return id;
    }

    RetrievedChunk toChunk() {
        return new RetrievedChunk(id, text, title, url, headingPath, page, score,
                PassageBlock.parse(blocks, text.length()), documentId, topicId, start, contentHash);
    }

    private static List<String> headings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> headings = new ArrayList<>();
        JSON.readTree(json).forEach(node -> headings.add(node.asString()));
        return headings;
    }
}
