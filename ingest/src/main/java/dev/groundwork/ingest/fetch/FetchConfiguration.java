package dev.groundwork.ingest.fetch;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fetcher and crawler beans, configured by {@link FetchProperties}; import it where fetching is needed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FetchProperties.class)
public class FetchConfiguration {

    @Bean
    Fetcher fetcher(FetchProperties properties, ObjectProvider<Clock> clock) {
        return new Fetcher(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Crawler crawler(Fetcher fetcher, FetchProperties properties) {
        return new Crawler(fetcher, properties);
    }
}
