# One image per side: docker build --build-arg MODULE=command-side -t inventory-command-side .
# Build the jars first (./mvnw -DskipTests package); the image only adds a JRE.
FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 inventory
WORKDIR /app
COPY ${MODULE}/target/${MODULE}-*.jar /app/app.jar
USER inventory
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
