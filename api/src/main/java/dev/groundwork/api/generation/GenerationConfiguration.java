package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.QueryEmbedder;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;

/** The two generators; the model one exists only when a chat model is configured (see {@link LlmSwitch}). */
@Configuration(proxyBeanMethods = false)
class GenerationConfiguration {

    @Bean
    ExtractiveGenerator extractiveGenerator(EmbeddingModel model, QueryEmbedder queries,
            GenerationProperties properties, @Qualifier("inferenceScheduler") Scheduler inference) {
        return new ExtractiveGenerator(model, queries::embedNow, properties, inference);
    }

    @Bean
    Generators generators(ObjectProvider<ChatModel> chatModel, ExtractiveGenerator extractive,
            GenerationProperties properties, ModelHttpProperties http) {
        ChatModel model = chatModel.getIfAvailable();
        ChatClient chat = model == null ? null : ModelStreams.client(model, http.callTimeout());
        return new Generators(model == null ? null : new LlmGenerator(chat, properties),
                model == null ? null : new LlmCardWriter(chat, properties),
                model == null ? null : new LlmGrader(chat, properties), extractive);
    }
}
