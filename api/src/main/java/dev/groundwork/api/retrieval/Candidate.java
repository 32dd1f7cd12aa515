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
                   coalesce((c.metadata ->> 'passage_offset')::int, 0) AS passage_offset, """;

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
    final String contentHash;
    final float[] embedding;
    final double similarity;
    double textRank;
    double score;

    private Candidate(String id, String text, String title, String url, List<String> headingPath, Integer page,
            String contentHash, float[] embedding, double similarity, double textRank) {
        this.id = id;
        this.text = text;
        this.title = title;
        this.url = url;
        this.headingPath = headingPath;
        this.page = page;
        this.contentHash = contentHash;
        this.embedding = embedding;
        this.similarity = similarity;
        this.textRank = textRank;
    }

    static Candidate map(ResultSet rs, int row) throws SQLException {
        return new Candidate(rs.getString("id"), passage(rs.getString("content"), rs.getInt("passage_offset")),
                rs.getString("title"), rs.getString("url"),
                headings(rs.getString("heading_path")), (Integer) rs.getObject("page"), rs.getString("content_hash"),
                Vectors.parse(rs.getString("embedding")), rs.getDouble("similarity"), rs.getDouble("rank"));
    }

    /** The stored content without the heading line ingestion put in front of it for search. */
    private static String passage(String content, int offset) {
        return content == null ? "" : offset > 0 && offset <= content.length() ? content.substring(offset) : content;
    }

    String id() {
        return id;
    }

    RetrievedChunk toChunk() {
        return new RetrievedChunk(id, text, title, url, headingPath, page, score);
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
