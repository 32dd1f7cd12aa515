package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.PassageBlock;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.ingest.chunk.Chunk;
import dev.groundwork.ingest.chunk.ChunkBlock;
import dev.groundwork.ingest.chunk.ChunkProperties;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.embed.BgeTokenizer;
import dev.groundwork.ingest.extract.ExtractedDocument;
import dev.groundwork.ingest.extract.Extractor;
import dev.groundwork.ingest.mirror.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Passages as ingestion would store them, without a database: a page of the offline mirror extracted, chunked with
 * the embedding model's tokenizer, and handed over as retrieved chunks with their blocks and marks.
 */
final class MirrorPassages {

    private static final Extractor EXTRACTOR = new Extractor();
    private static BgeTokenizer tokenizer;

    private MirrorPassages() {
    }

    /** The chunks of the mirrored file at {@code webPath} (relative to the mirror's {@code web/} folder). */
    static List<RetrievedChunk> of(String url, String webPath, String mediaType) {
        Path file = SharedFolder.find("corpus", "web/manifest.json", "groundwork.corpus.dir", "GROUNDWORK_CORPUS_DIR")
                .resolve("web").resolve(webPath);
        try {
            ExtractedDocument doc = EXTRACTOR.extract(url, mediaType, StandardCharsets.UTF_8, Files.readAllBytes(file));
            List<RetrievedChunk> chunks = new ArrayList<>();
            for (Chunk chunk : chunker().chunk(doc)) {
                chunks.add(passage(chunk, doc.title()));
            }
            return chunks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + webPath, e);
        }
    }

    /** The first chunk whose heading path ends with {@code heading}. */
    static RetrievedChunk section(List<RetrievedChunk> chunks, String heading) {
        return chunks.stream().filter(c -> !c.headingPath().isEmpty()
                        && c.headingPath().get(c.headingPath().size() - 1).equalsIgnoreCase(heading))
                .findFirst().orElseThrow(() -> new AssertionError("no section " + heading));
    }

    static RetrievedChunk passage(Chunk chunk, String title) {
        List<PassageBlock> blocks = new ArrayList<>();
        for (ChunkBlock block : chunk.blocks()) {
            List<PassageBlock.Mark> marks = block.marks().stream().map(m -> new PassageBlock.Mark(
                    PassageBlock.MarkKind.valueOf(m.kind().name()), m.start(), m.end())).toList();
            blocks.add(new PassageBlock(PassageBlock.Kind.valueOf(block.kind().name().toUpperCase(Locale.ROOT)),
                    block.level(), block.start(), block.end(), marks));
        }
        return new RetrievedChunk(chunk.id(), chunk.text(), title, chunk.sourceUrl(), chunk.headingPath(), chunk.page(),
                1, blocks, "doc-" + chunk.sourceUrl().hashCode(), null, chunk.start(), chunk.contentHash());
    }

    private static synchronized Chunker chunker() {
        if (tokenizer == null) {
            tokenizer = new BgeTokenizer();
        }
        return new Chunker(tokenizer, ChunkProperties.defaults());
    }
}
