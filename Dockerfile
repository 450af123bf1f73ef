# syntax=docker/dockerfile:1
# The Synthos service image: built with Maven, run on a JRE cut down by jlink to the modules the jar
# uses, as a non-root user, with a read-only root filesystem (data on /var/lib/synthos, scratch on
# /tmp: mount both writable) and a health check on /health/ready.
#
#   docker build -t synthos:dev .
#   deploy/container/smoke.sh synthos:dev
#
# The base images are arguments so that a registry mirror, or images made from Debian packages, can
# stand in for them: BUILD_IMAGE needs a JDK 17 (with jdeps and jlink) and Maven; RUNTIME_IMAGE
# needs glibc (the native codecs and Netty's transport link against it) and bash (the health check).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY synthos-api synthos-api
COPY synthos-core synthos-core
COPY synthos-io synthos-io
COPY synthos-report synthos-report
COPY synthos-service synthos-service
COPY synthos-cli synthos-cli
COPY synthos-bench/pom.xml synthos-bench/pom.xml
COPY synthos-spark/pom.xml synthos-spark/pom.xml
COPY synthos-neural synthos-neural
# MAVEN_ARGS lets a build without network use a mounted repository (-o); tests ran in CI already.
# MAVEN_ARGS=-Pneural adds the PyTorch CPU native library for the learnability cascade's mlp tier
# (about 107 MiB more in the jar, and about 430 MiB extracted under DJL_CACHE_DIR on first use);
# without it the tier reports that its runtime is missing and everything else runs.
ARG MAVEN_ARGS=""
RUN mvn -B -q ${MAVEN_ARGS} -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true \
      -pl synthos-cli -am package \
 && cp synthos-cli/target/synthos.jar /synthos.jar

FROM build AS jre
# The modules the jar needs, plus those it reaches only through service loaders or tools:
# jdk.crypto.ec (EC keys of the mutual TLS certificates) and jdk.jcmd (thread dumps in an incident).
# Java debug attributes only: stripping native symbols needs objcopy on some JDK builds (Debian's).
RUN jdeps --ignore-missing-deps --print-module-deps --multi-release 17 /synthos.jar > /modules \
 && jlink --add-modules "$(cat /modules),jdk.crypto.ec,jdk.jcmd" \
      --strip-java-debug-attributes --no-man-pages --no-header-files --compress=2 --output /jre

FROM ${RUNTIME_IMAGE}
ARG UID=10001
RUN groupadd --system --gid ${UID} synthos \
 && useradd --system --uid ${UID} --gid ${UID} --home-dir /var/lib/synthos --no-create-home \
      --shell /usr/sbin/nologin synthos \
 && mkdir -p /var/lib/synthos /etc/synthos \
 && chown ${UID}:${UID} /var/lib/synthos
COPY --from=jre /jre /opt/jre
COPY --from=build /synthos.jar /opt/synthos/synthos.jar
# Listen on every interface inside the container; everything else comes from the configuration.
ENV SYNTHOS_DATA_DIR=/var/lib/synthos \
    SYNTHOS_GRPC_HOST=0.0.0.0 \
    SYNTHOS_HTTP_HOST=0.0.0.0 \
    DJL_CACHE_DIR=/tmp/djl \
    ENGINE_CACHE_DIR=/tmp/djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
USER 10001:10001
WORKDIR /var/lib/synthos
VOLUME ["/var/lib/synthos"]
EXPOSE 8000 50051
# Plain bash, so the image needs no HTTP client: the readiness route answers 200 or 503.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SYNTHOS_HTTP_PORT:-8000} && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# Java is PID 1 and gets SIGTERM itself: it drains for jobs.shutdown_grace_seconds, then exits 0.
ENTRYPOINT ["/opt/jre/bin/java", "-jar", "/opt/synthos/synthos.jar", "serve"]
CMD []
