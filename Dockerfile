# syntax=docker/dockerfile:1
# Groundwork image: the API (serving the web app) plus the ingest CLI and the bundled roadmaps.
#   docker build -t groundwork .        (or: docker compose up --build)

# Build stage: Node 20 (the web module's npm build) with Temurin JDK 17 copied in for Maven.
FROM node:20-bookworm AS build
COPY --from=eclipse-temurin:17-jdk /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:$PATH
WORKDIR /src
COPY . .
# Cache mounts keep Maven's and npm's downloads between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.npm \
    sh ./mvnw -B --no-transfer-progress -DskipTests package

# Runtime stage: JRE only, non-root.
FROM eclipse-temurin:17-jre
RUN groupadd --system groundwork \
 && useradd --system --gid groundwork --home-dir /app --no-create-home groundwork
WORKDIR /app
COPY --from=build /src/api/target/groundwork-api.jar /app/groundwork-api.jar
COPY --from=build /src/ingest/target/groundwork-ingest.jar /app/groundwork-ingest.jar
COPY --from=build /src/roadmaps/ /app/roadmaps/
# Writable cache for native libraries fetched at run time (DJL tokenizer).
ENV DJL_CACHE_DIR=/tmp/djl
USER groundwork
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/groundwork-api.jar"]
