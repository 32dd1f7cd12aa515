package dev.groundwork.api.ingestion;

import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestProperties;
import dev.groundwork.ingest.pipeline.IngestRun;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
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
    BackgroundIngestion backgroundIngestion(IngestRun run, IngestProperties properties,
            ObjectProvider<IngestListener> listeners) {
        List<IngestListener> all = listeners.orderedStream().toList();
        return new BackgroundIngestion(run, properties, event -> all.forEach(listener -> listener.on(event)));
    }

    @Bean
    ProgressFeeds progressFeeds(IngestionService ingestion, IngestionStreamProperties stream) {
        return new ProgressFeeds(ingestion::status, stream.poll(), Schedulers.parallel());
    }
}
