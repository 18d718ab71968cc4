# The ladder container image: `docker build -t ladder .` from the repository's root, then, in a site's folder,
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/site" ladder build --strict
# The first stage builds the release binary exactly as `make dist` does (the Swift runtime, libcmark and
# libxml2 linked in); the second holds that one file on Debian's slim image, which brings glibc and a
# shell (GitLab CI runs its jobs' scripts with one; see deploy/gitlab-ci.yml).
FROM swift:6.3.1-bookworm AS build
# The static libraries make dist links. Not pinned (hadolint's DL3008): Debian 12's versions, which change only
# with its security updates, and a pinned one disappears from the archive when they do.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcmark-dev libxml2-dev liblzma-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The commit `ladder --version` prints: `docker build --build-arg LADDER_COMMIT=$(git rev-parse --short HEAD) .`
# (.dockerignore leaves .git out of the build).
ARG LADDER_COMMIT=unknown
RUN LADDER_COMMIT="$LADDER_COMMIT" make dist \
    && mkdir /out \
    && tar -xzf dist/ladder-*-linux-*.tar.gz -C /out --strip-components=1

FROM debian:bookworm-slim
COPY --from=build /out/ladder /usr/local/bin/ladder
WORKDIR /site
# `ladder serve` in a container: `docker run -p 4000:4000 -v "$PWD:/site" ladder serve --host 0.0.0.0`
EXPOSE 4000
ENTRYPOINT ["ladder"]
CMD ["build"]
