package dev.groundwork.api.embedding;

import dev.groundwork.ingest.embed.EmbeddingModels;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retrieval models: the base {@link EmbeddingModel} bean (also used for cards, grading and sentence scoring, which
 * never switch) and, with {@code groundwork.embedding.provider=openai}, an OpenAI-compatible model built here — not a
 * bean of its own, so that nothing else embeds with it by accident. Its dimensions are checked against one probe
 * request at startup: a wrong URL, key, model or dimension fails startup with a message saying which.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingModelConfiguration {

    @Bean
    RetrievalModels retrievalModels(EmbeddingModel model, EmbeddingModelProperties properties, JdbcClient jdbc) {
        RetrievalModel base = new RetrievalModel(EmbeddingModels.id(model), model.dimensions(), true, model);
        RetrievalModel configured = switch (properties.provider()) {
            case LOCAL -> base;
            case OPENAI -> openAi(properties.openai());
        };
        ModelRegistry registry = new ModelRegistry(jdbc);
        return new RetrievalModels(base, configured, () -> registry.active().orElse(base.id()),
                properties.rebuild().interval());
    }

    @Bean(destroyMethod = "destroy")
    ModelRebuild modelRebuild(RetrievalModels models, JdbcClient jdbc, TransactionTemplate transaction,
            EmbeddingModelProperties properties) {
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "#" + UUID.randomUUID();
        return new ModelRebuild(models, jdbc, transaction, properties.rebuild(), owner);
    }

    static RetrievalModel openAi(EmbeddingModelProperties.OpenAi settings) {
        OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder()
                .options(OpenAiEmbeddingOptions.builder()
                        .baseUrl(settings.baseUrl())
                        .apiKey(settings.apiKey())
                        .model(settings.model())
                        .dimensions(settings.dimensions())
                        .timeout(settings.timeout())
                        .maxRetries(settings.maxRetries())
                        .build())
                .build();
        String id = "openai:" + settings.model() + ":" + settings.dimensions();
        float[] probe;
        try {
            probe = model.embed("dimension probe");
        } catch (RuntimeException e) {
            throw new IllegalStateException("groundwork.embedding.provider=openai: the embedding model "
                    + settings.model() + " at " + settings.baseUrl() + " did not answer a probe request: "
                    + e.getMessage(), e);
        }
        if (probe.length != settings.dimensions()) {
            throw new IllegalStateException("groundwork.embedding.openai.dimensions is " + settings.dimensions()
                    + " but the embedding model " + settings.model() + " at " + settings.baseUrl() + " returns "
                    + probe.length + "-dimensional vectors");
        }
        return new RetrievalModel(id, settings.dimensions(), false, model);
    }
}
