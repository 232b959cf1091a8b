# syntax=docker/dockerfile:1
# Build stage: turn the project and all its dependencies into wheels.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY content ./content
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

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
RUN pip install --no-cache-dir --no-index --find-links /wheels studybot==0.1.0 \
    && rm -rf /wheels
USER 10001:10001
WORKDIR /home/studybot
VOLUME ["/data"]
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]
ENTRYPOINT ["python", "-m", "bot"]
# A container has no terminal for the console chat: it always runs the Discord bot, and a
# missing DISCORD_TOKEN is a one-line error rather than a console that exits at once.
CMD ["run", "--platform", "discord"]
