package dev.groundwork.api.webapp;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web app routes in the browser ({@code /roadmaps/{id}}, {@code /topics/{id}}, {@code /interviews/{id}}, and the account
 * screens {@code /login}, {@code /setup}, {@code /register}, {@code /account}, {@code /admin}); a reload or a shared link (an
 * invite link) must get the app's {@code index.html}, which Spring serves at {@code /} from the {@code web} jar.
 */
@Configuration(proxyBeanMethods = false)
class WebAppRoutes {

    @Bean
    RouterFunction<ServerResponse> webAppDeepLinks(@Value("classpath:/static/index.html") Resource index) {
        return RouterFunctions.route(GET("/roadmaps/**").or(GET("/topics/**")).or(GET("/interviews/**"))
                        .or(GET("/login/**")).or(GET("/setup/**")).or(GET("/register/**"))
                        .or(GET("/account/**")).or(GET("/admin/**")),
                request -> index.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index)
                        : ServerResponse.notFound().build());
    }
}
