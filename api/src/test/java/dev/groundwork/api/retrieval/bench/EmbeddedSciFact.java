package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.ingest.chunk.Chunker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * SciFact's chunks and test claims embedded once with the real model, then read from a cache file: the scale set
 * copies these vectors, and embedding the 5,183 abstracts takes minutes on two cores. The cache lives in
 * {@code -Dbench.cache} (default {@code ~/.cache/groundwork-bench}); its file names carry the model id and a hash of
 * the input (corpus, chunker output, claims), so a changed input or model is embedded again, never read stale.
 *
 * @param chunks  the abstracts' chunks in corpus order, as the vector store gets them (text and metadata)
 * @param vectors one passage vector per chunk, same order
 * @param queries test claim id → the claim embedded as a query ({@link Retriever#embedQuery})
 */
record EmbeddedSciFact(List<Document> chunks, List<float[]> vectors, Map<String, float[]> queries) {

    private static final int BATCH = 64;

    static EmbeddedSciFact load(SciFact data, Map<String, ?> testQrels, Chunker chunker, EmbeddingModel model,
            String modelId, Retriever retriever) {
        Path dir = Path.of(System.getProperty("bench.cache",
                Path.of(System.getProperty("user.home"), ".cache", "groundwork-bench").toString()));
        List<String> abstracts = data.corpus().values().stream().map(a -> a.id() + "\n" + a.title() + "\n" + a.text())
                .toList();
        List<Document> chunks = chunks(dir.resolve("scifact-chunk-texts-" + modelId + "-" + hash(abstracts) + ".jsonl"),
                () -> data.corpus().values().stream()
                        .flatMap(doc -> CorpusWriter.documents(chunker, modelId, doc).stream()).toList());
        List<String> chunkKeys = chunks.stream().map(c -> c.getId() + "\n" + c.getText()).toList();
        List<float[]> vectors = cached(dir.resolve("scifact-chunks-" + modelId + "-" + hash(chunkKeys) + ".f32"),
                chunks.size(), "chunks", () -> embedPassages(model, chunks));
        List<String> ids = List.copyOf(testQrels.keySet());
        List<String> claims = ids.stream().map(id -> data.queries().get(id)).toList();
        List<float[]> claimVectors = cached(dir.resolve("scifact-test-claims-" + modelId + "-" + hash(claims) + ".f32"),
                claims.size(), "claims", () -> claims.stream().map(retriever::embedQuery).toList());
        Map<String, float[]> queries = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            queries.put(ids.get(i), claimVectors.get(i));
        }
        return new EmbeddedSciFact(chunks, vectors, queries);
    }

    private static List<float[]> embedPassages(EmbeddingModel model, List<Document> chunks) {
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += BATCH) {
            List<String> texts = chunks.subList(from, Math.min(chunks.size(), from + BATCH)).stream()
                    .map(Document::getText).toList();
            vectors.addAll(model.embed(texts));
            if ((from / BATCH) % 10 == 0 || vectors.size() == chunks.size()) {
                System.err.printf("scale: embedded %d/%d SciFact chunks, %.0f s%n", vectors.size(), chunks.size(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        return vectors;
    }

    /**
     * The chunks from {@code file}, or made and written there first: chunking the corpus with the model's tokenizer
     * takes minutes on two busy cores. Keyed by the abstracts only: a changed chunker is not noticed, which does not
     * matter here (the scale set needs realistic chunks, not the current chunker's).
     */
    private static List<Document> chunks(Path file, Supplier<List<Document>> make) {
        JsonMapper json = JsonMapper.builder().build();
        if (Files.isRegularFile(file)) {
            System.err.printf("scale: SciFact chunks from %s%n", file);
            try {
                List<Document> chunks = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    Map<String, Object> row = json.readValue(line, Map.class);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> metadata = (Map<String, Object>) row.get("metadata");
                    chunks.add(Document.builder().id((String) row.get("id")).text((String) row.get("text"))
                            .metadata(metadata).build());
                }
                return chunks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.err.println("scale: chunking the SciFact abstracts (cached in " + file + " afterwards)");
        List<Document> chunks = make.get();
        List<String> lines = chunks.stream().map(doc -> json.writeValueAsString(Map.of("id", doc.getId(), "text",
                doc.getText(), "metadata", doc.getMetadata()))).toList();
        atomically(file, out -> out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        return chunks;
    }

    /** Reads {@code count} vectors from {@code file}, or computes and writes them there first. */
    private static List<float[]> cached(Path file, int count, String what, Supplier<List<float[]>> compute) {
        if (Files.isRegularFile(file)) {
            List<float[]> read = read(file);
            if (read.size() == count) {
                System.err.printf("scale: %d %s vectors from %s%n", count, what, file);
                return read;
            }
        }
        System.err.printf("scale: embedding %d %s (cached in %s afterwards)%n", count, what, file);
        List<float[]> vectors = compute.get();
        write(file, vectors);
        return vectors;
    }

    private static List<float[]> read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            int dims = in.readInt();
            List<float[]> vectors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[] vector = new float[dims];
                for (int d = 0; d < dims; d++) {
                    vector[d] = in.readFloat();
                }
                vectors.add(vector);
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<float[]> vectors) {
        atomically(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(vectors.size());
            out.writeInt(vectors.isEmpty() ? 0 : vectors.get(0).length);
            for (float[] vector : vectors) {
                for (float x : vector) {
                    out.writeFloat(x);
                }
            }
            out.flush();
        });
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file under a temporary name, then renames it: a killed run leaves no half-written cache. */
    private static void atomically(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                content.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(List<String> inputs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            inputs.forEach(input -> {
                sha.update(input.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
