# One image per side: docker build --build-arg MODULE=command-side -t inventory-command-side .
# Build the jars first (./mvnw -DskipTests package); the image adds a JRE and curl for the health check.
FROM eclipse-temurin:17-jre
ARG MODULE
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 inventory
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-*.jar /app/app.jar
USER inventory
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
