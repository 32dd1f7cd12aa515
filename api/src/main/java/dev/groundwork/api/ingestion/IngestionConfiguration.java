package dev.groundwork.api.ingestion;

import dev.groundwork.ingest.pipeline.IngestProperties;
import dev.groundwork.ingest.pipeline.IngestRun;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/**
 * Background ingestion in the app ({@code groundwork.ingest.background=false} leaves it to other processes), and the
 * shared polls behind the progress streams.
 */
@Configuration(proxyBeanMethods = false)
class IngestionConfiguration {

    @Bean
    @ConditionalOnProperty(name = "groundwork.ingest.background", havingValue = "true", matchIfMissing = true)
    BackgroundIngestion backgroundIngestion(IngestRun run, IngestProperties properties) {
        return new BackgroundIngestion(run, properties);
    }

    @Bean
    ProgressFeeds progressFeeds(IngestionService ingestion, IngestionStreamProperties stream) {
        return new ProgressFeeds(ingestion::status, stream.poll(), Schedulers.parallel());
    }
}
