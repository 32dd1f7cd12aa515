package dev.groundwork.api.generation;

import java.io.IOException;
import java.net.SocketException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.internal.connection.RealCall;
import okhttp3.internal.connection.RealConnection;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends model requests without Nagle's delay. OkHttp (Spring AI's HTTP client to the model) leaves Nagle's algorithm
 * on, and writes a request in 8 KiB pieces: a prompt with its sources is larger than that, so its last piece waited
 * for the server's delayed acknowledgement of the first — about 40 ms added to every answer's first token on a reused
 * connection (measured against the stub: 92 ms against 45 ms to the first byte for a 12 kB body). Spring AI's builder
 * offers no socket factory, so an interceptor switches {@code TCP_NODELAY} on for the connection just before the body
 * is written. Customizers add up: others may configure the same client.
 */
@Configuration(proxyBeanMethods = false)
class ModelSockets {

    private static final Logger log = LoggerFactory.getLogger(ModelSockets.class);

    @Bean
    OpenAiHttpClientBuilderCustomizer modelRequestsWithoutNagle() {
        return builder -> builder.interceptor(new NoDelay());
    }

    /** Sets {@code TCP_NODELAY} on the call's connection before its request body goes out. */
    static final class NoDelay implements Interceptor {

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            RequestBody body = request.body();
            if (body == null || !(chain.call() instanceof RealCall call)) {
                return chain.proceed(request);
            }
            return chain.proceed(request.newBuilder().method(request.method(), new RequestBody() {
                @Override
                public MediaType contentType() {
                    return body.contentType();
                }

                @Override
                public long contentLength() throws IOException {
                    return body.contentLength();
                }

                @Override
                public boolean isOneShot() {
                    return body.isOneShot();
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    noDelay(call.getConnection());
                    body.writeTo(sink);
                }
            }).build());
        }

        private static void noDelay(RealConnection connection) {
            if (connection == null) {
                return;
            }
            try {
                if (!connection.socket().getTcpNoDelay()) {
                    connection.socket().setTcpNoDelay(true);
                }
            } catch (SocketException e) {
                log.debug("Could not switch Nagle's algorithm off for the model connection: {}", e.toString());
            }
        }
    }
}
