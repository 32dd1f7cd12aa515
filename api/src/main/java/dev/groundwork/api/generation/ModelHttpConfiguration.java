package dev.groundwork.api.generation;

import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes the connection pool of the model's HTTP client from {@link ModelHttpProperties}. Spring AI applies every
 * {@link OpenAiHttpClientBuilderCustomizer} bean to the OkHttp client behind its OpenAI chat model.
 */
@Configuration(proxyBeanMethods = false)
class ModelHttpConfiguration {

    @Bean
    OpenAiHttpClientBuilderCustomizer modelConnectionPool(ModelHttpProperties properties) {
        return builder -> builder.maxIdleConnections(properties.maxIdleConnections())
                .keepAliveDuration(properties.keepAlive());
    }
}
