# One image per side: docker build --build-arg MODULE=command-side -t inventory-command-side .
# Build the jars first (./mvnw -DskipTests -Daot.skip package: the image trains its own cache). The image runs
# the side on a Temurin 25 JRE with an ahead-of-time cache made by a training run inside this very image (a
# cache loads only on the JVM that wrote it; ops/aot/train, about 40 s per side; the query side's training
# reads events the command side's training wrote, so both jars are copied and the other one removed).
FROM eclipse-temurin:25-jdk AS training-traffic
COPY ops/aot/TrainingTraffic.java /src/
RUN javac -d /traffic /src/TrainingTraffic.java

FROM eclipse-temurin:25-jre
ARG MODULE
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 inventory
WORKDIR /app
COPY ops/java ops/run ops/jvm.options /app/ops/
COPY ops/aot/train /app/ops/aot/
COPY --from=training-traffic /traffic /app/ops/aot/traffic
COPY command-side/target/command-side-*.jar /app/command-side/target/
COPY query-side/target/query-side-*.jar /app/query-side/target/
RUN AOT_TRAFFIC_CLASSPATH=/app/ops/aot/traffic ops/aot/train "$MODULE" \
    && find /app -mindepth 1 -maxdepth 1 -name '*-side' ! -name "$MODULE" -exec rm -rf {} + \
    && rm -rf /app/ops/aot
ENV MODULE=${MODULE}
# the heap comes from the container's memory (MaxRAMPercentage, compose); the rest as ops/jvm.options
ENV INVENTORY_JVM_OPTIONS="-XX:MaxMetaspaceSize=160m -Xss512k -XX:+UseParallelGC -XX:ReservedCodeCacheSize=96m"
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
USER inventory
ENTRYPOINT ["/bin/sh", "-c", "exec /app/ops/run \"$MODULE\" \"$@\"", "--"]
