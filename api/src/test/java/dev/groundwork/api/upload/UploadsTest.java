package dev.groundwork.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;

class UploadsTest {

    static Flux<DataBuffer> bytes(String text) {
        return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Flux<PartEvent> file(String contents) {
        return FilePartEvent.create("file", "notes.md", MediaType.TEXT_MARKDOWN, bytes(contents)).cast(PartEvent.class);
    }

    @Test
    void keepsOnlyTheFormFieldsAskedFor() {
        Flux<PartEvent> parts = Flux.concat(FormPartEvent.create("title", "My notes"),
                FormPartEvent.create("junk-1", "x".repeat(1000)), FormPartEvent.create("junk-2", "y"),
                FormPartEvent.create("title", "a second title"), file("# Notes"));

        Uploads.Upload upload = Uploads.read(parts, 1024, Set.of("title")).block();

        assertThat(upload.fields()).isEqualTo(Map.of("title", "My notes"));
        assertThat(new String(upload.bytes(), StandardCharsets.UTF_8)).isEqualTo("# Notes");
        assertThat(upload.contentType()).isEqualTo("text/markdown");
        assertThat(Uploads.read(Flux.concat(FormPartEvent.create("title", "T"), file("x")), 1024).block().fields())
                .isEmpty();
    }

    @Test
    void aContentTypeThatDoesNotParseIsNoTypeRatherThanAnError() {
        Flux<PartEvent> parts = FilePartEvent.create("file", "notes.md", MediaType.TEXT_PLAIN, bytes("# Notes"),
                headers -> headers.set(HttpHeaders.CONTENT_TYPE, "not a type;;==")).cast(PartEvent.class);

        Uploads.Upload upload = Uploads.read(parts, 1024, Set.of()).block();

        assertThat(upload.contentType()).isNull();
        assertThat(upload.fileName()).isEqualTo("notes.md");
    }

    @Test
    void aFileOverTheLimitIsCountedNotKept() {
        Uploads.Upload upload = Uploads.read(file("x".repeat(2000)), 1000, Set.of()).block();

        assertThat(upload.tooLarge()).isTrue();
    }
}
