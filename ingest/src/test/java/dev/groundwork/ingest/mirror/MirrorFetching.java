package dev.groundwork.ingest.mirror;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Extend it in a Spring test whose context fetches: every fetch then goes to the JVM's shared {@link MirrorServer}
 * (the offline mirror of the seed roadmaps' resources), never to the internet.
 */
public abstract class MirrorFetching {

    @DynamicPropertySource
    static void fetchFromTheMirror(DynamicPropertyRegistry registry) {
        MirrorServer.shared().fetchProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
