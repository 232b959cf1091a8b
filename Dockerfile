# syntax=docker/dockerfile:1
# Build stage: turn the project and the locked dependencies into wheels. requirements.lock is
# the same runtime lock `make run` installs, so the image resolves no versions of its own.
FROM python:3.11-slim AS build
WORKDIR /src
COPY requirements.lock pyproject.toml README.md ./
COPY bot ./bot
COPY content ./content
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels -r requirements.lock \
    && pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

# Runtime stage: only the installed wheels, run as a non-root user.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STUDYBOT_DATA_DIR=/data
RUN groupadd --system --gid 10001 studybot \
    && useradd --system --uid 10001 --gid 10001 --home-dir /home/studybot --create-home studybot \
    && mkdir -p /data \
    && chown 10001:10001 /data
COPY --from=build /wheels /wheels
COPY --from=build /src/requirements.lock /wheels/requirements.lock
RUN pip install --no-cache-dir --no-index --no-deps --find-links /wheels \
        -r /wheels/requirements.lock studybot==0.1.0 \
    && rm -rf /wheels
USER 10001:10001
WORKDIR /home/studybot
VOLUME ["/data"]
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]
ENTRYPOINT ["python", "-m", "bot"]
# A container has no terminal for the console chat: it runs every chat face whose tokens are
# set (Discord, Slack or both) and never the console. No token at all is a one-line error and
# exit code 78 (configuration), and compose restarts a failed container only a few times, with
# Docker's growing delay: no restart storm.
CMD ["run", "--service"]
