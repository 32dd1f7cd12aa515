package dev.groundwork.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Groundwork web application: the HTTP API and the web app, over the ingest library's store. */
@SpringBootApplication(scanBasePackages = {"dev.groundwork.api", "dev.groundwork.ingest.store", "dev.groundwork.ingest.pipeline"})
@ConfigurationPropertiesScan("dev.groundwork.api")
public class GroundworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(GroundworkApplication.class, args);
    }
}
