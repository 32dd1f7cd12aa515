package dev.groundwork.ingest.embed;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a Spring test to embed with the deterministic {@link HashingEmbeddingModel} instead of ONNX. */
@TestConfiguration(proxyBeanMethods = false)
public class HashingEmbeddingConfiguration {

    @Bean
    @Primary
    EmbeddingModel hashingEmbeddingModel() {
        return new HashingEmbeddingModel();
    }
}
