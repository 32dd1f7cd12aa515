package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.roadmap.RoadmapParser;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the ingest side that are not components of their own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoadmapProperties.class)
public class IngestConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoadmapParser roadmapParser(RoadmapProperties properties) {
        return new RoadmapParser(Math.toIntExact(properties.maxSize().toBytes()));
    }
}
