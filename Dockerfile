# One image recipe for every mediaflow service: docker build --build-arg SERVICE=api-gateway .
# (devstack builds the provisioning tool that creates topics and the bucket.)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SERVICE
ENV SERVICE=${SERVICE} JAVA_OPTS="-XX:MaxRAMPercentage=75"
# libpulse0: the ffmpeg bundled from Maven (bytedeco) links against it; curl: health checks
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpulse0 curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 mediaflow \
 && mkdir -p /var/lib/mediaflow && chown mediaflow /var/lib/mediaflow
COPY --from=build /src/${SERVICE}/target/ /app/
USER mediaflow
WORKDIR /app
ENV WORK_DIR=/var/lib/mediaflow
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/$SERVICE.jar \"$@\"", "--"]
