package dev.groundwork.ingest.chunk;

import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Splits an extracted document into chunks that follow its structure and fit the embedding model.
 *
 * <ol>
 *   <li><b>Sections.</b> Headings cut the document into sections; a chunk never spans two. A chunk's heading path
 *       is the stack of enclosing headings (a heading closes every open heading of its level or deeper). Heading
 *       blocks themselves go into the path only, not into chunk text.</li>
 *   <li><b>Spans.</b> Each other block is one span, unless it exceeds {@code maxTokens}: then code and tables split
 *       at line boundaries (a table has one row per line), prose at sentence boundaries, then words, then
 *       characters. So code blocks and tables under the maximum stay whole.</li>
 *   <li><b>Packing.</b> Consecutive spans of a section fill a chunk up to {@code targetTokens}; a span that does not
 *       fit starts the next chunk (a span alone may reach {@code maxTokens}). A chunk smaller than
 *       {@code minTokens} then joins its previous (else its next) neighbour in the section if the two fit
 *       {@code maxTokens}.</li>
 *   <li><b>Pages.</b> In PDFs a new page starts a new chunk, so a chunk's {@code page} is where its text is, except
 *       that a piece under {@code minTokens} may join the previous page's chunk; {@code page} is always the page of
 *       the chunk's first block.</li>
 * </ol>
 *
 * <p>Chunk text is exactly {@code doc.text().substring(start, end)}: the document's own text, nothing prepended. Its
 * {@link Chunk#blocks() blocks} say which block each span came from (kind, level, inline marks clipped to the span),
 * so that the structure the text alone loses — a list item, a table, a bold term, a link — stays known. Token
 * counts come from the injected {@link TokenCounter}; every chunk's {@code tokens} is counted on its final text and is
 * at most {@code maxTokens}. Thread-safe if the counter is; holds no state between calls.
 */
public class Chunker {

    private final TokenCounter counter;
    private final ChunkProperties properties;
    private final BlockSplitter splitter;

    public Chunker(TokenCounter counter, ChunkProperties properties) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.splitter = new BlockSplitter(counter, properties);
    }

    /**
     * @return the document's chunks in document order, indexed from 0; empty for a document without body text
     * @throws IllegalArgumentException if a block's offsets do not point at its text in {@code doc.text()}
     */
    public List<Chunk> chunk(ExtractedDocument doc) {
        String text = doc.text();
        List<Chunk> chunks = new ArrayList<>();
        Deque<Block> headings = new ArrayDeque<>();
        List<Span> section = new ArrayList<>();
        for (Block block : doc.blocks()) {
            checkOffsets(text, block);
            if (block.kind() == BlockKind.HEADING) {
                emitSection(doc.url(), text, path(headings), section, chunks);
                section.clear();
                while (!headings.isEmpty() && headings.peek().level() >= block.level()) {
                    headings.pop();
                }
                headings.push(block);
            } else if (!block.text().isBlank()) {
                section.addAll(splitter.spans(text, block));
            }
        }
        emitSection(doc.url(), text, path(headings), section, chunks);
        return chunks;
    }

    private void emitSection(String url, String text, List<String> path, List<Span> spans, List<Chunk> out) {
        for (List<Span> group : mergeSmall(pack(spans))) {
            emit(url, text, path, group, out);
        }
    }

    private List<List<Span>> pack(List<Span> spans) {
        List<List<Span>> groups = new ArrayList<>();
        List<Span> current = new ArrayList<>();
        int tokens = 0;
        for (Span span : spans) {
            boolean newPage = !current.isEmpty()
                    && !Objects.equals(current.get(current.size() - 1).page(), span.page());
            if (!current.isEmpty() && (newPage || tokens + span.tokens() > properties.targetTokens())) {
                groups.add(current);
                current = new ArrayList<>();
                tokens = 0;
            }
            current.add(span);
            tokens += span.tokens();
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private List<List<Span>> mergeSmall(List<List<Span>> groups) {
        int i = 0;
        while (i < groups.size()) {
            int tokens = tokens(groups.get(i));
            if (tokens >= properties.minTokens()) {
                i++;
            } else if (i > 0 && tokens(groups.get(i - 1)) + tokens <= properties.maxTokens()) {
                groups.get(i - 1).addAll(groups.remove(i));
            } else if (i + 1 < groups.size() && tokens + tokens(groups.get(i + 1)) <= properties.maxTokens()) {
                groups.get(i).addAll(groups.remove(i + 1));
            } else {
                i++;
            }
        }
        return groups;
    }

    /** Emits a group as one chunk, or, should its joined text count over the maximum, as two halves. */
    private void emit(String url, String text, List<String> path, List<Span> group, List<Chunk> out) {
        int start = group.get(0).start();
        int end = group.get(group.size() - 1).end();
        String chunkText = text.substring(start, end);
        int tokens = group.size() == 1 ? group.get(0).tokens() : counter.count(chunkText);
        if (tokens > properties.maxTokens() && group.size() > 1) {
            int half = group.size() / 2;
            emit(url, text, path, group.subList(0, half), out);
            emit(url, text, path, group.subList(half, group.size()), out);
            return;
        }
        out.add(Chunk.of(url, out.size(), path, group.get(0).page(), start, end, chunkText, tokens,
                blocks(group, start)));
    }

    /** One chunk block per block of the group: consecutive pieces of one split block join into one piece. */
    private static List<ChunkBlock> blocks(List<Span> group, int chunkStart) {
        List<ChunkBlock> blocks = new ArrayList<>();
        int i = 0;
        while (i < group.size()) {
            Block block = group.get(i).block();
            int pieceStart = group.get(i).start();
            while (i + 1 < group.size() && group.get(i + 1).block() == block) {
                i++;
            }
            blocks.add(ChunkBlock.piece(block, pieceStart, group.get(i).end(), chunkStart));
            i++;
        }
        return blocks;
    }

    private static int tokens(List<Span> group) {
        return group.stream().mapToInt(Span::tokens).sum();
    }

    private static List<String> path(Deque<Block> headings) {
        List<String> path = new ArrayList<>(headings.size());
        headings.descendingIterator().forEachRemaining(heading -> path.add(heading.text().strip()));
        return path;
    }

    private static void checkOffsets(String text, Block block) {
        if (block.start() < 0 || block.end() > text.length()
                || block.end() - block.start() != block.text().length()
                || !text.startsWith(block.text(), block.start())) {
            throw new IllegalArgumentException("Block offsets [" + block.start() + ", " + block.end()
                    + ") do not point at the block's text in the document text");
        }
    }
}
