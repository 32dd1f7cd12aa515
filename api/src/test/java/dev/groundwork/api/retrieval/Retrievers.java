package dev.groundwork.api.retrieval;

import dev.groundwork.api.embedding.RetrievalModels;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.scheduler.Scheduler;

/** Test support: a {@link Retriever} over a running context's beans with other properties, to compare settings. */
public final class Retrievers {

    private Retrievers() {
    }

    public static Retriever with(ApplicationContext context, RetrievalProperties properties) {
        return with(context, properties, context.getBean(RetrievalModels.class));
    }

    /** A retriever that searches with other embedding models than the context's. */
    public static Retriever with(ApplicationContext context, RetrievalProperties properties, RetrievalModels models) {
        return new Retriever(context.getBean(JdbcClient.class), context.getBean(TransactionTemplate.class),
                models, properties,
                context.getBean(QueryEmbedder.class),
                context.getBean("jdbcScheduler", Scheduler.class));
    }
}
