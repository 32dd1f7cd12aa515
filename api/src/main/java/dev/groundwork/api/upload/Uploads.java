package dev.groundwork.api.upload;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart upload as it streams in: the first part named {@code file} is copied into memory up to a limit
 * (past it only counted), the form fields asked for are kept (at most one value each, so a body of many fields holds
 * no more memory), any other part is released unread. The whole request is read, so the
 * client gets the answer, not a closed connection. Runs on the event loop: it copies buffers, no file I/O.
 */
public final class Uploads {

    private static final String FILE_PART = "file";

    private Uploads() {
    }

    /**
     * The file part and the form fields of an upload.
     *
     * @param fileName    the file's name as sent
     * @param contentType the part's {@code Content-Type}, or {@code null}
     * @param bytes       the file's bytes, or {@code null} when it was larger than the limit
     * @param fields      the form fields by name
     */
    public record Upload(String fileName, String contentType, byte[] bytes, Map<String, String> fields) {

        public boolean tooLarge() {
            return bytes == null;
        }
    }

    /** The upload without form fields; empty when no part named {@code file} came. */
    public static Mono<Upload> read(Flux<PartEvent> parts, long maxBytes) {
        return read(parts, maxBytes, Set.of());
    }

    /** The upload with the first value of each form field named in {@code fieldNames}; empty when no file came. */
    public static Mono<Upload> read(Flux<PartEvent> parts, long maxBytes, Set<String> fieldNames) {
        AtomicBoolean taken = new AtomicBoolean();
        Map<String, String> fields = new HashMap<>();
        return parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    PartEvent head = first.get();
                    if (head instanceof FilePartEvent file && FILE_PART.equals(file.name())
                            && taken.compareAndSet(false, true)) {
                        String type = contentType(file);
                        return events.reduceWith(() -> new Received(maxBytes), Received::add)
                                .map(received -> new Upload(file.filename(), type, received.bytes(), fields));
                    }
                    if (head instanceof FormPartEvent form && fieldNames.contains(form.name())) {
                        fields.putIfAbsent(form.name(), form.value());
                    }
                    return events.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.<Upload>empty());
                }))
                .collectList()
                .flatMap(files -> files.isEmpty() ? Mono.empty() : Mono.just(only(files)));
    }

    /** The part's declared type; {@code null} when it sent none, or one that does not parse (judged by its name). */
    private static String contentType(FilePartEvent file) {
        try {
            return file.headers().getContentType() == null ? null : file.headers().getContentType().toString();
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static Upload only(List<Upload> files) {
        Upload file = files.get(0);
        return new Upload(file.fileName(), file.contentType(), file.bytes(), Map.copyOf(file.fields()));
    }

    /** A file part's bytes as they arrive; past the limit they are only counted. */
    private static final class Received {
        private final long max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long total;

        Received(long max) {
            this.max = max;
        }

        Received add(PartEvent event) {
            DataBuffer buffer = event.content();
            try {
                int n = buffer.readableByteCount();
                total += n;
                if (total <= max) {
                    byte[] chunk = new byte[n];
                    buffer.read(chunk);
                    bytes.writeBytes(chunk);
                }
            } finally {
                DataBufferUtils.release(buffer);
            }
            return this;
        }

        /** The bytes, or {@code null} when there were more than the limit. */
        byte[] bytes() {
            return total > max ? null : bytes.toByteArray();
        }
    }
}
