#!/bin/sh
# Applies migrations, then starts the app given as arguments (both services run this; migrations
# are idempotent and run in a transaction each, so two services starting together is safe).
set -e
node dist/scripts/migrate.js
exec "$@"
