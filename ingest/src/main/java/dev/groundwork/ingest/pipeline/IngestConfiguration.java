package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.chunk.ChunkProperties;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.chunk.TokenCounter;
import dev.groundwork.ingest.embed.BgeTokenizer;
import dev.groundwork.ingest.embed.EmbeddingModels;
import dev.groundwork.ingest.embed.EmbeddingProperties;
import dev.groundwork.ingest.embed.LocalEmbeddingModel;
import dev.groundwork.ingest.extract.Extractor;
import dev.groundwork.ingest.fetch.Crawler;
import dev.groundwork.ingest.fetch.FetchConfiguration;
import dev.groundwork.ingest.roadmap.RoadmapParser;
import dev.groundwork.ingest.store.ChunkWriter;
import dev.groundwork.ingest.store.DocumentStore;
import dev.groundwork.ingest.store.IngestionQueries;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.store.SourceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.BatchingStrategy;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore.PgDistanceType;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore.PgIndexType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Beans of the ingest side that are not components of their own: the parser, the fetch → extract → chunk → embed →
 * store chain and the run that drives it. The embedding model is the bundled local one unless the context already
 * defines an {@link EmbeddingModel}; it is created lazily, so a context that never embeds never loads it.
 */
@Configuration(proxyBeanMethods = false)
@Import(FetchConfiguration.class)
@EnableConfigurationProperties({RoadmapProperties.class, IngestProperties.class, EmbeddingProperties.class,
        ChunkProperties.class, SourceProperties.class})
public class IngestConfiguration {

    /** The vector table; its {@code embedding} column is {@code vector(384)} (Flyway V1). */
    static final String CHUNK_TABLE = "chunks";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoadmapParser roadmapParser(RoadmapProperties properties) {
        return new RoadmapParser(Math.toIntExact(properties.maxSize().toBytes()));
    }

    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean(EmbeddingModel.class)
    LocalEmbeddingModel localEmbeddingModel(EmbeddingProperties properties) {
        return new LocalEmbeddingModel(properties);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    BgeTokenizer bgeTokenizer() {
        return new BgeTokenizer();
    }

    @Bean
    @Lazy
    Chunker chunker(TokenCounter tokens, ChunkProperties properties) {
        return new Chunker(tokens, properties);
    }

    @Bean
    Extractor extractor(SourceProperties sources) {
        return new Extractor(sources.archiveLimits());
    }

    @Bean
    @Lazy
    PgVectorStore chunkVectorStore(JdbcTemplate jdbc, EmbeddingModel model, EmbedTime embedTime,
            EmbeddingProperties properties) {
        int dimensions = model.dimensions();
        if (dimensions != LocalEmbeddingModel.DIMENSIONS) {
            throw new IllegalStateException("The chunks table stores " + LocalEmbeddingModel.DIMENSIONS
                    + "-dimensional vectors but the embedding model makes " + dimensions
                    + "; vectors of different models are never mixed");
        }
        return PgVectorStore.builder(jdbc, embedTime.measure(model))
                .vectorTableName(CHUNK_TABLE)
                .dimensions(dimensions)
                .distanceType(PgDistanceType.COSINE_DISTANCE)
                .indexType(PgIndexType.HNSW)
                .initializeSchema(false)
                .batchingStrategy(fixedBatches(properties.batchSize()))
                .build();
    }

    @Bean
    @Lazy
    ChunkWriter chunkWriter(PgVectorStore vectors, EmbeddingModel model, DocumentStore documents, JdbcClient jdbc,
            TransactionTemplate transaction) {
        return new ChunkWriter(vectors, documents, jdbc, transaction, EmbeddingModels.id(model));
    }

    @Bean
    EmbedTime embedTime() {
        return new EmbedTime();
    }

    @Bean
    @Lazy
    ResourceIngestor resourceIngestor(Crawler crawler, Extractor extractor, Chunker chunker, DocumentStore documents,
            ChunkWriter chunks, EmbedTime embedTime, SourceStore sources) {
        return new ResourceIngestor(crawler, extractor, chunker, documents, chunks, embedTime, sources);
    }

    @Bean
    @Lazy
    TopicIngestor topicIngestor(RoadmapQueries roadmaps, Chunker chunker, ChunkWriter chunks) {
        return new TopicIngestor(roadmaps, chunker, chunks);
    }

    @Bean
    @Lazy
    IngestRun ingestRun(JobQueue queue, ResourceIngestor resources, TopicIngestor topics, DocumentStore documents,
            IngestionQueries status, IngestProperties properties) {
        return new IngestRun(queue, resources, topics, documents, status, properties);
    }

    @Bean
    @Lazy
    QueueWorker queueWorker(IngestRun run, JobQueue queue, IngestProperties properties) {
        return new QueueWorker(run, queue, properties);
    }

    /** Embeds in batches of a fixed number of chunks; the chunker already bounds each chunk's tokens. */
    private static BatchingStrategy fixedBatches(int size) {
        return documents -> {
            List<List<Document>> batches = new ArrayList<>();
            for (int from = 0; from < documents.size(); from += size) {
                batches.add(documents.subList(from, Math.min(documents.size(), from + size)));
            }
            return batches;
        };
    }
}
