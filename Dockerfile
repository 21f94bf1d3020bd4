# One image recipe for every CaseBridge service; docker-compose.yml passes the module:
#
#   docker build --build-arg SERVICE=case-service -t casebridge/case-service .
#
# SERVICE is a reactor module whose Spring Boot jar is <module>/target/<module>.jar.

# ---------------------------------------------------------------- build
FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
# The Maven repository is a BuildKit cache shared by the six image builds (locked,
# so parallel builds take turns rather than write the same files at once).
RUN --mount=type=cache,id=casebridge-m2,target=/root/.m2/repository,sharing=locked \
    test -n "${SERVICE}" || { echo "build argument SERVICE is required, e.g. --build-arg SERVICE=case-service" >&2; exit 1; }; \
    mvn -q -B -pl "${SERVICE}" -am package -DskipTests

# ---------------------------------------------------------------- run
FROM eclipse-temurin:17.0.13_11-jre
ARG SERVICE

# curl is for the container health check (GET /actuator/health/readiness).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 casebridge \
 && useradd --system --uid 10001 --gid casebridge --home-dir /app --no-create-home --shell /usr/sbin/nologin casebridge

WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar

ENV CASEBRIDGE_SERVICE=${SERVICE} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
