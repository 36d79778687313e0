#!/bin/sh
# Starts the app given as arguments. Migrations are not run here: the one-shot `migrate` service
# runs them as the owner of the tables (DATABASE_OWNER_URL) and grants the apps' role, so the apps
# never hold the owner's credentials.
set -e
exec "$@"
