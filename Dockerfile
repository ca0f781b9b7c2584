# The platform's one image. docker-compose.yml runs it as web (gunicorn, the
# default command below), worker and beat (celery) and a one-shot migrate.
FROM python:3.11-slim

# gunicorn reads its worker count from WEB_CONCURRENCY (about 2 per CPU core);
# set it per deployment.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    MEDIA_ROOT=/app/media \
    PRIVATE_MEDIA_ROOT=/app/private-media \
    WEB_CONCURRENCY=3

WORKDIR /app

# Dependencies first, so this layer is rebuilt only when the lock file changes.
# Every locked package ships a manylinux wheel: no compiler needed.
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .

# Static files are built into the image; WhiteNoise serves them under hashed
# names. Production settings refuse to load without a secret key, PostgreSQL,
# Redis and the proxy count: these dummies exist for this one step only and are
# not part of the image's environment. collectstatic connects to neither (.invalid never resolves).
RUN DJANGO_SECRET_KEY=build-time-only-dummy-key-for-collectstatic-never-used-at-runtime \
    DATABASE_URL=postgres://build@collectstatic.invalid:5432/unused \
    REDIS_URL=redis://collectstatic.invalid:6379/0 \
    TRUSTED_PROXY_COUNT=1 \
    python manage.py collectstatic --noinput

# Run as an unprivileged user; it may write uploads to the two media folders only
# (public renditions, private files), and the compose stack's migrate service
# collects static files into /srv/static for the proxy.
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home app \
    && mkdir -p /app/media /app/private-media /srv/static \
    && chown app:app /app/media /app/private-media /srv/static
USER app

EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--timeout", "60"]
